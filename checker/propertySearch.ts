// ---------------------------------------------------------------------------------------------------------
// checker: the fast-check run loop under the search of any spec (search.ts). Each generated run folds its
// operations through a step function, checks every invariant still unbroken after every accepted step, and
// records each one's closest approach; each invariant's first failing run is then shrunk by fast-check on
// its own. Generic over the state and operation types.
//
// One pass for several invariants, with the results of one search per invariant: fast-check derives run i's
// operations from the seed and i alone (its Tosser jumps one random generator per run; the bias depends on
// i only), never from the property, so every per-invariant search would see the same runs. The pass checks
// each run against every invariant not yet broken; an invariant's shrink is then fast-check's own, replayed
// with `path` set to its first failing run, which regenerates that run and shrinks it against that
// invariant alone, exactly as its own search would have. Its counterexample path is fast-check's: the
// replayed path merged with the shrink steps (RunExecution.mergePaths), the same string.
//
// Each result is handed out the moment it is final (issue 15: a user of a large fleet should not wait for the
// whole pass): a check's first failure is shrunk as soon as its run ends, inside the pass, since the shrink
// replays that run alone and needs nothing from later runs; a check that holds is final at the end of the
// pass. Several checks broken by the same run are shrunk in their order.
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
  /** Accepted steps of generated runs (summed over the invariants searched together). */
  readonly steps: number;
  /** Shrink attempts (fast-check) or replays (minimizing) so far. */
  readonly attempts: number;
}

/** Steps between two calls of `onProgress` within a run. */
const PROGRESS_EVERY = 16;

/** One invariant as the run loop checks it. */
export interface RunCheck<S> {
  readonly holds: (state: S) => boolean;
  /**
   * `holds(after)` for a state `after` one accepted step from `before`, called only when `holds(before)`:
   * a search may compute it from what the step changed (specs/fleet/incrementalCheck.ts). Default: `holds(after)`.
   */
  readonly holdsAfter?: (before: S, after: S) => boolean;
  readonly closeness: (state: S) => number;
}

/** The runs to generate and how to fold them. */
export interface RunSpace<S, O> {
  readonly ops: fc.Arbitrary<ReadonlyArray<O>>;
  readonly initial: S;
  readonly step: (state: S, op: O) => E.Either<unknown, S>;
}

export interface SearchSpec<S, O> extends RunSpace<S, O>, RunCheck<S> {}

/** What a caller of the pass may watch, besides progress. */
export interface PassHooks<S, O> {
  /**
   * Told each check's result the moment it is final: a failing check's once its first failing run is shrunk
   * (before the pass generates the next run), a holding check's at the end of the pass.
   */
  readonly onSearched?: (index: number, searched: Searched<O>) => void;
  /**
   * Told that a check broke, at the end of its first failing run (1-based `runs`), before any shrink of that
   * run: when every check has broken, no result can be a HOLDS, which a caller may want to know first.
   */
  readonly onBroken?: (index: number, runs: number) => void;
  /**
   * Shown every state of every generated run, the whole run (not only while a check holds), until it says it is
   * done: the search's non-vacuity (checker/sometimes.ts) taken in the same pass instead of a replay of the runs.
   */
  readonly visitor?: RunVisitor<S, O>;
}

/** Watches the states a pass reaches (checker/sometimes.ts SometimesTracker is one). */
export interface RunVisitor<S, O> {
  /** Notes `state`, reached from `via.before` by `via.op`. */
  readonly mark: (state: S, via: { readonly before: S; readonly op: O }) => void;
  /** Whether it has seen what it needs: the pass then steps a run only while a check still holds. */
  readonly done: () => boolean;
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

/** What the pass learns of one invariant (mutable, local to one pass). */
interface Tally {
  steps: number;
  bestCloseness: number;
  bestRun: number;
  /** The pass's index of the first run that broke it, -1 while none has. */
  failedAt: number;
  failedLength: number;
}

/**
 * fast-check's path of the run `offset` runs after the start of `path` (its RunExecution.mergePaths, which is
 * internal): the last segment moves on by `offset`.
 */
export const offsetPath = (path: string | undefined, offset: number): string => {
  if (path === undefined || path === "") return String(offset);
  const segments = path.split(":");
  return [...segments.slice(0, -1), String(Number(segments[segments.length - 1]) + offset)].join(":");
};

/** Whether `ops` keeps `check` unbroken from the initial state: the property fast-check shrinks against. */
const runHolds = <S, O>(space: RunSpace<S, O>, check: RunCheck<S>, ops: ReadonlyArray<O>): boolean => {
  let state = space.initial;
  let ok = check.holds(state);
  for (const op of ops) {
    if (!ok) break;
    const r = space.step(state, op);
    if (E.isLeft(r)) continue;
    const before = state;
    state = r.right;
    // The loop stops at the first failure, so the invariant held in `before`.
    ok = check.holdsAfter === undefined ? check.holds(state) : check.holdsAfter(before, state);
  }
  return ok;
};

/**
 * fast-check's shrink of the run at `path`, which breaks `check`, against `check` alone; `onAttempt` is told
 * of each attempt (the replay of the failing run included), for a progress line.
 */
const shrunk = <S, O>(
  space: RunSpace<S, O>,
  check: RunCheck<S>,
  options: RunOptions,
  path: string,
  onAttempt: () => void,
) => {
  const details = fc.check(
    fc.property(space.ops, (ops) => {
      onAttempt();
      return runHolds(space, check, ops);
    }),
    { seed: options.seed, numRuns: options.runs, endOnFailure: false, path },
  );
  if (!details.failed || details.counterexample === null)
    throw new Error(`internal: the run at path ${path} no longer fails when replayed`);
  return { ops: details.counterexample[0], path: details.counterexamplePath ?? "" };
};

/**
 * Runs the search for every check in one pass over the generated runs; the result for each is what a search
 * for it alone (`searchRuns`) returns, also told to `hooks.onSearched` as soon as it is final. Deterministic
 * for a seed (and path). The pass ends after the run in which the last unbroken check breaks, as the searches
 * alone would each have ended at theirs.
 */
export const searchRunsTogether = <S, O>(
  space: RunSpace<S, O>,
  checks: ReadonlyArray<RunCheck<S>>,
  options: RunOptions,
  hooks: PassHooks<S, O> = {},
): ReadonlyArray<Searched<O>> => {
  const firstRun = options.path === undefined ? 0 : Number(options.path.split(":")[0]);
  const tallies: Tally[] = checks.map(() => ({
    steps: 0,
    bestCloseness: -1,
    bestRun: 0,
    failedAt: -1,
    failedLength: 0,
  }));
  const results: Array<Searched<O> | undefined> = checks.map(() => undefined);
  const ok: boolean[] = checks.map(() => false);
  const visitor = hooks.visitor;
  let runsDone = 0;
  let unbroken = checks.length;
  let steps = 0;
  const report = options.onProgress;
  const tell = (phase: SearchProgress["phase"], attempts: number): void =>
    report?.({ phase, runs: runsDone, steps, attempts });
  const settle = (j: number, searched: Searched<O>): void => {
    results[j] = searched;
    hooks.onSearched?.(j, searched);
  };
  const failed = (j: number): Searched<O> => {
    const t = tallies[j] as Tally;
    let attempts = 0;
    const failing = shrunk(
      space,
      checks[j] as RunCheck<S>,
      options,
      offsetPath(options.path, t.failedAt),
      () => tell("shrinking", ++attempts),
    );
    return {
      runs: t.failedAt + 1,
      steps: t.steps,
      best: bestOf(t),
      failing: { ...failing, lengthBeforeShrink: t.failedLength },
    };
  };
  // An error thrown inside the pass (by the spec, or by a shrink) is kept here and thrown after it: fast-check
  // would otherwise report it as the pass's own "failure", which is how the pass stops.
  let thrown: { readonly error: unknown } | undefined;
  const pass = fc.property(space.ops, (ops) => {
    try {
      const index = runsDone;
      const run = firstRun + index;
      runsDone += 1;
      let state = space.initial;
      let anyOk = false;
      for (let j = 0; j < checks.length; j++) {
        ok[j] = (tallies[j] as Tally).failedAt < 0 && (checks[j] as RunCheck<S>).holds(state);
        anyOk ||= ok[j] as boolean;
      }
      for (const op of ops) {
        if (!anyOk && (visitor === undefined || visitor.done())) break;
        const r = space.step(state, op);
        if (E.isLeft(r)) continue;
        const before = state;
        state = r.right;
        visitor?.mark(state, { before, op });
        if (report !== undefined && ++steps % PROGRESS_EVERY === 0) tell("searching", 0);
        if (!anyOk) continue;
        anyOk = false;
        for (let j = 0; j < checks.length; j++) {
          if (!ok[j]) continue;
          const check = checks[j] as RunCheck<S>;
          const t = tallies[j] as Tally;
          t.steps += 1;
          const c = check.closeness(state);
          if (c > t.bestCloseness) {
            t.bestCloseness = c;
            t.bestRun = run;
          }
          // Checked only while it held, so it held in `before`.
          const holds = check.holdsAfter === undefined ? check.holds(state) : check.holdsAfter(before, state);
          ok[j] = holds;
          anyOk ||= holds;
        }
      }
      for (let j = 0; j < checks.length; j++) {
        const t = tallies[j] as Tally;
        if (t.failedAt < 0 && !ok[j]) {
          t.failedAt = index;
          t.failedLength = ops.length;
          unbroken -= 1;
        }
      }
      options.onRun?.(runsDone);
      tell("searching", 0);
      for (let j = 0; j < checks.length; j++)
        if ((tallies[j] as Tally).failedAt === index) hooks.onBroken?.(j, runsDone);
      // Shrunk now, in the checks' order: the shrink replays this run alone, so it does not wait for later runs.
      for (let j = 0; j < checks.length; j++)
        if ((tallies[j] as Tally).failedAt === index) settle(j, failed(j));
      return unbroken > 0;
    } catch (error) {
      thrown = { error };
      return false;
    }
  });
  // The pass's own "failure" only stops it once every check has broken: nothing to shrink there.
  const details = fc.check(pass, {
    seed: options.seed,
    numRuns: options.runs,
    endOnFailure: true,
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  if (thrown !== undefined) throw thrown.error;
  // Anything else that stops it is an error: a bug, not a verdict.
  if (details.failed && unbroken > 0)
    throw details.errorInstance ?? new Error("internal: the search pass failed");
  tallies.forEach((t, j) => {
    if (t.failedAt < 0) settle(j, { runs: runsDone, steps: t.steps, best: bestOf(t) });
  });
  return results.map((r) => {
    if (r === undefined) throw new Error("internal: a check has no result after the pass");
    return r;
  });
};

/** The run that came closest to breaking a check, and how close. */
const bestOf = (t: Tally): Searched<never>["best"] => ({
  closeness: Math.max(0, t.bestCloseness),
  path: String(t.bestRun),
});

/** Runs the search described by `spec`. Deterministic for a seed (and path). */
export const searchRuns = <S, O>(spec: SearchSpec<S, O>, options: RunOptions): Searched<O> =>
  searchRunsTogether(spec, [spec], options)[0] as Searched<O>;
