// ---------------------------------------------------------------------------------------------------------
// checker/verify: the run-time cross-check of a compiled search against the spec's `step` (issue 19). A
// compiled search (`Exploration.compiled`) is a second implementation of the next-state relation, kept equal
// to `step` by tests; a change to `step` alone would otherwise leave its verdicts unchanged. So while it runs,
// the engine checks what it computed: every expansion of the first `FULL_LEVELS` levels, a seeded sample of
// one in `SAMPLE_RATE` later expansions (the same ones on every run), and every state on each trace it
// returns. For each, the path to the state is replayed with `step`, and every candidate operation must be
// refused by both or lead both to the same packed key. The first difference throws a `StepDisagreement`:
// one line, naming the operation and the state; the CLI exits 2 with it, and no verdict is reported.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import type { ExpansionAudit, Exploration } from "../exploration.ts";
import type { Spec } from "../spec.ts";

/** Levels (from the initial state's, 0) whose every expansion is checked. */
export const FULL_LEVELS = 2;
/** Past those, one expansion in this many is checked, chosen by a seeded hash of its index. */
export const SAMPLE_RATE = 512;
/** The sample's seed: fixed, so a run checks the same expansions each time. */
export const SAMPLE_SEED = 0x19a5f00d;

/** The compiled search and `step` differ: the one line the CLI prints (exit 2), instead of any verdict. */
export class StepDisagreement extends Error {}

/** A 32-bit mix of `index` and the seed (a finaliser of MurmurHash3): deterministic, evenly spread. */
const mix = (index: number): number => {
  let h = (index ^ SAMPLE_SEED) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
};

/** Whether the `index`th expansion, of a state at level `depth`, is checked. */
export const sampled = (depth: number, index: number): boolean =>
  depth < FULL_LEVELS || mix(index) % SAMPLE_RATE === 0;

/**
 * The audit a compiled search reports to: each expansion is checked against `spec.step`, and a difference
 * throws a StepDisagreement. `checked` counts the expansions checked (for the report of the cost).
 */
export const crossCheckAudit = <C, S, Op>(
  spec: Spec<C, S, Op>,
  exploration: Exploration<C, S, Op>,
  config: C,
): ExpansionAudit<Op> & { readonly checked: () => number } => {
  const packed = exploration.packedKey?.(config);
  const scratch = new Uint32Array(packed?.words ?? 1);
  const none = new Uint32Array(0);
  /** The state's packed key, in `scratch` (overwritten by the next call); no words when it has none. */
  const packOf = (state: S): Uint32Array => (packed?.pack(state, scratch) ? scratch : none);
  const keyOf = (state: S): string => {
    const k = packOf(state);
    return k.length === 0 ? "(unpacked)" : k.join(",");
  };
  const same = (a: Uint32Array | undefined, b: Uint32Array | undefined): boolean => {
    if (a === undefined || b === undefined) return a === b;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  const label = (state: S, op: Op): string => spec.narration.label(config, state, op);
  const differ = (what: string): never => {
    throw new StepDisagreement(`the compiled search disagrees with the spec's step: ${what}`);
  };
  let checked = 0;
  return {
    sample: sampled,
    checked: () => checked,
    expansion: ({ path, successors }) => {
      checked += 1;
      let state = spec.init(config);
      for (const op of path) {
        const r = spec.step(config, state, op);
        if (E.isLeft(r))
          return differ(
            `step refuses ${label(state, op)} in the state of key ${keyOf(state)} (${r.left.reason}), which the compiled search took`,
          );
        state = r.right;
      }
      for (const [op, compiledKey] of successors) {
        const r = spec.step(config, state, op);
        if (same(E.isLeft(r) ? undefined : packOf(r.right), compiledKey)) continue;
        const stepKey = E.isLeft(r) ? undefined : keyOf(r.right);
        const says = (key: Uint32Array | string | undefined): string =>
          key === undefined ? "refuses it" : `gives key ${key.length === 0 ? "(unpacked)" : key.toString()}`;
        differ(
          `${label(state, op)} in the state of key ${keyOf(state)}: step ${says(stepKey)}, the compiled search ${says(compiledKey)}`,
        );
      }
    },
  };
};
