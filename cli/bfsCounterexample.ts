// ---------------------------------------------------------------------------------------------------------
// cli: a counterexample found by breadth-first search (a shortest trace, no seed or path), and saving it once.
// Shared by `verify` (its violations) and `prove` (its counterexamples to induction the model reaches).
// ---------------------------------------------------------------------------------------------------------
import { existsSync } from "node:fs";
import { counterexamplePath, saveCounterexample } from "../checker/corpus.ts";
import { type Counterexample, counterexampleFrom, type SavedStep } from "../checker/counterexample.ts";
import type { Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { writing } from "./input.ts";

/** A breadth-first counterexample: found by exhaustive search, not by a seed, so seed 0 and an empty fast-check path (docs/verify.md). */
export const bfsCounterexample = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invariant: SpecInvariant<C, S>,
  ops: ReadonlyArray<Op>,
  message: string,
  steps: ReadonlyArray<SavedStep>,
): Counterexample<C, Op> =>
  counterexampleFrom(
    spec,
    config,
    invariant,
    { seed: 0, path: "", ops, violationStep: ops.length, message },
    steps,
  );

/** Saves a counterexample unless the corpus already holds the same one (same invariant, config, ops). */
export const saveOnce = <C, S, Op>(
  outDir: string,
  spec: Spec<C, S, Op>,
  c: Counterexample<C, Op>,
): { readonly path: string; readonly existed: boolean } => {
  const existing = counterexamplePath(outDir, spec, c);
  return existsSync(existing)
    ? { path: existing, existed: true }
    : { path: writing("--out", outDir, () => saveCounterexample(outDir, spec, c)), existed: false };
};
