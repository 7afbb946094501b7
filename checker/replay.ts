// ---------------------------------------------------------------------------------------------------------
// checker: replaying a saved counterexample under its own config, for any spec. It reproduces when the same
// invariant fails at the same step with the same message.
// ---------------------------------------------------------------------------------------------------------
import type { Counterexample } from "./counterexample.ts";
import { invariantOf, type Spec } from "./spec.ts";
import { runTrace, type TraceResult } from "./trace.ts";

export interface Replay<S, Op> {
  readonly reproduces: boolean;
  /** One line: what happened on replay. */
  readonly detail: string;
  readonly trace: TraceResult<S, Op>;
}

export const replayCounterexample = <C, S, Op>(
  spec: Spec<C, S, Op>,
  c: Counterexample<C, Op>,
): Replay<S, Op> => {
  const inv = invariantOf(spec, c.invariant);
  if (inv === undefined) throw new Error(`internal: unknown invariant ${c.invariant}`);
  const trace = runTrace(spec, c.config, c.ops, [inv]);
  const v = trace.violation;
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
