// ---------------------------------------------------------------------------------------------------------
// checker: random search with fast-check, for any spec. For one invariant, generate weighted random operation
// sequences, run each through the spec's `step`, check the invariant after every step; on failure fast-check
// shrinks the sequence, and a final deterministic pass drops every operation the failure does not need.
// Deterministic for a seed.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import {
  type RunCheck,
  type RunOptions,
  type RunVisitor,
  type Searched,
  searchRunsTogether,
} from "./propertySearch.ts";
import type { Spec } from "./spec.ts";
import type { SpecInvariant } from "./specInvariant.ts";
import { acceptedUntilViolation, runTrace, type TraceResult } from "./trace.ts";

export interface SearchOptions extends RunOptions {
  /** The longest generated operation sequence. */
  readonly maxSteps: number;
}

export interface NearMiss {
  /** The highest closeness any state reached (1 = on the edge). */
  readonly closeness: number;
  readonly meaning: string;
  /** Replays the run that came closest: `seed` with fast-check `path`. */
  readonly seed: number;
  readonly path: string;
}

export interface Found<S, Op> {
  readonly seed: number;
  /** fast-check's replay path of the shrunk counterexample. */
  readonly path: string;
  /** The minimal operation list: every operation is needed for the violation. */
  readonly ops: ReadonlyArray<Op>;
  readonly trace: TraceResult<S, Op>;
  /** The step after which the invariant first failed (1-based). */
  readonly violationStep: number;
  readonly message: string;
  /** Length of the failing run before any shrinking, for the shrink-quality report. */
  readonly lengthBeforeShrink: number;
}

export type SearchResult<S, Op> =
  | { readonly status: "holds"; readonly runs: number; readonly steps: number; readonly nearMiss: NearMiss }
  | {
      readonly status: "violated";
      readonly runs: number;
      readonly steps: number;
      readonly found: Found<S, Op>;
    };

/**
 * Drops operations one at a time while the violation remains, until no single removal keeps it: the result
 * is 1-minimal (every operation is needed). fast-check's shrinker usually gets there; this makes it certain.
 */
export const minimize = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  inv: SpecInvariant<C, S>,
  ops: ReadonlyArray<Op>,
  /** Told before each replay (1-based), for a progress line. */
  onReplay?: (replays: number) => void,
): ReadonlyArray<Op> => {
  const run = acceptedUntilViolation(spec, config, ops, [inv]);
  let failing = run.violated ? run.accepted : ops;
  let replays = 0;
  // After each removal that keeps the violation, start again from the first operation.
  for (let i = 0; i < failing.length; ) {
    onReplay?.(++replays);
    const without = [...failing.slice(0, i), ...failing.slice(i + 1)];
    const r = acceptedUntilViolation(spec, config, without, [inv]);
    if (r.violated) {
      failing = r.accepted;
      i = 0;
    } else i += 1;
  }
  return failing;
};

/** One invariant as the run loop checks it, with the spec's incremental check where it has one. */
const runCheckOf = <C, S, Op>(spec: Spec<C, S, Op>, config: C, inv: SpecInvariant<C, S>): RunCheck<S> => {
  // The spec's incremental check, when it has one for this config: one checker per invariant, told which
  // state it saw last so that it knows when a run starts over.
  const fast = spec.stepChecker?.(config, [inv]);
  let checker = fast?.();
  let last: S | undefined;
  const holdsAfter =
    fast === undefined
      ? undefined
      : (before: S, after: S): boolean => {
          if (before !== last) checker = fast();
          last = after;
          return (checker as NonNullable<typeof checker>)(before, after) === undefined;
        };
  return {
    holds: (state) => O.isNone(inv.check(config, state)),
    ...(holdsAfter === undefined ? {} : { holdsAfter }),
    closeness: (state) => inv.closeness(config, state),
  };
};

/** The search's result for `inv` from what the run loop found: its near miss, or its failure made 1-minimal. */
const resultOf = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  inv: SpecInvariant<C, S>,
  seed: number,
  searched: Searched<Op>,
  report: RunOptions["onProgress"],
): SearchResult<S, Op> => {
  const { runs, steps, failing } = searched;
  if (failing === undefined)
    return {
      status: "holds",
      runs,
      steps,
      nearMiss: { ...searched.best, meaning: inv.closenessMeaning, seed },
    };
  const ops = minimize(
    spec,
    config,
    inv,
    failing.ops,
    report === undefined ? undefined : (attempts) => report({ phase: "minimizing", runs, steps, attempts }),
  );
  const trace = runTrace(spec, config, ops, [inv]);
  const violation = trace.violation;
  if (violation === undefined) throw new Error("internal: the minimized counterexample no longer fails");
  return {
    status: "violated",
    runs,
    steps,
    found: {
      seed,
      path: failing.path,
      ops,
      trace,
      violationStep: violation.step,
      message: violation.violation.message,
      lengthBeforeShrink: failing.lengthBeforeShrink,
    },
  };
};

/** What a caller of `searchInvariants` may watch, besides progress. */
export interface SearchHooks<S, Op> {
  /**
   * Told each invariant's result the moment it is final (propertySearch.ts PassHooks): a violation once it is
   * shrunk and made 1-minimal, during the pass; a HOLDS at its end.
   */
  readonly onResult?: (index: number, result: SearchResult<S, Op>) => void;
  /** Told that an invariant broke, at the end of its first failing run, before it is shrunk (PassHooks). */
  readonly onBroken?: (index: number, runs: number) => void;
  /** Shown every state of every generated run, until done: the non-vacuity tracker, in the same pass. */
  readonly visitor?: RunVisitor<S, Op>;
}

/**
 * Searches for a violation of each of `invs` under `config`, in one pass over the generated runs; each result
 * is the one `searchInvariant` gives for that invariant alone (propertySearch.ts says why).
 */
export const searchInvariants = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invs: ReadonlyArray<SpecInvariant<C, S>>,
  options: SearchOptions,
  hooks: SearchHooks<S, Op> = {},
): ReadonlyArray<SearchResult<S, Op>> => {
  const results: Array<SearchResult<S, Op>> = [];
  searchRunsTogether(
    {
      ops: spec.opsArb(config, options.maxSteps),
      initial: spec.init(config),
      step: (state, op) => spec.step(config, state, op),
    },
    invs.map((inv) => runCheckOf(spec, config, inv)),
    options,
    {
      onSearched: (j, searched) => {
        const result = resultOf(
          spec,
          config,
          invs[j] as SpecInvariant<C, S>,
          options.seed,
          searched,
          options.onProgress,
        );
        results[j] = result;
        hooks.onResult?.(j, result);
      },
      ...(hooks.visitor === undefined ? {} : { visitor: hooks.visitor }),
      ...(hooks.onBroken === undefined ? {} : { onBroken: hooks.onBroken }),
    },
  );
  return results;
};

/** Searches for a violation of `inv` under `config`. */
export const searchInvariant = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  inv: SpecInvariant<C, S>,
  options: SearchOptions,
): SearchResult<S, Op> => searchInvariants(spec, config, [inv], options)[0] as SearchResult<S, Op>;
