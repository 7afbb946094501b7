// ---------------------------------------------------------------------------------------------------------
// explain: a trace in words. The engine's fold (checker/trace.ts) computes states; this gives each step its
// label and the sentences of what it changed, through the spec's narration hooks. What a report prints and
// a saved counterexample keeps as `steps`.
// ---------------------------------------------------------------------------------------------------------
import type { SavedStep } from "../checker/counterexample.ts";
import type { Spec } from "../checker/spec.ts";
import type { TraceResult } from "../checker/trace.ts";

export interface NarratedStep extends SavedStep {
  /** Why the model refused the operation (the state did not change), if it did. */
  readonly refused?: string;
}

/** Each step of `trace`: its label (read in the state before it) and what it changed. */
export const narrate = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  trace: TraceResult<S, Op>,
): ReadonlyArray<NarratedStep> => {
  let before = trace.initial;
  return trace.steps.map((s) => {
    const label = spec.narration.label(config, before, s.op);
    const narrated: NarratedStep =
      s.refused === undefined
        ? { step: s.step, label, changes: spec.narration.changes(config, before, s.op, s.state) }
        : { step: s.step, label, refused: s.refused, changes: [] };
    before = s.state;
    return narrated;
  });
};

/** The saved form of narrated steps (no refusal field: a saved trace holds only what the model accepted). */
export const savedSteps = (steps: ReadonlyArray<NarratedStep>): ReadonlyArray<SavedStep> =>
  steps.map((s) => ({ step: s.step, label: s.label, changes: s.changes }));
