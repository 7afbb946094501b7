import type { SystemConfig } from "../../model/dependents/config.ts";
import { CONTAINER_SERVICES } from "../../model/dependents/eventbridge.ts";
import type { OpType } from "../../model/ops.ts";
import {
  DEPENDENT_OP_TYPES,
  type DependentOp,
  type DependentOpType,
  type SystemOp,
  type SystemState,
} from "../../model/system.ts";
import { candidateOps } from "../fleet/enabledOps.ts";
import { type Component, OP_COMPONENT } from "./key.ts";

/** Each dependent event's finite domain; keyed by type so a new event does not compile until it has one. */
const DEPENDENT_GENERATORS: { readonly [K in DependentOpType]: ReadonlyArray<DependentOp> } = {
  authRequested: [{ type: "authRequested" }],
  cognitoCapacityAdded: [{ type: "cognitoCapacityAdded" }],
  loadChanged: [{ type: "loadChanged" }],
  functionInvoked: [{ type: "functionInvoked" }],
  clusterRequested: CONTAINER_SERVICES.map((service): DependentOp => ({ type: "clusterRequested", service })),
  statusPostStarted: [{ type: "statusPostStarted" }],
  // A template: `systemCandidateOps` tries it at every position of the fleet in the state at hand.
  frontendJudgedUnhealthy: [{ type: "frontendJudgedUnhealthy", frontend: 0 }],
  partitionCapacityAdded: [{ type: "partitionCapacityAdded" }],
};

/** The dependent events on the cone, in a fixed order. */
export const coneDependentOps = (cone: ReadonlyArray<Component>): ReadonlyArray<DependentOp> =>
  DEPENDENT_OP_TYPES.filter((t) => cone.includes(OP_COMPONENT[t])).flatMap((t) => DEPENDENT_GENERATORS[t]);

/**
 * Core operations that change only what no dependent reads (stale shard bits, shard owners, request counts:
 * systemKey.ts), so they are self-loops under the system key and need not be tried (systemKey.test.ts checks it).
 */
export const INVISIBLE_TO_DEPENDENTS: ReadonlySet<OpType> = new Set<OpType>(["shardMoved", "requestRouted"]);

/** The cone's dependent events in `s`: the health check's template tried at every position of the fleet. */
export const dependentCandidates = (
  s: SystemState,
  dependentOps: ReadonlyArray<DependentOp>,
): ReadonlyArray<DependentOp> =>
  dependentOps.flatMap((op) =>
    op.type === "frontendJudgedUnhealthy"
      ? s.core.frontends.map((_, frontend): DependentOp => ({ type: "frontendJudgedUnhealthy", frontend }))
      : [op],
  );

/** The candidate operations in `s`: the core's over their finite domains, then the cone's dependent events. */
export const systemCandidateOps = (
  config: SystemConfig,
  s: SystemState,
  dependentOps: ReadonlyArray<DependentOp>,
): ReadonlyArray<SystemOp> => [
  ...candidateOps(config, s.core).filter((op) => !INVISIBLE_TO_DEPENDENTS.has(op.type)),
  ...dependentCandidates(s, dependentOps),
];
