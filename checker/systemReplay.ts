// ---------------------------------------------------------------------------------------------------------
// checker: replaying a saved system counterexample under its own config: it reproduces when the same
// invariant fails at the same step with the same message.
// ---------------------------------------------------------------------------------------------------------
import { systemInvariantNamed } from "../properties/dependents/index.ts";
import type { Replay } from "./replay.ts";
import type { SystemCounterexample } from "./systemCounterexample.ts";
import { runSystemTrace } from "./systemTrace.ts";

export const replaySystemCounterexample = (c: SystemCounterexample): Omit<Replay, "trace"> => {
  const inv = systemInvariantNamed(c.invariant);
  if (inv === undefined) throw new Error(`internal: unknown invariant ${c.invariant}`);
  const v = runSystemTrace(c.config, c.ops, [inv]).violation;
  if (v === undefined)
    return { reproduces: false, detail: `${c.invariant} held through all ${c.ops.length} steps` };
  if (v.step !== c.violationStep)
    return {
      reproduces: false,
      detail: `${c.invariant} failed at step ${v.step}, not at step ${c.violationStep} as saved`,
    };
  if (v.violation.message !== c.message)
    return {
      reproduces: false,
      detail: `${c.invariant} failed at step ${v.step} but with: ${v.violation.message}`,
    };
  return { reproduces: true, detail: `${c.invariant} fails at step ${v.step}: ${v.violation.message}` };
};
