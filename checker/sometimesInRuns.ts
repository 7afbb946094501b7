// ---------------------------------------------------------------------------------------------------------
// checker: non-vacuity of a random search (checker/sometimes.ts). A HOLDS from `check` says "no violation in
// these R runs"; it means something only if the runs reached what the invariant is about. The runs are the
// search's own: the same arbitrary, seed, run count and start path give fast-check the same values whatever
// the property does with them, so this replays exactly the runs `searchInvariant` generated (without
// shrinking: a property that always holds never shrinks) and marks what they reached.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import type { SearchOptions } from "./search.ts";
import { type SometimesReached, sometimesTracker } from "./sometimes.ts";
import type { Spec } from "./spec.ts";
import type { SpecInvariant } from "./specInvariant.ts";

/** Which of the spec's `sometimes` properties the search's runs reach, for a search about `invariants`. */
export const sometimesInRuns = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invariants: ReadonlyArray<SpecInvariant<C, S>>,
  options: Omit<SearchOptions, "onRun">,
): ReadonlyArray<SometimesReached> => {
  const tracker = sometimesTracker(
    spec,
    config,
    invariants.map((i) => i.name),
  );
  if (tracker.count === 0) return [];
  const initial = spec.init(config);
  tracker.mark(initial, undefined);
  fc.check(
    fc.property(spec.opsArb(config, options.maxSteps), (ops) => {
      if (tracker.done()) return true;
      let state = initial;
      for (const op of ops) {
        const r = spec.step(config, state, op);
        if (E.isLeft(r)) continue;
        tracker.mark(r.right, { before: state, op });
        state = r.right;
      }
      return true;
    }),
    {
      seed: options.seed,
      numRuns: options.runs,
      ...(options.path === undefined ? {} : { path: options.path }),
    },
  );
  return tracker.result();
};
