// ---------------------------------------------------------------------------------------------------------
// explain: the states of a saved counterexample, one per step. A saved file holds the operations and the
// narrated changes, not the states; every renderer (Markdown, chart, HTML explorer, ITF) needs the states,
// so they are rebuilt here by the engine's own fold (checker/trace.ts) over the spec's `step` (style habit 17:
// no renderer re-implements the model), for the fleet's counterexamples and the whole system's alike. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Counterexample } from "../checker/counterexample.ts";
import { replayCounterexample } from "../checker/replay.ts";
import type { Spec } from "../checker/spec.ts";
import type { Config } from "../model/config.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import type { Op } from "../model/ops.ts";
import type { State } from "../model/state.ts";
import type { SystemOp, SystemState } from "../model/system.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import type { Saved } from "../specs/saved.ts";
import { type NarratedStep, narrate } from "./narrate.ts";

/** A saved counterexample of either spec: the fleet's (counterexamples/) or the whole system's (counterexamples/system/). */
export type AnyCounterexample = Counterexample<Config, Op> | Counterexample<SystemConfig, SystemOp>;

/** A step as the renderers show it: the operation, its label, and what it changed. */
export interface FrameStep extends NarratedStep {
  readonly op: SystemOp;
}

export interface Frame {
  /** 0 is the initial state; n is the state after operation n. */
  readonly index: number;
  /** The operation that led here (absent for the initial state); a fleet step is a system step too. */
  readonly step?: FrameStep;
  /** The Kinesis front-end fleet (for a system counterexample, `system.core`). */
  readonly state: State;
  /** For a system counterexample: the whole system, the fleet and its dependents (model/system.ts). */
  readonly system?: SystemState;
  /** Set on the frame where the counterexample's invariant first fails. */
  readonly violation?: { readonly invariant: string; readonly message: string };
  /** For a near miss (`check --near-miss`): set on its closest state, with the file's message. */
  readonly nearMiss?: { readonly message: string };
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
export const isSystemCounterexample = (c: AnyCounterexample): c is Counterexample<SystemConfig, SystemOp> =>
  c.spec === systemSpec.id;

/**
 * Replays `c` with the engine's fold and keeps the state after every step, up to the violation; `views`
 * says where the fleet (and, for the system, the whole system) is in the spec's state.
 */
const explainWith = <C extends Config, S, O extends SystemOp>(
  spec: Spec<C, S, O>,
  c: Counterexample<C, O>,
  views: (state: S) => { readonly state: State; readonly system?: SystemState },
): Omit<Explained, "counterexample" | "config"> => {
  const replay = replayCounterexample(spec, c);
  const trace = replay.trace;
  const at = trace.violation;
  const violationAt = (index: number) =>
    at !== undefined && at.step === index
      ? { violation: { invariant: at.invariant, message: at.violation.message } }
      : c.nearMiss !== undefined && at === undefined && index === c.violationStep
        ? { nearMiss: { message: c.message } }
        : {};
  const narrated = narrate(spec, c.config, trace);
  const frames: Frame[] = [
    { index: 0, ...views(trace.initial), ...violationAt(0) },
    ...trace.steps.map(
      (s, i): Frame => ({
        index: s.step,
        step: { ...(narrated[i] as NarratedStep), op: s.op },
        ...views(s.state),
        ...violationAt(s.step),
      }),
    ),
  ];
  return {
    frames,
    sentence: spec.invariants.find((i) => i.name === c.invariant)?.sentence ?? c.invariant,
    reproduces: replay.reproduces,
    replayDetail: replay.detail,
  };
};

/** A fleet counterexample, replayed: the state after every step. */
export const explainCounterexample = (c: Counterexample<Config, Op>): Explained => ({
  counterexample: c,
  config: c.config,
  ...explainWith(fleetSpec, c, (state) => ({ state })),
});

/** A system counterexample, replayed: the fleet (its core) and the whole system after every step. */
export const explainSystemCounterexample = (c: Counterexample<SystemConfig, SystemOp>): Explained => ({
  counterexample: c,
  config: c.config,
  systemConfig: c.config,
  ...explainWith(systemSpec, c, (system) => ({ state: system.core, system })),
});

/** A saved counterexample of either spec, replayed. */
export const explainSaved = (s: Saved): Explained =>
  s.spec === "fleet" ? explainCounterexample(s.saved) : explainSystemCounterexample(s.saved);

/**
 * The frame where the invariant fails (for a near miss, its closest state), or the last frame when the file no
 * longer reproduces.
 */
export const violationFrame = (e: Explained): Frame => {
  const v = e.frames.find((f) => f.violation !== undefined || f.nearMiss !== undefined);
  const last = e.frames[e.frames.length - 1];
  if (v !== undefined) return v;
  if (last === undefined) throw new Error("internal: a trace has at least its initial frame");
  return last;
};

/** The page's title: the invariant violated under the config, or, for a near miss, how close it came. */
export const traceTitle = (e: Explained, config: string): string =>
  e.counterexample.nearMiss === undefined
    ? `${e.counterexample.invariant} violated under ${config}`
    : `${e.counterexample.invariant} held under ${config}: its near miss`;

/** Minutes since the start of the trace, as the post-mortem's wall clock (02:44 PST, domain.md K16). */
export const START_MINUTES = 2 * 60 + 44;
export const clockTime = (config: Config, tick: number): string => {
  const m = (START_MINUTES + tick * config.tickMinutes) % (24 * 60);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
