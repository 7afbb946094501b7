// ---------------------------------------------------------------------------------------------------------
// specs/fleet/compiled: `step` (model/step.ts) dispatched through a table, the fleet spec's next-state
// function in the engine. Equal to model/step.ts by construction and by test (stepTable.test.ts); the model
// keeps the readable match, this file keeps the speed.
//
// The dispatch is the ts-pattern match `operationOf`, `.exhaustive()` over every operation kind (habit 9:
// adding an operation to `Op` breaks compilation there until it is handled), evaluated once per kind when
// this module loads, into a frozen table that `tableStep` reads. Why not `match(op)` on every step: ts-pattern
// builds its matcher anew on each call (an object per `.with`, a closure per handler, `Reflect.ownKeys` per
// object pattern), which cost about 2 µs a step on as-was, more than the rest of a step and its five checks.
// Measured on the bench's simulation (`as-was`, CPU time, separate processes, docs/performance.md): the
// per-step `match(op)` over object patterns 0.29–0.33 M steps/s; a per-step `match(op.type)` over string
// patterns 0.50–0.68 M (and it loses the narrowing of `op`, so every handler needs a cast); the match
// evaluated once per kind 0.76–0.92 M. `handles` keeps the table as safe as the per-step match: each
// handler's function is type-checked against the kind it is matched to (mapping `peerLearned` to `shardMoved`
// does not compile), so the one cast, in `tableStep`, only restates what the match established.
// ---------------------------------------------------------------------------------------------------------
import { match } from "ts-pattern";
import { tick } from "../../../model/clock.ts";
import type { Config } from "../../../model/config.ts";
import { capacityAdded, frontendCrashed, frontendRemoved, frontendRestarted } from "../../../model/fleet.ts";
import { peerLearned } from "../../../model/membership.ts";
import { OP_TYPES, type Op, type OpType } from "../../../model/ops.ts";
import type { StepResult } from "../../../model/refusal.ts";
import { requestRouted } from "../../../model/routing.ts";
import { shardMoved } from "../../../model/shardMap.ts";
import type { State } from "../../../model/state.ts";

/** The pure function that applies operations of kind `K`. */
export type Operation<K extends OpType> = (
  config: Config,
  state: State,
  op: Extract<Op, { readonly type: K }>,
) => StepResult;

/** An `Operation` with its kind forgotten: what the table stores (it is called only through `step`). */
type AnyOperation = (config: Config, state: State, op: never) => StepResult;

/** A table entry: `apply`, checked to take operations of kind `kind`, stored without its kind. */
const handles = <K extends OpType>(_kind: K, apply: Operation<K>): AnyOperation => apply;

/** Which function applies operations of `kind`: the model's one match over the operations. */
const operationOf = (kind: OpType): AnyOperation =>
  match(kind)
    .returnType<AnyOperation>()
    .with("capacityAdded", (k) => handles(k, capacityAdded))
    .with("frontendRemoved", (k) => handles(k, frontendRemoved))
    .with("frontendRestarted", (k) => handles(k, frontendRestarted))
    .with("frontendCrashed", (k) => handles(k, frontendCrashed))
    .with("peerLearned", (k) => handles(k, peerLearned))
    .with("shardMoved", (k) => handles(k, shardMoved))
    .with("requestRouted", (k) => handles(k, requestRouted))
    .with("tick", (k) => handles(k, (config, state) => tick(config, state)))
    .exhaustive();

/** `operationOf` for every kind (OP_TYPES lists them all: it is the keys of a record over OpType). */
const OPERATIONS = Object.freeze(Object.fromEntries(OP_TYPES.map((kind) => [kind, operationOf(kind)]))) as {
  readonly [K in OpType]: AnyOperation;
};

/** `step` (model/step.ts): the next state after `op`, or a typed refusal when `op` is not enabled in `state`. */
export const tableStep = (config: Config, state: State, op: Op): StepResult =>
  // TypeScript cannot correlate `OPERATIONS[op.type]` with `op`'s own member of the union; `operationOf`
  // matched each kind to a function `handles` checked against that kind.
  (OPERATIONS[op.type] as Operation<OpType>)(config, state, op);
