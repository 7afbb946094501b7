// ---------------------------------------------------------------------------------------------------------
// checker: a near miss as a trace, for any spec. When an invariant holds, the search reports the run that came
// closest to breaking it (search.ts: its closeness and fast-check path); this regenerates that run's
// operations from the seed and path, keeps those the spec accepted up to the closest state, and makes it a
// file the counterexample tools read (`nearMiss` set), so `explain` can show how close it came, step by step.
// Deterministic for a seed and path.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import { type Counterexample, counterexampleFrom, type SavedStep } from "./counterexample.ts";
import type { Spec } from "./spec.ts";
import type { SpecInvariant } from "./specInvariant.ts";
import { acceptedOps, runTrace, type TraceResult } from "./trace.ts";

/** The operations fast-check generates for the run at `path` of the search seeded with `seed`. */
export const generatedRun = <A>(arb: fc.Arbitrary<A>, seed: number, path: string): A => {
  let first: { readonly value: A } | undefined;
  // The property holds, so fast-check never shrinks: the first value it draws is the run at `path`.
  fc.check(
    fc.property(arb, (a) => {
      first ??= { value: a };
      return true;
    }),
    { seed, path, numRuns: 1 },
  );
  if (first === undefined) throw new Error(`internal: fast-check drew no run at path ${path}`);
  return first.value;
};

/**
 * The first step of `trace` whose state is the closest to breaking `inv`, scored as the search scores a run
 * (the states after its steps; step 0, the initial state, only when there is no step).
 */
export const closestStep = <C, S, Op>(
  inv: SpecInvariant<C, S>,
  config: C,
  trace: TraceResult<S, Op>,
): { readonly step: number; readonly closeness: number } =>
  trace.steps.reduce(
    (best, s) => {
      const closeness = inv.closeness(config, s.state);
      return closeness > best.closeness ? { step: s.step, closeness } : best;
    },
    { step: 0, closeness: trace.steps.length === 0 ? inv.closeness(config, trace.initial) : -1 },
  );

export interface NearMissRun<S, Op> {
  /** The accepted operations of the run, up to its closest state. */
  readonly ops: ReadonlyArray<Op>;
  readonly trace: TraceResult<S, Op>;
  /** The step of the closest state (the last of `ops`) and its closeness. */
  readonly step: number;
  readonly closeness: number;
}

/** The near miss of a search for `inv` (seed, path, maxSteps as it ran), as a trace that ends at its closest state. */
export const nearMissRun = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  inv: SpecInvariant<C, S>,
  run: { readonly seed: number; readonly path: string; readonly maxSteps: number },
): NearMissRun<S, Op> => {
  const drawn = generatedRun(spec.opsArb(config, run.maxSteps), run.seed, run.path);
  const accepted = acceptedOps(runTrace(spec, config, drawn, [inv]));
  const whole = runTrace(spec, config, accepted, [inv]);
  const closest = closestStep(inv, config, whole);
  const ops = accepted.slice(0, closest.step);
  return { ops, trace: runTrace(spec, config, ops, [inv]), ...closest };
};

/** The file of a near miss: the counterexample format, with `nearMiss` set and the closest step as its step. */
export const nearMissFile = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  inv: SpecInvariant<C, S>,
  run: { readonly seed: number; readonly path: string; readonly maxSteps: number },
  found: NearMissRun<S, Op>,
  steps: ReadonlyArray<SavedStep>,
  versions: { readonly tool: string; readonly fastCheck: string },
): Counterexample<C, Op> => {
  const closeness = Number(found.closeness.toFixed(4));
  return {
    ...counterexampleFrom(
      spec,
      config,
      inv,
      {
        seed: run.seed,
        path: run.path,
        ops: found.ops,
        violationStep: found.step,
        message: `near miss: ${(closeness * 100).toFixed(0)}% (${inv.closenessMeaning}) after step ${found.step}; ${inv.name} held on every step`,
      },
      steps,
      { maxSteps: run.maxSteps, versions },
    ),
    nearMiss: { closeness, meaning: inv.closenessMeaning },
  };
};
