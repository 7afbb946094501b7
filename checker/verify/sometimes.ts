// ---------------------------------------------------------------------------------------------------------
// checker/verify: non-vacuity of an exploration (checker/sometimes.ts). `verify` asks which of the spec's
// `sometimes` properties are reached within the same bounds, by a depth-first search of its own with the
// spec's `step` (never a compiled copy) that stops as soon as every one is reached; a PROVED with one
// unreached is reported VACUOUS.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { POLL_EVERY } from "../exploration.ts";
import { type SometimesReached, sometimesTracker } from "../sometimes.ts";
import type { Spec } from "../spec.ts";
import type { SpecInvariant } from "../specInvariant.ts";

type Bounds = {
  readonly maxDepth: number;
  readonly maxStates: number;
  /** Asked every `POLL_EVERY` candidates: true stops the search (a time budget held by the caller). */
  readonly stop?: () => boolean;
};

/**
 * Which of `spec.sometimes` that apply to `config` are reached within `bounds`, in declaration order, in the
 * exploration `verify` makes for `invariants` (for a spec explored one invariant at a time, exactly one); empty
 * for a spec that declares none or cannot be explored.
 */
export const sometimesReached = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  bounds: Bounds,
  invariants: ReadonlyArray<SpecInvariant<C, S>> = spec.invariants,
): ReadonlyArray<SometimesReached> => {
  const exploration = spec.exploration;
  const tracker = sometimesTracker(
    spec,
    config,
    invariants.map((i) => i.name),
  );
  if (exploration === undefined || tracker.count === 0) return [];
  const mark = tracker.mark;
  const stringKeyOf = exploration.key(config, invariants);
  const packed = exploration.packedKey?.(config);
  const scratch = new Uint32Array(packed?.words ?? 1);
  const keyOf = (state: S): string => (packed?.pack(state, scratch) ? scratch.join(",") : stringKeyOf(state));
  const candidatesOf = exploration.candidates(config, invariants);
  const start = spec.init(config);
  const visited = new Set<string>([keyOf(start)]);
  mark(start, undefined);
  // Depth first: a witness needs one path, often a long one (an addition, then a bootstrap's ticks), which
  // breadth first reaches only after every shorter state of a large config.
  const stack: Array<{ readonly state: S; readonly depth: number }> = [{ state: start, depth: 0 }];
  let tried = 0;
  search: while (!tracker.done() && stack.length > 0) {
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
  return tracker.result();
};

/**
 * The non-vacuity properties of the explorations `verify` makes for `invariants`: one for them all, or, for a
 * spec explored one invariant at a time, one per invariant (each result names its invariant).
 */
export const sometimesOfExplorations = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  bounds: Bounds,
  invariants: ReadonlyArray<SpecInvariant<C, S>>,
): ReadonlyArray<SometimesReached> =>
  spec.exploration?.oneInvariantAtATime
    ? invariants.flatMap((inv) =>
        sometimesReached(spec, config, bounds, [inv]).map((p) => ({ ...p, invariant: inv.name })),
      )
    : sometimesReached(spec, config, bounds);
