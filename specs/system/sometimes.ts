// ---------------------------------------------------------------------------------------------------------
// specs/system: what must be reachable for a proof about a dependent to mean something (issue 19, Stateright's
// `sometimes`). Every dependent invariant is a claim about how a service behaves while Kinesis is impaired and
// after (domain.md §(b) C1–C4, W1, A1, L1, E1/E2, H1), so its exploration must reach the impairment and the
// recovery; and each dependent event in the invariant's cone must be taken somewhere, or the service's side of
// the claim was never exercised. The system is explored one invariant at a time (its cone), so each property
// applies to the explorations whose cone it belongs to.
// ---------------------------------------------------------------------------------------------------------
import type { Sometimes } from "../../checker/spec.ts";
import { overThreadLimit } from "../../model/dependents/alarms.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import { mainFleetAvailable } from "../../model/dependents/kinesisHealth.ts";
import { partitionGrowable } from "../../model/dependents/partitionFleet.ts";
import {
  DEPENDENT_OP_TYPES,
  type DependentOpType,
  type SystemOp,
  type SystemState,
} from "../../model/system.ts";
import { systemInvariantNamed } from "../../properties/dependents/index.ts";
import { coneOf, OP_COMPONENT } from "./key.ts";

type SystemSometimes = Sometimes<SystemConfig, SystemState, SystemOp>;

/** Whether the dependent event `kind` can happen in the exploration of the invariants named `about`. */
const inCone = (kind: DependentOpType, about: ReadonlyArray<string>): boolean =>
  about.some((name) => {
    const inv = systemInvariantNamed(name);
    return inv !== undefined && coneOf(inv.name).includes(OP_COMPONENT[kind]);
  });

/** Whether `kind` can be enabled at all under `config`: R6's partition addition needs R6 and a partition to grow. */
const canHappen = (kind: DependentOpType, config: SystemConfig): boolean =>
  kind !== "partitionCapacityAdded" || partitionGrowable(config);

const eventTaken = (kind: DependentOpType): SystemSometimes => ({
  name: `${kind.charAt(0).toUpperCase()}${kind.slice(1)}Taken`,
  sentence: `some reachable state takes a ${kind} event`,
  applies: (config, about) => inCone(kind, about) && canHappen(kind, config),
  reached: (_config, _state, via) => via?.op.type === kind,
});

export const SYSTEM_SOMETIMES: ReadonlyArray<SystemSometimes> = [
  {
    name: "KinesisImpaired",
    sentence: "Kinesis becomes unavailable to its dependents (too few serving frontends can route: K2, K8)",
    reached: (config, state) => !mainFleetAvailable(config, state.core),
  },
  {
    name: "KinesisRecovered",
    sentence: "Kinesis becomes available to its dependents again after an impairment",
    // R2's claim is about the crossing, which comes before any impairment: recovery does not bear on it.
    applies: (_config, about) => about.some((name) => name !== "ThreadAlarmBeforeLimit"),
    reached: (config, state, via) =>
      via !== undefined &&
      !mainFleetAvailable(config, via.before.core) &&
      mainFleetAvailable(config, state.core),
  },
  {
    name: "ThreadLimitPassed",
    sentence: "a frontend needs more threads than the OS limit (K7): the crossing R2's alarm must not miss",
    // Not expected where a fleet remediation is there to keep every frontend within the limit (R1's plan, R7's
    // cells, seed 003's guard: ThreadBudget's proofs): there the property holds because nothing crosses.
    applies: (config, about) =>
      about.includes("ThreadAlarmBeforeLimit") &&
      !config.remediations.preflightGuard &&
      !config.remediations.largerServers &&
      !config.remediations.cellularization,
    reached: (config, state) => state.core.frontends.some((f) => overThreadLimit(config, f)),
  },
  ...DEPENDENT_OP_TYPES.map(eventTaken),
];
