// ---------------------------------------------------------------------------------------------------------
// checker/verify: exhaustive bounded verification by breadth-first search, for any spec with an exploration
// (checker/spec.ts), the level of evidence above random search. From the initial state, every candidate
// operation is tried in every reachable state; a visited set on the spec's canonical key keeps each state once.
// Because the search goes level by level, the first violating state found is at the least depth, so its trace
// is a shortest counterexample by construction. The visited set is the memory: per state its key (packed into
// a few 32-bit words when the spec can, else a string), and two small integers (parent and operation) from
// which the trace is rebuilt (visitedSet.ts); the frontier holds one level's states. A spec may bring a
// compiled search of its own (`Exploration.compiled`) that must give the same result. Deterministic: the same
// config and bounds give the same states, verdicts and traces.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import {
  type BfsBound,
  type BfsOptions,
  type BfsResult,
  type BfsVerdict,
  type Exploration,
  POLL_EVERY,
} from "../exploration.ts";
import type { Spec } from "../spec.ts";
import type { SpecInvariant } from "../specInvariant.ts";
import { crossCheckAudit } from "./crossCheck.ts";
import { visitedSet } from "./visitedSet.ts";

/**
 * Explores the reachable states of `config` breadth-first, checking `invariants` in every state: with the
 * spec's compiled search when it has one that covers the config, otherwise the reference search below; one
 * search per invariant for a spec explored one invariant at a time. A compiled search is cross-checked against
 * the spec's `step` as it runs (crossCheck.ts): on a difference this throws a `StepDisagreement`.
 */
export const exploreBreadthFirst = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invariants: ReadonlyArray<SpecInvariant<C, S>>,
  options: BfsOptions,
): BfsResult<C, S, Op> => {
  const exploration = spec.exploration;
  if (exploration === undefined) throw new Error(`internal: spec ${spec.id} has no exploration`);
  if (!exploration.oneInvariantAtATime)
    return (
      exploration.compiled?.(config, invariants, options, crossCheckAudit(spec, exploration, config)) ??
      exploreReference(spec, exploration, config, invariants, options)
    );
  const each = invariants.map((inv) => exploreReference(spec, exploration, config, [inv], options));
  return {
    verdicts: each.flatMap((r) => r.verdicts),
    states: each.reduce((n, r) => n + r.states, 0),
    transitions: each.reduce((n, r) => n + r.transitions, 0),
    complete: each.every((r) => r.complete),
    memory: {
      keyWords: 0,
      visitedBytes: each.reduce((n, r) => n + r.memory.visitedBytes, 0),
      unpackedStates: each.reduce((n, r) => n + r.memory.unpackedStates, 0),
    },
  };
};

interface Node<S> {
  readonly state: S;
  readonly id: number;
}

/**
 * The reference search: the spec's own `step` on its states, each successor's key packed when the spec can
 * (`Exploration.packedKey`) and a string otherwise. The definition a compiled search is tested against.
 */
export const exploreReference = <C, S, Op>(
  spec: Spec<C, S, Op>,
  exploration: Exploration<C, S, Op>,
  config: C,
  invariants: ReadonlyArray<SpecInvariant<C, S>>,
  options: BfsOptions,
): BfsResult<C, S, Op> => {
  const stringKeyOf = exploration.key(config, invariants);
  const packed = exploration.packedKey?.(config);
  const words = packed?.words ?? 1;
  const scratch = new Uint32Array(words);
  const visited = visitedSet(words, options.maxStates);
  // States without a packed key (every state of a spec that has none): string keys.
  const unpacked = new Map<string, number>();
  /** The new state's index, −1 if already visited, −2 if new but the set is full. */
  const visit = (state: S, from: number, op: number): number => {
    if (packed?.pack(state, scratch)) return visited.add(scratch, from, op, options.maxStates);
    const key = stringKeyOf(state);
    if (unpacked.has(key)) return -1;
    if (visited.size() >= options.maxStates) return -2;
    const id = visited.addUnkeyed(from, op);
    unpacked.set(key, id);
    return id;
  };
  // Operations by code: the spec's own codec, or a table of the operations met, by their JSON.
  const codec = exploration.opCodec ?? tableCodec<Op>();
  const candidatesOf = exploration.candidates(config, invariants);
  const pathTo = (id: number): ReadonlyArray<Op> => {
    const ops: Op[] = [];
    for (let n = id; n > 0; n = visited.parentOf(n)) ops.push(codec.decode(visited.viaOf(n)));
    return ops.reverse();
  };
  const start = spec.init(config);
  visit(start, -1, -1);
  const found = new Map<string, { readonly id: number; readonly states: number; readonly message: string }>();
  const checkAll = (state: S, id: number): void => {
    for (const inv of invariants) {
      if (found.has(inv.name)) continue;
      const v = inv.check(config, state);
      if (O.isSome(v)) found.set(inv.name, { id, states: visited.size(), message: v.value.message });
    }
  };
  checkAll(start, 0);

  let frontier: ReadonlyArray<Node<S>> = [{ state: start, id: 0 }];
  let depth = 0;
  let transitions = 0;
  let expanded = 0;
  let bound: BfsBound | undefined;
  let tried = 0;
  let complete = false;
  options.onLevel?.(0, visited.size());
  while (found.size < invariants.length) {
    if (depth >= options.maxDepth) {
      bound = "max-depth";
      break;
    }
    const next: Node<S>[] = [];
    expand: for (const node of frontier) {
      for (const op of candidatesOf(node.state)) {
        if (++tried % POLL_EVERY === 0) {
          options.onProgress?.({ states: visited.size(), depth: depth + 1, transitions });
          if (options.stop?.() === true) {
            bound = "budget";
            break expand;
          }
        }
        const r = spec.step(config, node.state, op);
        if (E.isLeft(r)) continue;
        transitions += 1;
        const id = visit(r.right, node.id, codec.encode(op));
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
    options.onLevel?.(depth + 1, visited.size());
    depth += 1;
    frontier = next;
  }

  frontier = [];
  options.onFinish?.(visited.size());

  const states = visited.size();
  const cone = exploration.cone?.(invariants);
  return {
    states,
    transitions,
    complete,
    memory: { keyWords: packed?.words ?? 0, visitedBytes: visited.bytes(), unpackedStates: unpacked.size },
    verdicts: invariants.map((invariant) => {
      const f = found.get(invariant.name);
      const verdict: BfsVerdict<Op> =
        f !== undefined
          ? (() => {
              const ops = pathTo(f.id);
              return { status: "violated", states: f.states, depth: ops.length, ops, message: f.message };
            })()
          : complete
            ? { status: "proved", states, depth }
            : { status: "bounded", states, depth, bound: bound ?? "max-states" };
      return { invariant, verdict, ...(cone === undefined ? {} : { cone }) };
    }),
  };
};

/** An operation codec for a spec without one: codes in the order operations are first met. */
const tableCodec = <Op>(): { readonly encode: (op: Op) => number; readonly decode: (code: number) => Op } => {
  const codes = new Map<string, number>();
  const ops: Op[] = [];
  return {
    encode: (op) => {
      const json = JSON.stringify(op);
      const known = codes.get(json);
      if (known !== undefined) return known;
      codes.set(json, ops.length);
      ops.push(op);
      return ops.length - 1;
    },
    decode: (code) => {
      const op = ops[code];
      if (op === undefined) throw new Error(`internal: no operation with code ${code}`);
      return op;
    },
  };
};
