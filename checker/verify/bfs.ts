// ---------------------------------------------------------------------------------------------------------
// checker/verify: exhaustive bounded verification by breadth-first search, the level of evidence above random
// search. From the initial state, every candidate operation (enabledOps.ts) is tried in every reachable
// state; a visited set on the canonical key (stateKey.ts) keeps each state once. Because the search goes level
// by level, the first violating state found is at the least depth, so its trace is a shortest counterexample
// by construction. The visited set is the memory: per visited state its packed key (packedKey.ts, a few
// 32-bit words), a hash slot, and two small integers (parent and operation) from which the trace is rebuilt,
// all in flat typed arrays (visitedSet.ts); the frontier holds one level's
// states. Deterministic: the same config and bounds give the same states, verdicts and traces.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../../model/config.ts";
import type { Op } from "../../model/ops.ts";
import { initialState, type State } from "../../model/state.ts";
import { step } from "../../model/step.ts";
import type { Invariant, InvariantName } from "../../properties/index.ts";
import { candidateOpsFor } from "./enabledOps.ts";
import { exploreFlat } from "./flatBfs.ts";
import { encodeOp, pathTo } from "./opCode.ts";
import { packedKeyFor } from "./packedKey.ts";
import { stateKeyFor } from "./stateKey.ts";
import { visitedSet } from "./visitedSet.ts";

export interface BfsOptions {
  /** Explore at most this many levels (operations from the initial state). */
  readonly maxDepth: number;
  /** Stop once the visited set holds this many states. */
  readonly maxStates: number;
  /** Called every few thousand expansions; the CLI turns it into a progress line. */
  readonly onProgress?: (p: BfsProgress) => void;
  /** Called once at the end, while the visited set is still held and the frontier dropped (the bench measures memory here). */
  readonly onFinish?: (states: number) => void;
}

/** The visited set's footprint at the end of an exploration (the bench reports it as bytes per state). */
export interface BfsMemory {
  /** 32-bit words per packed key. */
  readonly keyWords: number;
  /** Bytes of the visited set's arrays (keys, hash slots, parents, operations), slack included. */
  readonly visitedBytes: number;
  /** States kept under their string key (stateKey.ts) because a value did not fit the packed key's ranges. */
  readonly unpackedStates: number;
}

export interface BfsProgress {
  readonly states: number;
  /** The level being generated. */
  readonly depth: number;
  readonly transitions: number;
}

export type BfsVerdict =
  /** Every reachable state was visited: `states` of them, the farthest `depth` operations from the start. */
  | { readonly status: "proved"; readonly states: number; readonly depth: number }
  /** No violation in any state within `depth` operations of the start; exploration stopped at a bound. */
  | {
      readonly status: "bounded";
      readonly states: number;
      readonly depth: number;
      readonly bound: "max-depth" | "max-states";
    }
  /** A shortest trace to a violating state: `depth` = its length; `states` visited when it was found. */
  | {
      readonly status: "violated";
      readonly states: number;
      readonly depth: number;
      readonly ops: ReadonlyArray<Op>;
      readonly message: string;
    };

export interface BfsResult {
  readonly verdicts: ReadonlyArray<{ readonly invariant: Invariant; readonly verdict: BfsVerdict }>;
  /** States in the visited set at the end. */
  readonly states: number;
  /** Accepted transitions tried (including those to states already visited). */
  readonly transitions: number;
  /** Whether every reachable state was visited. */
  readonly complete: boolean;
  readonly memory: BfsMemory;
}

// ---------------------------------------------------------------------------------------------------------
// the search
// ---------------------------------------------------------------------------------------------------------

interface Node {
  readonly state: State;
  readonly id: number;
}

/**
 * Explores the reachable states of `config` breadth-first, checking every invariant in every state. Runs the
 * compiled search over flat states (flatBfs.ts) when the config fits it, which gives the same result as the
 * reference search below (flatBfs.test.ts), several times faster; otherwise the reference search.
 */
export const exploreBreadthFirst = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  options: BfsOptions,
): BfsResult =>
  exploreFlat(config, invariants, options) ?? exploreBreadthFirstReference(config, invariants, options);

/**
 * The reference search: the model's own `step` on its States, each successor's key packed from the records
 * (packedKey.ts, or stateKey.ts for a state outside the packed ranges). The definition the flat search is
 * tested against, and the search for configs the flat one does not cover.
 */
export const exploreBreadthFirstReference = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  options: BfsOptions,
): BfsResult => {
  const stringKeyOf = stateKeyFor(config);
  const packed = packedKeyFor(config);
  const scratch = new Uint32Array(packed.words);
  const visited = visitedSet(packed.words, options.maxStates);
  // States whose values do not fit the packed key (none on a model that keeps its ranges): string keys.
  const unpacked = new Map<string, number>();
  /** The new state's index, −1 if already visited, −2 if new but the set is full. */
  const visit = (state: State, from: number, op: number): number => {
    if (packed.pack(state, scratch)) return visited.add(scratch, from, op, options.maxStates);
    const key = stringKeyOf(state);
    if (unpacked.has(key)) return -1;
    if (visited.size() >= options.maxStates) return -2;
    const id = visited.addUnkeyed(from, op);
    unpacked.set(key, id);
    return id;
  };
  const opsOf = candidateOpsFor(config, encodeOp);
  const start = initialState(config);
  visit(start, -1, -1);
  const found = new Map<
    InvariantName,
    { readonly id: number; readonly states: number; readonly message: string }
  >();
  const checkAll = (state: State, id: number): void => {
    for (const inv of invariants) {
      if (found.has(inv.name)) continue;
      const v = inv.check(config, state);
      if (O.isSome(v)) found.set(inv.name, { id, states: visited.size(), message: v.value.message });
    }
  };
  checkAll(start, 0);

  let frontier: ReadonlyArray<Node> = [{ state: start, id: 0 }];
  let depth = 0;
  let transitions = 0;
  let expanded = 0;
  let bound: "max-depth" | "max-states" | undefined;
  let complete = false;
  while (found.size < invariants.length) {
    if (depth >= options.maxDepth) {
      bound = "max-depth";
      break;
    }
    const next: Node[] = [];
    expand: for (const node of frontier) {
      const { ops, codes } = opsOf(node.state);
      for (let o = 0; o < ops.length; o++) {
        const r = step(config, node.state, ops[o] as Op);
        if (E.isLeft(r)) continue;
        transitions += 1;
        const id = visit(r.right, node.id, codes[o] as number);
        if (id === -1) continue;
        if (id === -2) {
          bound = "max-states";
          break expand;
        }
        checkAll(r.right, id);
        next.push({ state: r.right, id });
      }
      expanded += 1;
      if (expanded % 2000 === 0)
        options.onProgress?.({ states: visited.size(), depth: depth + 1, transitions });
      if (found.size === invariants.length) break;
    }
    if (bound !== undefined || found.size === invariants.length) break;
    if (next.length === 0) {
      complete = true;
      break;
    }
    depth += 1;
    frontier = next;
  }

  frontier = [];
  options.onFinish?.(visited.size());

  const states = visited.size();
  return {
    states,
    transitions,
    complete,
    memory: { keyWords: packed.words, visitedBytes: visited.bytes(), unpackedStates: unpacked.size },
    verdicts: invariants.map((invariant) => {
      const f = found.get(invariant.name);
      if (f !== undefined) {
        const ops = pathTo(visited, f.id);
        return {
          invariant,
          verdict: { status: "violated", states: f.states, depth: ops.length, ops, message: f.message },
        };
      }
      return {
        invariant,
        verdict: complete
          ? { status: "proved", states, depth }
          : { status: "bounded", states, depth, bound: bound ?? "max-states" },
      };
    }),
  };
};
