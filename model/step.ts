// ---------------------------------------------------------------------------------------------------------
// model: the next-state relation. `step` only dispatches (style habit 8); every operation is one pure
// function in the file named after its concept.
//
// The dispatch is a table with one entry per operation type rather than a ts-pattern `match(op)`: the
// mapped type makes it exhaustive in the same way (leave an operation out, or add one to `Op` without a
// handler, and it does not compile), and it costs one property read per step instead of a pattern match
// over eight object patterns, which was the largest single cost of a step on the small configs
// (docs/performance.md).
// ---------------------------------------------------------------------------------------------------------
import { tick } from "./clock.ts";
import type { Config } from "./config.ts";
import { capacityAdded, frontendCrashed, frontendRemoved, frontendRestarted } from "./fleet.ts";
import { peerLearned } from "./membership.ts";
import type { Op, OpType } from "./ops.ts";
import type { StepResult } from "./refusal.ts";
import { requestRouted } from "./routing.ts";
import { shardMoved } from "./shardMap.ts";
import type { State } from "./state.ts";

/** The function that applies one operation type. */
export type Operation<K extends OpType> = (
  config: Config,
  state: State,
  op: Extract<Op, { type: K }>,
) => StepResult;

/** A function for every operation type; leaving one out is a type error. */
export type OperationTable = { readonly [K in OpType]: Operation<K> };

/** Every operation type and the function that applies it. */
const OPERATIONS: OperationTable = {
  capacityAdded,
  frontendRemoved,
  frontendRestarted,
  frontendCrashed,
  peerLearned,
  shardMoved,
  requestRouted,
  tick: (config, state) => tick(config, state),
};

/** The next state after `op`, or a typed refusal when `op` is not enabled in `state`. */
export const step = (config: Config, state: State, op: Op): StepResult =>
  // TypeScript cannot correlate `OPERATIONS[op.type]` with `op`'s own member of the union; the table's type
  // above is what guarantees each entry takes the operation it is indexed by.
  (OPERATIONS[op.type] as Operation<OpType>)(config, state, op);
