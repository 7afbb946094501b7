// ---------------------------------------------------------------------------------------------------------
// checker: random search with fast-check. For one invariant, generate weighted random operation sequences,
// run each through `step`, check the invariant after every step; on failure fast-check shrinks the sequence,
// and a final deterministic pass drops every operation the failure does not need. Deterministic for a seed.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import type { Op } from "../model/ops.ts";
import { initialState, type State } from "../model/state.ts";
import { step } from "../model/step.ts";
import type { Invariant } from "../properties/index.ts";
import { opsArb } from "./arbitraries.ts";
import { type Checked, checkAfterStep, HELD, incrementalPays, stepDelta } from "./incrementalCheck.ts";
import { type RunOptions, searchRuns } from "./propertySearch.ts";
import { acceptedUntilViolation, runTrace, type StepFn, type TraceResult } from "./trace.ts";

/** 25 Nov 2020: the default seed, so every run without `--seed` is the same run. */
export const DEFAULT_SEED = 20201125;
export const DEFAULT_RUNS = 300;
export const DEFAULT_MAX_STEPS = 80;

export interface SearchOptions extends RunOptions {
  /** The longest generated operation sequence. */
  readonly maxSteps: number;
  /** The next-state function to search (default: the model's `step`); planted bugs pass a wrong one. */
  readonly step?: StepFn;
}

export interface NearMiss {
  /** The highest closeness any state reached (1 = on the edge). */
  readonly closeness: number;
  readonly meaning: string;
  /** Replays the run that came closest: `seed` with fast-check `path`. */
  readonly seed: number;
  readonly path: string;
}

export interface Found {
  readonly seed: number;
  /** fast-check's replay path of the shrunk counterexample. */
  readonly path: string;
  /** The minimal operation list: every operation is needed for the violation. */
  readonly ops: ReadonlyArray<Op>;
  readonly trace: TraceResult;
  /** The step after which the invariant first failed (1-based). */
  readonly violationStep: number;
  readonly message: string;
  /** Length of the failing run before any shrinking, for the shrink-quality report. */
  readonly lengthBeforeShrink: number;
}

export type SearchResult =
  | { readonly status: "holds"; readonly runs: number; readonly steps: number; readonly nearMiss: NearMiss }
  | { readonly status: "violated"; readonly runs: number; readonly steps: number; readonly found: Found };

/** Whether `ops` still breaks `inv`. */
const stillFails = (config: Config, inv: Invariant, ops: ReadonlyArray<Op>, stepFn: StepFn): boolean =>
  acceptedUntilViolation(config, ops, [inv], stepFn).violated;

/**
 * Drops operations one at a time while the violation remains, until no single removal keeps it: the result
 * is 1-minimal (every operation is needed). fast-check's shrinker usually gets there; this makes it certain.
 */
export const minimize = (
  config: Config,
  inv: Invariant,
  ops: ReadonlyArray<Op>,
  stepFn: StepFn = step,
): ReadonlyArray<Op> => {
  const run = acceptedUntilViolation(config, ops, [inv], stepFn);
  const failing = run.violated ? run.accepted : ops;
  for (let i = 0; i < failing.length; i++) {
    const without = [...failing.slice(0, i), ...failing.slice(i + 1)];
    if (stillFails(config, inv, without, stepFn)) return minimize(config, inv, without, stepFn);
  }
  return failing;
};

/** Searches for a violation of `inv` under `config`. */
export const searchInvariant = (config: Config, inv: Invariant, options: SearchOptions): SearchResult => {
  const stepFn = options.step ?? step;
  // `holdsAfter`: the invariant after a step, checked at the cost of what the step changed (exact).
  let last: State | undefined;
  let lastChecked: Checked = HELD;
  const holdsAfter = (before: State, after: State): boolean => {
    // The check of `before` when it is the state last checked (the runs go step by step); otherwise only
    // that it held, which the loop guarantees.
    const checked = checkAfterStep(
      config,
      inv,
      stepDelta(before, after),
      before === last ? lastChecked : HELD,
    );
    last = after;
    lastChecked = checked;
    return O.isNone(checked.violation);
  };
  const searched = searchRuns(
    {
      ops: opsArb(config, options.maxSteps),
      initial: initialState(config),
      step: (state, op) => stepFn(config, state, op),
      holds: (state) => O.isNone(inv.check(config, state)),
      ...(incrementalPays(config) ? { holdsAfter } : {}),
      closeness: (state) => inv.closeness(config, state),
    },
    options,
  );
  const { runs, steps, failing } = searched;
  if (failing === undefined)
    return {
      status: "holds",
      runs,
      steps,
      nearMiss: { ...searched.best, meaning: inv.closenessMeaning, seed: options.seed },
    };
  const ops = minimize(config, inv, failing.ops, stepFn);
  const trace = runTrace(config, ops, [inv], stepFn);
  const violation = trace.violation;
  if (violation === undefined) throw new Error("internal: the minimized counterexample no longer fails");
  return {
    status: "violated",
    runs,
    steps,
    found: {
      seed: options.seed,
      path: failing.path,
      ops,
      trace,
      violationStep: violation.step,
      message: violation.violation.message,
      lengthBeforeShrink: failing.lengthBeforeShrink,
    },
  };
};
