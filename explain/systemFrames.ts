// ---------------------------------------------------------------------------------------------------------
// explain: the states of a saved system counterexample (counterexamples/system/), one per step, as the same
// `Explained` the renderers draw for a core one. The system state after every step is rebuilt by folding the
// model's own `systemStep` (style habit 17); each frame carries the fleet (`state`, the system's core) and the
// whole system (`system`), so the fleet views work unchanged and the dependents' panels and grids read
// `system.dependents`. The narration comes from the checker's own system trace. Pure.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import type { SystemCounterexample } from "../checker/systemCounterexample.ts";
import { replaySystemCounterexample } from "../checker/systemReplay.ts";
import { runSystemTrace } from "../checker/systemTrace.ts";
import { initialSystemState, type SystemState, systemStep } from "../model/system.ts";
import { systemInvariantNamed } from "../properties/dependents/index.ts";
import type { Explained, Frame } from "./frames.ts";

/** Replays `c` and rebuilds the system state after every step, up to the violation. */
export const explainSystemCounterexample = (c: SystemCounterexample): Explained => {
  const inv = systemInvariantNamed(c.invariant);
  if (inv === undefined) throw new Error(`internal: unknown invariant ${c.invariant}`);
  const replay = replaySystemCounterexample(c);
  const trace = runSystemTrace(c.config, c.ops, [inv]);
  const start = initialSystemState(c.config);
  const at = trace.violation;
  const frame = (index: number, system: SystemState, rest: Partial<Frame>): Frame => ({
    index,
    ...rest,
    state: system.core,
    system,
    ...(at !== undefined && at.step === index ? { violation: at.violation } : {}),
  });
  const frames: Frame[] = [frame(0, start, {})];
  for (const s of trace.steps) {
    const before = frames[frames.length - 1]?.system ?? start;
    const result = s.refused === undefined ? systemStep(c.config, before, s.op) : E.left(undefined);
    frames.push(frame(s.step, E.isRight(result) ? result.right : before, { step: s }));
  }
  return {
    counterexample: c,
    config: c.config,
    systemConfig: c.config,
    frames,
    sentence: inv.sentence,
    reproduces: replay.reproduces,
    replayDetail: replay.detail,
  };
};
