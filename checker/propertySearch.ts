// ---------------------------------------------------------------------------------------------------------
// checker: the fast-check run loop under the search of any spec (search.ts). Each generated run folds its
// operations through a step function, checks the invariant after every accepted step, and records the
// closest approach; a failing run is shrunk by fast-check. Generic over the state and operation types.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";

export interface RunOptions {
  readonly seed: number;
  readonly runs: number;
  /** fast-check replay path: start at that run (e.g. a near miss's path) instead of run 0. */
  readonly path?: string;
  /** Called after each generated run (not shrink attempts); the CLI throttles it into a progress line. */
  readonly onRun?: (runsDone: number) => void;
  /**
   * Called every few accepted steps, of a generated run or of a shrink attempt, and after every shrink attempt:
   * a run of a large fleet can take a minute, so progress cannot wait for its end. The CLI throttles it.
   */
  readonly onProgress?: (p: SearchProgress) => void;
}

/** Where a search is: generating runs, or shrinking (fast-check) or minimizing (search.ts) a failure. */
export interface SearchProgress {
  readonly phase: "searching" | "shrinking" | "minimizing";
  /** Generated runs started (the one under way included). */
  readonly runs: number;
  /** Accepted steps of generated runs. */
  readonly steps: number;
  /** Shrink attempts (fast-check) or replays (minimizing) so far. */
  readonly attempts: number;
}

/** Steps between two calls of `onProgress` within a run. */
const PROGRESS_EVERY = 16;

export interface SearchSpec<S, O> {
  readonly ops: fc.Arbitrary<ReadonlyArray<O>>;
  readonly initial: S;
  readonly step: (state: S, op: O) => E.Either<unknown, S>;
  readonly holds: (state: S) => boolean;
  /**
   * `holds(after)` for a state `after` one accepted step from `before`, called only when `holds(before)`:
   * a search may compute it from what the step changed (specs/fleet/incrementalCheck.ts). Default: `holds(after)`.
   */
  readonly holdsAfter?: (before: S, after: S) => boolean;
  readonly closeness: (state: S) => number;
}

export interface Searched<O> {
  /** Generated runs until the first failure, or all of them. */
  readonly runs: number;
  /** Accepted steps over those runs. */
  readonly steps: number;
  /** The highest closeness any state reached, and the run (its fast-check path) that reached it. */
  readonly best: { readonly closeness: number; readonly path: string };
  /** fast-check's shrunk failing run, when one failed. */
  readonly failing?: {
    readonly ops: ReadonlyArray<O>;
    readonly path: string;
    readonly lengthBeforeShrink: number;
  };
}

/** Runs the search described by `spec`. Deterministic for a seed (and path). */
export const searchRuns = <S, O>(spec: SearchSpec<S, O>, options: RunOptions): Searched<O> => {
  const firstRun = options.path === undefined ? 0 : Number(options.path.split(":")[0]);
  let runsDone = 0;
  let steps = 0;
  let shrinking = false;
  let best = { closeness: -1, run: 0 };
  let firstFailureLength = 0;
  let attempts = 0;
  let polled = 0;
  const report = options.onProgress;
  const tell = (): void =>
    report?.({ phase: shrinking ? "shrinking" : "searching", runs: runsDone, steps, attempts });
  const property = fc.property(spec.ops, (ops) => {
    const run = firstRun + runsDone;
    if (!shrinking) runsDone += 1;
    else {
      attempts += 1;
      tell();
    }
    let state = spec.initial;
    let ok = spec.holds(state);
    for (const op of ops) {
      if (!ok) break;
      const r = spec.step(state, op);
      if (E.isLeft(r)) continue;
      const before = state;
      state = r.right;
      if (!shrinking) {
        steps += 1;
        const c = spec.closeness(state);
        if (c > best.closeness) best = { closeness: c, run };
      }
      // The loop stops at the first failure, so the invariant held in `before`.
      ok = spec.holdsAfter === undefined ? spec.holds(state) : spec.holdsAfter(before, state);
      if (report !== undefined && ++polled % PROGRESS_EVERY === 0) tell();
    }
    if (!shrinking) {
      options.onRun?.(runsDone);
      tell();
      if (!ok) {
        shrinking = true;
        firstFailureLength = ops.length;
      }
    }
    return ok;
  });
  const details = fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    endOnFailure: false,
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  const found = details.failed && details.counterexample !== null;
  return {
    runs: runsDone,
    steps,
    best: { closeness: Math.max(0, best.closeness), path: String(best.run) },
    ...(found && details.counterexample !== null
      ? {
          failing: {
            ops: details.counterexample[0],
            path: details.counterexamplePath ?? "",
            lengthBeforeShrink: firstFailureLength,
          },
        }
      : {}),
  };
};
