// ---------------------------------------------------------------------------------------------------------
// checker/verify: non-vacuity, as Stateright's `sometimes` properties. A proof over the reachable states means
// little if the states that matter are not among them (a broken remediation that refuses every addition proves
// ThreadBudget in one state). So `verify` also asks which of the spec's `sometimes` properties are reached
// within the same bounds, by a depth-first search of its own with the spec's `step` (never a compiled copy)
// that stops as soon as every one is reached; a PROVED with one unreached is reported VACUOUS.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { POLL_EVERY } from "../exploration.ts";
import type { Spec } from "../spec.ts";

export interface SometimesReached {
  readonly name: string;
  readonly sentence: string;
  readonly reached: boolean;
}

/**
 * Which of `spec.sometimes` that apply to `config` are reached within `bounds`, in declaration order; empty
 * for a spec that declares none or cannot be explored.
 */
export const sometimesReached = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  bounds: {
    readonly maxDepth: number;
    readonly maxStates: number;
    /** Asked every `POLL_EVERY` candidates: true stops the search (a time budget held by the caller). */
    readonly stop?: () => boolean;
  },
): ReadonlyArray<SometimesReached> => {
  const exploration = spec.exploration;
  const properties = (spec.sometimes ?? []).filter((p) => p.applies?.(config) ?? true);
  if (exploration === undefined || properties.length === 0) return [];
  const reached = properties.map(() => false);
  let left = properties.length;
  const mark = (state: S, via: { readonly before: S; readonly op: Op } | undefined): void => {
    properties.forEach((p, i) => {
      if (!reached[i] && p.reached(config, state, via)) {
        reached[i] = true;
        left -= 1;
      }
    });
  };
  const stringKeyOf = exploration.key(config, spec.invariants);
  const packed = exploration.packedKey?.(config);
  const scratch = new Uint32Array(packed?.words ?? 1);
  const keyOf = (state: S): string => (packed?.pack(state, scratch) ? scratch.join(",") : stringKeyOf(state));
  const candidatesOf = exploration.candidates(config, spec.invariants);
  const start = spec.init(config);
  const visited = new Set<string>([keyOf(start)]);
  mark(start, undefined);
  // Depth first: a witness needs one path, often a long one (an addition, then a bootstrap's ticks), which
  // breadth first reaches only after every shorter state of a large config.
  const stack: Array<{ readonly state: S; readonly depth: number }> = [{ state: start, depth: 0 }];
  let tried = 0;
  search: while (left > 0 && stack.length > 0) {
    const { state: before, depth } = stack.pop() as { readonly state: S; readonly depth: number };
    if (depth >= bounds.maxDepth) continue;
    for (const op of candidatesOf(before)) {
      if (++tried % POLL_EVERY === 0 && bounds.stop?.() === true) break search;
      const r = spec.step(config, before, op);
      if (E.isLeft(r)) continue;
      // Checked on every transition, also into a visited state: an operation may be taken only there.
      mark(r.right, { before, op });
      const key = keyOf(r.right);
      if (visited.has(key) || visited.size >= bounds.maxStates) continue;
      visited.add(key);
      stack.push({ state: r.right, depth: depth + 1 });
    }
  }
  return properties.map((p, i) => ({ name: p.name, sentence: p.sentence, reached: reached[i] === true }));
};
