// ---------------------------------------------------------------------------------------------------------
// checker: running a list of operations through the model's `step` and checking invariants after every step.
// Pure. The search, the replay and the CLI all use this one fold, so none of them re-implements the model
// (style habit 17).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import { opLabel } from "../model/opLabel.ts";
import type { Op } from "../model/ops.ts";
import type { StepResult } from "../model/refusal.ts";
import { initialState, type State } from "../model/state.ts";
import { step } from "../model/step.ts";
import type { Invariant, Violation } from "../properties/index.ts";
import { type Checked, firstViolationAfterStep, incrementalPays, stepDelta } from "./incrementalCheck.ts";
import { changesBetween } from "./summary.ts";

/**
 * A next-state function with `step`'s signature. The checker runs the real `step` unless given another one:
 * the planted-bug suite (checker/plantedBugs/) passes deliberately wrong variants to prove the invariants bite.
 */
export type StepFn = (config: Config, state: State, op: Op) => StepResult;

export interface TraceStep {
  /** 1-based position in the operation list. */
  readonly step: number;
  readonly op: Op;
  readonly label: string;
  /** Why the model refused the operation (the state did not change), if it did. */
  readonly refused?: string;
  readonly changes: ReadonlyArray<string>;
}

export interface TraceResult {
  readonly steps: ReadonlyArray<TraceStep>;
  /** The first violation, and the step after which it held (0 = in the initial state). */
  readonly violation?: { readonly step: number; readonly violation: Violation };
  readonly final: State;
}

/** The first violation among `invariants` in `state`, if any. */
export const firstViolation = (
  config: Config,
  state: State,
  invariants: ReadonlyArray<Invariant>,
): Violation | undefined => {
  for (const inv of invariants) {
    const v = inv.check(config, state);
    if (O.isSome(v)) return v.value;
  }
  return undefined;
};

/**
 * The first violation among `invariants` after the step from `before` to `after`, given their checks in
 * `before` (the folds below stop at the first violation, so every one held), and their checks in `after`:
 * checked at the cost of what the step changed, or in full when the fleet can never grow large enough for
 * that to pay (checker/incrementalCheck.ts).
 */
const violationAfterStep = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  before: State,
  after: State,
  checkedBefore: ReadonlyArray<Checked>,
): { readonly violation: Violation | undefined; readonly checked: ReadonlyArray<Checked> } =>
  incrementalPays(config)
    ? firstViolationAfterStep(config, invariants, stepDelta(before, after), checkedBefore)
    : { violation: firstViolation(config, after, invariants), checked: checkedBefore };

/**
 * Runs `ops` from the initial state, recording each step, and stops at the first violation of any of
 * `invariants` (the whole list runs when there is none).
 */
export const runTrace = (
  config: Config,
  ops: ReadonlyArray<Op>,
  invariants: ReadonlyArray<Invariant>,
  stepFn: StepFn = step,
): TraceResult => {
  const start = initialState(config);
  const atStart = firstViolation(config, start, invariants);
  if (atStart !== undefined) return { steps: [], violation: { step: 0, violation: atStart }, final: start };
  const steps: TraceStep[] = [];
  let state = start;
  let checkedBefore: ReadonlyArray<Checked> = [];
  for (const [i, op] of ops.entries()) {
    const label = opLabel(config, state, op);
    const result = stepFn(config, state, op);
    if (E.isLeft(result)) {
      steps.push({ step: i + 1, op, label, refused: result.left.reason, changes: [] });
      continue;
    }
    steps.push({ step: i + 1, op, label, changes: changesBetween(config, state, result.right) });
    const checked = violationAfterStep(config, invariants, state, result.right, checkedBefore);
    checkedBefore = checked.checked;
    state = result.right;
    const v = checked.violation;
    if (v !== undefined) return { steps, violation: { step: i + 1, violation: v }, final: state };
  }
  return { steps, final: state };
};

/**
 * The operations of `ops` the model accepts, up to and including the first step after which one of
 * `invariants` fails, and whether one does: what `runTrace` decides, without building labels and change
 * sentences for every step. The shrinker calls it once per candidate (docs/performance.md).
 */
export const acceptedUntilViolation = (
  config: Config,
  ops: ReadonlyArray<Op>,
  invariants: ReadonlyArray<Invariant>,
  stepFn: StepFn = step,
): { readonly violated: boolean; readonly accepted: ReadonlyArray<Op> } => {
  let state = initialState(config);
  if (firstViolation(config, state, invariants) !== undefined) return { violated: true, accepted: [] };
  const accepted: Op[] = [];
  let checkedBefore: ReadonlyArray<Checked> = [];
  for (const op of ops) {
    const result = stepFn(config, state, op);
    if (E.isLeft(result)) continue;
    accepted.push(op);
    const checked = violationAfterStep(config, invariants, state, result.right, checkedBefore);
    checkedBefore = checked.checked;
    state = result.right;
    if (checked.violation !== undefined) return { violated: true, accepted };
  }
  return { violated: false, accepted };
};

/** The operations of a trace that the model accepted (refused ones never change the state). */
export const acceptedOps = (trace: TraceResult): ReadonlyArray<Op> =>
  trace.steps.filter((s) => s.refused === undefined).map((s) => s.op);
