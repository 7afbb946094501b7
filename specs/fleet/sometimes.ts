// ---------------------------------------------------------------------------------------------------------
// specs/fleet: what must be reachable for a proof about the fleet to mean something (issue 19, Stateright's
// `sometimes`): the addition that triggered the outage accepted, the plan's largest fleet reached, every kind
// of operation taken, a cell filled to its size under cellularization, a bootstrap completed,
// and under R8 a map read from the authoritative store (not from peers).
// ---------------------------------------------------------------------------------------------------------
import type { Sometimes } from "../../checker/spec.ts";
import type { Config } from "../../model/config.ts";
import { OP_TYPES, type Op } from "../../model/ops.ts";
import { peerInputWhole } from "../../model/shardMap.ts";
import { type State, serversFor } from "../../model/state.ts";
import { threadsFit } from "../../model/threadFormula.ts";

type FleetSometimes = Sometimes<Config, State, Op>;

const opTaken = (kind: Op["type"]): FleetSometimes => ({
  name: `${kind.charAt(0).toUpperCase()}${kind.slice(1)}Taken`,
  sentence: `some reachable state takes a ${kind} operation`,
  reached: (_config, _state, via) => via?.op.type === kind,
});

export const FLEET_SOMETIMES: ReadonlyArray<FleetSometimes> = [
  {
    name: "CapacityAdditionAccepted",
    sentence: "an addition of capacity is accepted (K16, the trigger of 25 Nov)",
    reached: (_config, _state, via) => via?.op.type === "capacityAdded",
  },
  {
    name: "PlannedMaximumReached",
    sentence: "the fleet reaches the capacity plan's maximum (fleet.maxSize)",
    // Not expected with the preflight guard alone: it exists to refuse the additions that would get there.
    applies: (config) => !config.remediations.preflightGuard,
    reached: (config, state) => state.capacityUnits === config.fleet.maxSize,
  },
  ...OP_TYPES.filter((kind) => kind !== "capacityAdded").map(opTaken),
  {
    name: "CellFilled",
    sentence:
      "under cellularization, a cell holds as many members as the cell size (R7), when the plan has that many servers",
    // Only when the plan's largest fleet, in servers, has a cell's worth: as-was with larger servers plans 3
    // servers (12 units of 4) against cells of 4, so no cell can fill there, and its proofs do not need one to.
    applies: (config) =>
      config.remediations.cellularization &&
      serversFor(config, config.fleet.maxSize) >= config.remediationParameters.cellSize,
    reached: (config, state) => state.cellSizes.some((n) => n === config.remediationParameters.cellSize),
  },
  {
    name: "BootstrapCompleted",
    sentence: "a bootstrapping frontend (added or restarted) completes its shard-map and serves",
    reached: (_config, state, via) =>
      via !== undefined &&
      state.frontends.some((f) => f.status === "serving" && f.map === "complete") &&
      state.frontends.filter((f) => f.status === "bootstrapping").length <
        via.before.frontends.filter((f) => f.status === "bootstrapping").length &&
      state.frontends.filter((f) => f.status === "serving").length >
        via.before.frontends.filter((f) => f.status === "serving").length,
  },
  {
    name: "AuthoritativeBootstrapUsed",
    sentence:
      "under bootstrapFromAuthoritative, a bootstrap completes its map without whole peer input, read from the metadata store (R8)",
    // R8 has work only when a bootstrap ends without a thread for every peer. With a remediation that bounds
    // thread demand (R1, R7, the preflight guard) that did not happen on the built-in configs (verify on
    // small+all reaches no such state), so the store is not expected to be needed there; nor where the plan's
    // largest fleet fits the limit in force (R3's tested limit on small, or R5's base threads alone): then no
    // thread is ever refused.
    applies: (config) =>
      config.remediations.bootstrapFromAuthoritative &&
      !config.remediations.preflightGuard &&
      !config.remediations.largerServers &&
      !config.remediations.cellularization &&
      !threadsFit(config, serversFor(config, config.fleet.maxSize) - 1),
    reached: (_config, state, via) =>
      via !== undefined &&
      state.frontends.some((f, i) => {
        const before = via.before.frontends[i];
        return (
          before?.status === "bootstrapping" &&
          f.status === "serving" &&
          f.map === "complete" &&
          !peerInputWhole(f)
        );
      }),
  },
];
