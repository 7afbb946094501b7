// ---------------------------------------------------------------------------------------------------------
// checker: running a list of operations through a spec's `step` and checking invariants after every step.
// Pure. The search, the shrinker, the replay, the verifier and the CLI all use this one fold, so none of them
// re-implements the model (style habit 17). It computes states; explain/narrate.ts words them.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { Spec, StepChecker } from "./spec.ts";
import type { SpecInvariant, Violated } from "./specInvariant.ts";

export interface TraceStep<S, Op> {
  /** 1-based position in the operation list. */
  readonly step: number;
  readonly op: Op;
  /** Why the model refused the operation (the state did not change), if it did. */
  readonly refused?: string;
  /** The state after the step (the state before it, when refused). */
  readonly state: S;
}

export interface TraceResult<S, Op> {
  /** The state the trace starts from. */
  readonly initial: S;
  readonly steps: ReadonlyArray<TraceStep<S, Op>>;
  /** The first violation, and the step after which it held (0 = in the initial state). */
  readonly violation?: { readonly step: number; readonly violation: Violated; readonly invariant: string };
  readonly final: S;
  /** Set when `stopBefore` ended the run early: the steps run (no violation among them). */
  readonly stoppedAfter?: number;
}

export interface TraceOptions {
  /**
   * Asked before each step (1-based) whether to stop there, for a budget: the caller holds the clock, the fold
   * stays pure of it. Also the place a caller reports progress from.
   */
  readonly stopBefore?: (step: number) => boolean;
}

/** The first violation among `invariants` in `state`, with the invariant's name. */
export const firstViolation = <C, S>(
  config: C,
  state: S,
  invariants: ReadonlyArray<SpecInvariant<C, S>>,
): { readonly violation: Violated; readonly invariant: string } | undefined => {
  for (const inv of invariants) {
    const v = inv.check(config, state);
    if (O.isSome(v)) return { violation: v.value, invariant: inv.name };
  }
  return undefined;
};

/**
 * The check after each step of one run: the spec's incremental checker when it has one for this config, else
 * every invariant in full. Both give the same verdicts; the first names the invariant too.
 */
const checkerFor = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invariants: ReadonlyArray<SpecInvariant<C, S>>,
): ((before: S, after: S) => { readonly violation: Violated; readonly invariant: string } | undefined) => {
  const fast: StepChecker<S> | undefined = spec.stepChecker?.(config, invariants)?.();
  if (fast === undefined) return (_, after) => firstViolation(config, after, invariants);
  return (before, after) =>
    fast(before, after) === undefined ? undefined : firstViolation(config, after, invariants);
};

/**
 * Runs `ops` from the initial state, recording each step, and stops at the first violation of any of
 * `invariants` (the whole list runs when there is none).
 */
export const runTrace = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  ops: ReadonlyArray<Op>,
  invariants: ReadonlyArray<SpecInvariant<C, S>>,
  options: TraceOptions = {},
): TraceResult<S, Op> => {
  const initial = spec.init(config);
  const atStart = firstViolation(config, initial, invariants);
  if (atStart !== undefined)
    return { initial, steps: [], violation: { step: 0, ...atStart }, final: initial };
  const check = checkerFor(spec, config, invariants);
  const steps: TraceStep<S, Op>[] = [];
  let state = initial;
  for (const [i, op] of ops.entries()) {
    if (options.stopBefore?.(i + 1) === true) return { initial, steps, final: state, stoppedAfter: i };
    const result = spec.step(config, state, op);
    if (E.isLeft(result)) {
      steps.push({ step: i + 1, op, refused: result.left.reason, state });
      continue;
    }
    const v = check(state, result.right);
    state = result.right;
    steps.push({ step: i + 1, op, state });
    if (v !== undefined) return { initial, steps, violation: { step: i + 1, ...v }, final: state };
  }
  return { initial, steps, final: state };
};

/**
 * The operations of `ops` the model accepts, up to and including the first step after which one of
 * `invariants` fails, and whether one does: what `runTrace` decides, without keeping every state. The
 * shrinker calls it once per candidate (docs/performance.md).
 */
export const acceptedUntilViolation = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  ops: ReadonlyArray<Op>,
  invariants: ReadonlyArray<SpecInvariant<C, S>>,
): { readonly violated: boolean; readonly accepted: ReadonlyArray<Op> } => {
  let state = spec.init(config);
  if (firstViolation(config, state, invariants) !== undefined) return { violated: true, accepted: [] };
  const check = checkerFor(spec, config, invariants);
  const accepted: Op[] = [];
  for (const op of ops) {
    const result = spec.step(config, state, op);
    if (E.isLeft(result)) continue;
    accepted.push(op);
    const v = check(state, result.right);
    state = result.right;
    if (v !== undefined) return { violated: true, accepted };
  }
  return { violated: false, accepted };
};

/** The operations of a trace that the model accepted (refused ones never change the state). */
export const acceptedOps = <S, Op>(trace: {
  readonly steps: ReadonlyArray<TraceStep<S, Op>>;
}): ReadonlyArray<Op> => trace.steps.filter((s) => s.refused === undefined).map((s) => s.op);

/** The states a run of `ops` passes through (refused operations leave the state as it was), initial state first. */
export const statesOf = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  ops: ReadonlyArray<Op>,
): ReadonlyArray<S> => {
  const trace = runTrace(spec, config, ops, []);
  return [trace.initial, ...trace.steps.map((s) => s.state)];
};
