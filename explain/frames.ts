// ---------------------------------------------------------------------------------------------------------
// explain: the states of a saved counterexample, one per step. A saved file holds the operations and the
// narrated changes, not the states; every renderer (Markdown, chart, HTML explorer, ITF) needs the states,
// so they are rebuilt here by folding the model's own `step` over `initialState` (style habit 17: no renderer
// re-implements the model). Pure.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import type { Counterexample } from "../checker/counterexample.ts";
import { replayCounterexample } from "../checker/replay.ts";
import type { TraceStep } from "../checker/trace.ts";
import type { Config } from "../model/config.ts";
import { initialState, type State } from "../model/state.ts";
import { step } from "../model/step.ts";
import { invariantNamed, type Violation } from "../properties/index.ts";

export interface Frame {
  /** 0 is the initial state; n is the state after operation n. */
  readonly index: number;
  /** The operation that led here (absent for the initial state). */
  readonly step?: TraceStep;
  readonly state: State;
  /** Set on the frame where the counterexample's invariant first fails. */
  readonly violation?: Violation;
}

export interface Explained {
  readonly counterexample: Counterexample;
  readonly config: Config;
  readonly frames: ReadonlyArray<Frame>;
  /** The invariant's sentence: what must always be true. */
  readonly sentence: string;
  /** Whether replaying the file still breaks its invariant at the saved step with the saved message. */
  readonly reproduces: boolean;
  /** One line: what the replay found. */
  readonly replayDetail: string;
}

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
