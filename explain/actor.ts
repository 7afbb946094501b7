// ---------------------------------------------------------------------------------------------------------
// explain: who performs an operation (style habit 4, `actor/event`), for core and dependent operations
// alike: the core's ACTOR (model/ops.ts) and the dependents' DEPENDENT_ACTOR (model/system.ts). Pure.
// ---------------------------------------------------------------------------------------------------------
import { ACTOR } from "../model/ops.ts";
import { DEPENDENT_ACTOR, type DependentOpType, type SystemOp } from "../model/system.ts";

const isDependent = (type: SystemOp["type"]): type is DependentOpType => type in DEPENDENT_ACTOR;

/** The actor of `op`: operator, client, backend, clock, frontend, or a dependent's (user, cognito, customer…). */
export const actorOf = (op: SystemOp): string =>
  isDependent(op.type) ? DEPENDENT_ACTOR[op.type] : ACTOR[op.type];
