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

/** What a fix does to a saved trace: whether its invariant now holds, and the step the model now refuses. */
export interface FixReplay {
  /** The saved invariant holds through every step under the new config. */
  readonly stops: boolean;
  /** One line: where the invariant now fails, or that it holds and which operation is now refused. */
  readonly detail: string;
}

/**
 * Replays the saved operations under `config` (the saved config with a fix switched on, say) and compares with
 * the saved config: does the fix stop this exact trace? It names the first operation the model now refuses
 * that it accepted before (the fix's guard), and where the invariant still fails if it does.
 */
export const replayUnder = <C, S, Op>(
  spec: Spec<C, S, Op>,
  c: Counterexample<C, Op>,
  config: C,
): FixReplay => {
  const inv = invariantOf(spec, c.invariant);
  if (inv === undefined) throw new Error(`internal: unknown invariant ${c.invariant}`);
  const before = runTrace(spec, c.config, c.ops, [inv]);
  const after = runTrace(spec, config, c.ops, [inv]);
  const refused = after.steps.find(
    (s) => s.refused !== undefined && before.steps[s.step - 1]?.refused === undefined,
  );
  const name = spec.configs.nameOf(config);
  const guard =
    refused === undefined
      ? "no operation the saved config accepted is refused: the same operations no longer break it"
      : `step ${refused.step} (${spec.narration.label(config, after.steps[refused.step - 2]?.state ?? after.initial, refused.op)}) is now refused: ${refused.refused}`;
  const v = after.violation;
  return v === undefined
    ? {
        stops: true,
        detail: `${c.invariant} holds through all ${c.ops.length} step${c.ops.length === 1 ? "" : "s"} under ${name}; ${guard}`,
      }
    : {
        stops: false,
        detail: `${c.invariant} still fails under ${name}, at step ${v.step}: ${v.violation.message}${refused === undefined ? "" : `; ${guard}`}`,
      };
};
