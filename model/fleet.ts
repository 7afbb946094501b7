// ---------------------------------------------------------------------------------------------------------
// model: fleet membership. The membership service's list (state.frontends, state.cellSizes) is authoritative;
// each frontend's own view (knownPeers) catches up over time through `peerLearned` (membership.ts) and the
// propagation deadline (clock.ts). K6 [AWS-v]: "it takes up to an hour for any existing front-end fleet
// member to learn of new participants".
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { stampedIfFallsBehind } from "./lag.ts";
import { next, notEnabled, prevented, type StepResult } from "./refusal.ts";
import {
  type Frontend,
  frontendName,
  frontendWith,
  placeMembers,
  positionOf,
  type State,
  serversFor,
  stateWith,
  withFrontendAt,
} from "./state.ts";
import { threadLimitInForce, threadsFor } from "./threadFormula.ts";
import { connectablePeers } from "./threads.ts";

/** K5: the threads the largest group of peers would need: the preflight guard's closed form. */
export const threadsForGroupOf = (config: Config, members: number): number =>
  threadsFor(config, Math.max(0, members - 1));

/**
 * The membership after a change: the members but the one at `removed` (-1 for none), then `joined`. K6: the
 * live members of the cells `changes` names that are in step with the membership now are stamped with the
 * current tick: their cell's membership changes with this step, so from now on they lag it. A member already
 * behind keeps the tick it fell behind at (its lag goes on growing). The other records are shared.
 *
 * One pass into a fresh array, local to this call and filled in place before it is returned (as
 * `placeMembers` does): `map` and then `toSpliced` or a spread cost several times as much at 1,000 frontends
 * (`toSpliced` of an array `map` has just filled took 40–60 µs against 1 µs for the state's own array;
 * docs/performance.md).
 */
const membersAfter = (
  state: State,
  changes: (cell: number) => boolean,
  removed: number,
  joined: ReadonlyArray<Frontend>,
): ReadonlyArray<Frontend> => {
  const members: Frontend[] = [];
  for (let i = 0; i < state.frontends.length; i++) {
    if (i === removed) continue;
    const f = state.frontends[i] as Frontend;
    members.push(changes(f.cell) ? stampedIfFallsBehind(state, f) : f);
  }
  for (const f of joined) members.push(f);
  return members;
};

/**
 * K16: operators add `count` servers' worth of capacity at once. Enabled while the fleet stays within the
 * capacity plan (`fleet.maxSize`). New members read the whole membership at start (K4(a)) and bootstrap;
 * existing members learn of them over time (K6). With the preflight guard (seed 003: "a simulator to test
 * all cases before deploying additional capacity"), an addition that would put any frontend over the thread
 * limit is refused before it is deployed.
 */
export const capacityAdded = (config: Config, state: State, op: { readonly count: number }): StepResult => {
  if (op.count < 1) return notEnabled("an addition adds at least one server's worth of capacity");
  const units = state.capacityUnits + op.count;
  if (units > config.fleet.maxSize)
    return notEnabled(`the fleet would reach ${units} servers, past the plan's ${config.fleet.maxSize}`);
  const added = serversFor(config, units) - serversFor(config, state.capacityUnits);
  const placed = placeMembers(config, state.cellSizes, added);
  const largest = Math.max(0, ...placed.sizes);
  if (config.remediations.preflightGuard && threadsForGroupOf(config, largest) > threadLimitInForce(config))
    return prevented(
      "preflightGuard",
      `${largest} peers in a group would need ${threadsForGroupOf(config, largest)} threads each, over the limit of ${threadLimitInForce(config)}`,
    );
  const newcomers = placed.cells.map((cell, i): Frontend => {
    const peers = (placed.sizes[cell] ?? 1) - 1;
    return {
      id: state.nextId + i,
      status: "bootstrapping",
      cell,
      knownPeers: peers,
      connectedPeers: connectablePeers(config, peers),
      map: "building",
      staleShards: 0,
      // Behind from now on if the OS refuses some of its threads (K7); meaningless while in step.
      behindSince: state.tick,
      bootstrapLeft: config.coldStart.bootstrapTicks,
    };
  });
  return next(
    stateWith(state, {
      frontends: membersAfter(state, (cell) => placed.sizes[cell] !== state.cellSizes[cell], -1, newcomers),
      cellSizes: placed.sizes,
      nextId: state.nextId + added,
      capacityUnits: units,
    }),
  );
};

/** 09:39 [AWS-v]: operators take a frontend out of the fleet (the added capacity was removed). Keeps one. */
export const frontendRemoved = (
  config: Config,
  state: State,
  op: { readonly frontend: number },
): StepResult => {
  if (state.frontends.length <= 1) return notEnabled("the last frontend is never removed");
  const index = positionOf(state, op.frontend);
  const gone = state.frontends[index] as Frontend;
  const unitsPerServer = config.remediations.largerServers
    ? config.remediationParameters.largerServerFactor
    : 1;
  return next(
    stateWith(state, {
      frontends: membersAfter(state, (cell) => cell === gone.cell, index, []),
      cellSizes: state.cellSizes.map((n, c) => (c === gone.cell ? n - 1 : n)),
      capacityUnits: Math.max(0, state.capacityUnits - unitsPerServer),
    }),
  );
};

/**
 * K12/K11: operators restart a frontend. It reads the membership afresh (K4(a)), opens a thread per peer as far
 * as the OS allows (K7), and bootstraps its map for `bootstrapTicks` before serving.
 */
export const frontendRestarted = (
  config: Config,
  state: State,
  op: { readonly frontend: number },
): StepResult => {
  if (state.frontends.length === 0) return notEnabled("the fleet is empty");
  const index = positionOf(state, op.frontend);
  const f = state.frontends[index] as Frontend;
  if (f.status === "bootstrapping") return notEnabled(`${frontendName(f)} is already bootstrapping`);
  const peers = (state.cellSizes[f.cell] ?? 1) - 1;
  return next(
    withFrontendAt(
      state,
      index,
      frontendWith(f, {
        status: "bootstrapping",
        knownPeers: peers,
        connectedPeers: connectablePeers(config, peers),
        map: "building",
        staleShards: 0,
        // K6: it starts its lag afresh (it has just read the membership); it lags only if the OS refused threads.
        behindSince: state.tick,
        bootstrapLeft: config.coldStart.bootstrapTicks,
      }),
    ),
  );
};

/** A frontend process dies: it stays a member (peers keep their threads to it) but serves nothing. */
export const frontendCrashed = (
  _config: Config,
  state: State,
  op: { readonly frontend: number },
): StepResult => {
  if (state.frontends.length === 0) return notEnabled("the fleet is empty");
  const index = positionOf(state, op.frontend);
  const f = state.frontends[index] as Frontend;
  if (f.status === "stopped") return notEnabled(`${frontendName(f)} is already stopped`);
  return next(
    withFrontendAt(
      state,
      index,
      frontendWith(f, {
        status: "stopped",
        connectedPeers: 0,
        map: "building",
        staleShards: 0,
        bootstrapLeft: 0,
      }),
    ),
  );
};
