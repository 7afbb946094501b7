// ---------------------------------------------------------------------------------------------------------
// explain: the states of a saved counterexample, one per step. A saved file holds the operations and the
// narrated changes, not the states; every renderer (Markdown, chart, HTML explorer, ITF) needs the states,
// so they are rebuilt here by folding the model's own `step` over `initialState` (style habit 17: no renderer
// re-implements the model). Pure.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import type { Counterexample } from "../checker/counterexample.ts";
import { replayCounterexample } from "../checker/replay.ts";
import type { SystemCounterexample } from "../checker/systemCounterexample.ts";
import type { SystemTraceStep } from "../checker/systemTrace.ts";
import type { Config } from "../model/config.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { initialState, type State } from "../model/state.ts";
import { step } from "../model/step.ts";
import type { SystemState } from "../model/system.ts";
import type { SystemViolation } from "../properties/dependents/index.ts";
import { invariantNamed, type Violation } from "../properties/index.ts";

/** A saved counterexample of either kind: the core fleet's (counterexamples/) or the whole system's (counterexamples/system/). */
export type AnyCounterexample = Counterexample | SystemCounterexample;

export interface Frame {
  /** 0 is the initial state; n is the state after operation n. */
  readonly index: number;
  /** The operation that led here (absent for the initial state); a core step is a system step too. */
  readonly step?: SystemTraceStep;
  /** The Kinesis front-end fleet (for a system counterexample, `system.core`). */
  readonly state: State;
  /** For a system counterexample: the whole system, the fleet and its dependents (model/system.ts). */
  readonly system?: SystemState;
  /** Set on the frame where the counterexample's invariant first fails. */
  readonly violation?: Violation | SystemViolation;
}

export interface Explained {
  readonly counterexample: AnyCounterexample;
  readonly config: Config;
  /** For a system counterexample: its config with the dependents' parameters (the same object as `config`). */
  readonly systemConfig?: SystemConfig;
  readonly frames: ReadonlyArray<Frame>;
  /** The invariant's sentence: what must always be true. */
  readonly sentence: string;
  /** Whether replaying the file still breaks its invariant at the saved step with the saved message. */
  readonly reproduces: boolean;
  /** One line: what the replay found. */
  readonly replayDetail: string;
}

/** Whether `c` is a system counterexample (the whole system: the fleet and its dependents). */
export const isSystemCounterexample = (c: AnyCounterexample): c is SystemCounterexample =>
  "kind" in c && c.kind === "system";

/** Replays `c` and rebuilds the state after every step, up to the violation. */
export const explainCounterexample = (c: Counterexample): Explained => {
  const replay = replayCounterexample(c);
  const inv = invariantNamed(c.invariant);
  const start = initialState(c.config);
  const violationAt = replay.trace.violation?.step;
  const frames: Frame[] = [
    {
      index: 0,
      state: start,
      ...(violationAt === 0 && replay.trace.violation ? { violation: replay.trace.violation.violation } : {}),
    },
  ];
  for (const s of replay.trace.steps) {
    const before = frames[frames.length - 1]?.state ?? start;
    const result = s.refused === undefined ? step(c.config, before, s.op) : E.left(undefined);
    const state = E.isRight(result) ? result.right : before;
    const violation = s.step === violationAt ? replay.trace.violation?.violation : undefined;
    frames.push({ index: s.step, step: s, state, ...(violation ? { violation } : {}) });
  }
  return {
    counterexample: c,
    config: c.config,
    frames,
    sentence: inv?.sentence ?? c.invariant,
    reproduces: replay.reproduces,
    replayDetail: replay.detail,
  };
};

/** The frame where the invariant fails, or the last frame when the file no longer reproduces. */
export const violationFrame = (e: Explained): Frame => {
  const v = e.frames.find((f) => f.violation !== undefined);
  const last = e.frames[e.frames.length - 1];
  if (v !== undefined) return v;
  if (last === undefined) throw new Error("internal: a trace has at least its initial frame");
  return last;
};

/** Minutes since the start of the trace, as the post-mortem's wall clock (02:44 PST, domain.md K16). */
export const START_MINUTES = 2 * 60 + 44;
export const clockTime = (config: Config, tick: number): string => {
  const m = (START_MINUTES + tick * config.tickMinutes) % (24 * 60);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
