// ---------------------------------------------------------------------------------------------------------
// checker: replaying a saved counterexample under its own config, for any spec. It reproduces when the same
// invariant fails at the same step with the same message; a near miss (`nearMiss` set) reproduces when the
// invariant holds through every step and the saved step is still the closest, as close as saved.
// ---------------------------------------------------------------------------------------------------------
import type { Counterexample, NearMissMark } from "./counterexample.ts";
import { closestStep } from "./nearMiss.ts";
import { invariantOf, type Spec } from "./spec.ts";
import type { SpecInvariant } from "./specInvariant.ts";
import { runTrace, type TraceResult } from "./trace.ts";

export interface Replay<S, Op> {
  readonly reproduces: boolean;
  /** One line: what happened on replay. */
  readonly detail: string;
  readonly trace: TraceResult<S, Op>;
}

/** Whether a near miss still holds its invariant and comes as close at the same step. */
const replayNearMiss = <C, S, Op>(
  inv: SpecInvariant<C, S>,
  c: Counterexample<C, Op>,
  trace: TraceResult<S, Op>,
  mark: NearMissMark,
): { readonly reproduces: boolean; readonly detail: string } => {
  const v = trace.violation;
  if (v !== undefined)
    return {
      reproduces: false,
      detail: `${c.invariant} fails at step ${v.step}: the near miss is now a violation`,
    };
  const closest = closestStep(inv, c.config, trace);
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  if (closest.step !== c.violationStep || Number(closest.closeness.toFixed(4)) !== mark.closeness)
    return {
      reproduces: false,
      detail: `the closest step is now ${closest.step} at ${pct(closest.closeness)}, not step ${c.violationStep} at ${pct(mark.closeness)} as saved`,
    };
  return {
    reproduces: true,
    detail: `${c.invariant} holds on every one of its ${trace.steps.length} step${trace.steps.length === 1 ? "" : "s"} and comes closest after step ${closest.step}: ${pct(mark.closeness)} (${mark.meaning})`,
  };
};

export const replayCounterexample = <C, S, Op>(
  spec: Spec<C, S, Op>,
  c: Counterexample<C, Op>,
): Replay<S, Op> => {
  const inv = invariantOf(spec, c.invariant);
  if (inv === undefined) throw new Error(`internal: unknown invariant ${c.invariant}`);
  const trace = runTrace(spec, c.config, c.ops, [inv]);
  const v = trace.violation;
  if (c.nearMiss !== undefined) return { trace, ...replayNearMiss(inv, c, trace, c.nearMiss) };
  if (v === undefined)
    return { reproduces: false, trace, detail: `${c.invariant} held through all ${c.ops.length} steps` };
  if (v.step !== c.violationStep)
    return {
      reproduces: false,
      trace,
      detail: `${c.invariant} failed at step ${v.step}, not at step ${c.violationStep} as saved`,
    };
  if (v.violation.message !== c.message)
    return {
      reproduces: false,
      trace,
      detail: `${c.invariant} failed at step ${v.step} but with: ${v.violation.message}`,
    };
  return {
    reproduces: true,
    trace,
    detail: `${c.invariant} fails at step ${v.step}: ${v.violation.message}`,
  };
};
