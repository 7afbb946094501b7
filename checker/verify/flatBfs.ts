// ---------------------------------------------------------------------------------------------------------
// checker/verify: breadth-first search over flat states (flatState.ts) with the compiled next-state relation
// (flatStep.ts) and the flat invariants (flatInvariants.ts): the engine `exploreBreadthFirst` (bfs.ts) uses
// whenever the config fits; the search over the model's States in bfs.ts stays as the reference.
//
// It is the reference search step for step: the same candidate operations (enabledOps.ts) in the same order,
// the same packed keys (packFlat writes pack's words) into the same visited set, the same bounds, progress
// calls and early stops. Its flat states keep the fleet's order, so an operation code names the same frontend
// as in the concrete state, and each state is found by the same parent through the same operation: the same
// states, transitions, verdicts, depths and traces (flatBfs.test.ts compares the two engines). A violation's
// message comes from the model itself: the trace is replayed from `initialState` with the real `step`, the
// replayed state's packed key is checked against the key found, and the real `inv.check` words the message.
//
// Per transition it allocates nothing: the state being expanded is copied into one array, each successor is
// written into another, packed into a third, and copied into the next level's buffer only when it is new.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../../model/config.ts";
import type { Op } from "../../model/ops.ts";
import { initialState, type State } from "../../model/state.ts";
import { step } from "../../model/step.ts";
import type { Invariant } from "../../properties/index.ts";
import type { BfsOptions, BfsResult, BfsVerdict } from "./bfs.ts";
import { candidateOps } from "./enabledOps.ts";
import { type FlatViolated, flatViolatedFor } from "./flatInvariants.ts";
import { FLAT, flatKeyFor, flatLayoutFor, toFlat } from "./flatState.ts";
import { FlatOverflow, flatStepFor } from "./flatStep.ts";
import { decodeOp, encodeOp } from "./opCode.ts";
import { packedKeyFor } from "./packedKey.ts";
import { visitedSet } from "./visitedSet.ts";

const { H_FLEET, H_UNITS } = FLAT;

/** One breadth-first level: `count` flat states of `stride` slots each, and their ids in the visited set. */
interface Level {
  states: Int32Array;
  ids: Int32Array;
  count: number;
}

const emptyLevel = (stride: number, capacity: number): Level => ({
  states: new Int32Array(capacity * stride),
  ids: new Int32Array(capacity),
  count: 0,
});

/** Appends the first `stride` slots of `flat` with its id, doubling the arrays when full. */
const push = (level: Level, stride: number, flat: Int32Array, id: number): void => {
  if (level.count === level.ids.length) {
    const states = new Int32Array(level.states.length * 2);
    states.set(level.states);
    level.states = states;
    const ids = new Int32Array(level.ids.length * 2);
    ids.set(level.ids);
    level.ids = ids;
  }
  level.states.set(flat, level.count * stride);
  level.ids[level.count] = id;
  level.count += 1;
};

/** The packed key of `state` as a string of its words (for the replay check), or undefined when it does not fit. */
const packedWords = (config: Config, state: State): string | undefined => {
  const k = packedKeyFor(config);
  const out = new Uint32Array(k.words);
  return k.pack(state, out) ? out.join(",") : undefined;
};

/** The concrete state after `ops` from the initial state, by the model's own `step`. */
const replay = (config: Config, ops: ReadonlyArray<Op>): State =>
  ops.reduce((s, op) => {
    const r = step(config, s, op);
    if (E.isLeft(r))
      throw new Error(`internal: the flat search's trace does not replay (${op.type} refused)`);
    return r.right;
  }, initialState(config));

/**
 * `exploreBreadthFirst` over flat states; undefined when it does not apply (the config's frontend codes are too
 * wide to pack, an invariant is not a registered one, or a state leaves the layout's ranges, which the model
 * should never do): the caller then runs the reference search.
 */
export const exploreFlat = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  options: BfsOptions,
): BfsResult | undefined => {
  const key = flatKeyFor(config);
  if (!key.packable) return undefined;
  const checks: FlatViolated[] = [];
  for (const inv of invariants) {
    const c = flatViolatedFor(config, inv);
    if (c === undefined) return undefined;
    checks.push(c);
  }
  const start = toFlat(config, initialState(config));
  if (start === undefined) return undefined;
  try {
    return search(config, invariants, checks, start, options);
  } catch (e) {
    if (e instanceof FlatOverflow) return undefined;
    throw e;
  }
};

const search = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  checks: ReadonlyArray<FlatViolated>,
  start: Int32Array,
  options: BfsOptions,
): BfsResult | undefined => {
  const { words, packFlat } = flatKeyFor(config);
  const stride = flatLayoutFor(config).size;
  const next = flatStepFor(config);
  const scratch = new Uint32Array(words);
  const visited = visitedSet(words, options.maxStates);
  if (!packFlat(start, scratch)) return undefined;
  visited.add(scratch, -1, -1, options.maxStates);

  // Candidate operation codes, memoised on what their domains read (enabledOps.ts `candidateOpsFor`).
  const codesMemo = new Map<number, Int32Array>();
  const codesFor = (flat: Int32Array): Int32Array => {
    const n = flat[H_FLEET] as number;
    const units = flat[H_UNITS] as number;
    const memoKey = n * 0x10000 + units;
    const hit = codesMemo.get(memoKey);
    if (hit !== undefined) return hit;
    const codes = Int32Array.from(
      candidateOps(config, { frontends: { length: n }, capacityUnits: units }),
      encodeOp,
    );
    codesMemo.set(memoKey, codes);
    return codes;
  };

  // Per invariant: the id of the first violating state found, the visited count then, and that flat state.
  const foundId = new Int32Array(invariants.length).fill(-1);
  const foundStates = new Int32Array(invariants.length);
  const foundFlat: Array<Int32Array | undefined> = invariants.map(() => undefined);
  let found = 0;
  const checkAll = (flat: Int32Array, id: number): void => {
    for (let i = 0; i < checks.length; i++) {
      if (foundId[i] !== -1) continue;
      if ((checks[i] as FlatViolated)(flat)) {
        foundId[i] = id;
        foundStates[i] = visited.size();
        foundFlat[i] = flat.slice(0, stride);
        found += 1;
      }
    }
  };
  checkAll(start, 0);

  let frontier = emptyLevel(stride, 1);
  push(frontier, stride, start, 0);
  const current = new Int32Array(stride);
  const successor = new Int32Array(stride);
  let depth = 0;
  let transitions = 0;
  let expanded = 0;
  let bound: "max-depth" | "max-states" | undefined;
  let complete = false;
  while (found < invariants.length) {
    if (depth >= options.maxDepth) {
      bound = "max-depth";
      break;
    }
    const level = emptyLevel(stride, Math.max(16, frontier.count));
    expand: for (let k = 0; k < frontier.count; k++) {
      current.set(frontier.states.subarray(k * stride, (k + 1) * stride));
      const parent = frontier.ids[k] as number;
      const codes = codesFor(current);
      for (let o = 0; o < codes.length; o++) {
        const code = codes[o] as number;
        if (!next(current, code, successor)) continue;
        transitions += 1;
        if (!packFlat(successor, scratch)) return undefined;
        const id = visited.add(scratch, parent, code, options.maxStates);
        if (id === -1) continue;
        if (id === -2) {
          bound = "max-states";
          break expand;
        }
        checkAll(successor, id);
        push(level, stride, successor, id);
      }
      expanded += 1;
      if (expanded % 2000 === 0)
        options.onProgress?.({ states: visited.size(), depth: depth + 1, transitions });
      if (found === invariants.length) break;
    }
    if (bound !== undefined || found === invariants.length) break;
    if (level.count === 0) {
      complete = true;
      break;
    }
    depth += 1;
    frontier = level;
  }

  frontier = emptyLevel(stride, 1);
  options.onFinish?.(visited.size());

  const pathTo = (id: number): ReadonlyArray<Op> => {
    const ops: Op[] = [];
    for (let n = id; n > 0; n = visited.parentOf(n)) ops.push(decodeOp(visited.viaOf(n)));
    return ops.reverse();
  };
  const states = visited.size();
  return {
    states,
    transitions,
    complete,
    memory: { keyWords: words, visitedBytes: visited.bytes(), unpackedStates: 0 },
    verdicts: invariants.map((invariant, i) => {
      const id = foundId[i] as number;
      if (id !== -1) {
        const ops = pathTo(id);
        const concrete = replay(config, ops);
        const flat = foundFlat[i] as Int32Array;
        if (!packFlat(flat, scratch) || packedWords(config, concrete) !== scratch.join(","))
          throw new Error(
            `internal: the flat search's trace to ${invariant.name} replays to a state of another key`,
          );
        const v = invariant.check(config, concrete);
        if (O.isNone(v))
          throw new Error(
            `internal: ${invariant.name} holds in the state the flat search found it violated in`,
          );
        const verdict: BfsVerdict = {
          status: "violated",
          states: foundStates[i] as number,
          depth: ops.length,
          ops,
          message: v.value.message,
        };
        return { invariant, verdict };
      }
      const verdict: BfsVerdict = complete
        ? { status: "proved", states, depth }
        : { status: "bounded", states, depth, bound: bound ?? "max-states" };
      return { invariant, verdict };
    }),
  };
};
