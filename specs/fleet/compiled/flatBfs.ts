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
// Per transition it allocates nothing: the state being expanded is read back from its packed key into one array,
// each successor is written into another and packed into a third; a new one is stored in the visited set, and
// the next level gets only its index there and its fleet order (flatFrontier.ts: a few bytes, not the state).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import {
  type BfsBound,
  type BfsOptions,
  type BfsResult,
  type BfsVerdict,
  type ExpansionAudit,
  POLL_EVERY,
} from "../../../checker/exploration.ts";
import { visitedSet } from "../../../checker/verify/visitedSet.ts";
import type { Config } from "../../../model/config.ts";
import type { Op } from "../../../model/ops.ts";
import { initialState, type State } from "../../../model/state.ts";
import { step } from "../../../model/step.ts";
import type { Invariant } from "../../../properties/index.ts";
import { candidateOps } from "../enabledOps.ts";
import { encodeOp, OP_ARG, OP_KINDS, pathTo } from "../opCode.ts";
import { packedKeyFor } from "../packedKey.ts";
import { orderInsensitive } from "../stateKey.ts";
import { flatFrontierFor } from "./flatFrontier.ts";
import { type FlatViolated, flatViolatedFor } from "./flatInvariants.ts";
import { FLAT, flatKeyFor, flatLayoutFor, toFlat } from "./flatState.ts";
import { FLAT_RESULT, type FlatOperation, FlatOverflow, flatOperationsFor } from "./flatStep.ts";

const { F_WIDTH, H_FLEET, H_UNITS } = FLAT;
const { DISABLED, UNCHANGED } = FLAT_RESULT;

/**
 * A state's candidate operations (enabledOps.ts order) as codes, with, for those that name a frontend, its
 * position (−1 for the others) and how many candidates back the same operation on the previous frontend is.
 */
interface Candidates {
  /** The operations themselves (for the cross-check's reports: decoding a code runs a match, about 2 µs). */
  readonly ops: ReadonlyArray<Op>;
  readonly codes: Int32Array;
  /** Each code's parts (opCode.ts): its kind (index in OP_TYPES) and its two arguments. */
  readonly kind: Int32Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly frontend: Int32Array;
  readonly back: Int32Array;
}

const candidatesOf = (ops: ReadonlyArray<Op>): Candidates => {
  const codes = Int32Array.from(ops, encodeOp);
  const kind = codes.map((c) => c % OP_KINDS);
  const a = codes.map((c, o) => ((c - (kind[o] as number)) / OP_KINDS) % OP_ARG);
  const b = codes.map((c, o) => Math.floor((c - (kind[o] as number)) / OP_KINDS / OP_ARG));
  const frontend = new Int32Array(ops.length).fill(-1);
  const back = new Int32Array(ops.length);
  const index = new Map(ops.map((op, o) => [JSON.stringify(op), o]));
  ops.forEach((op, o) => {
    if (!("frontend" in op) || op.frontend === 0) return;
    // Looked up, not assumed from the generators' order: the same operation on each earlier frontend must be
    // a fixed number of candidates back per frontend, or this candidate gets no shortcut.
    const previous = index.get(JSON.stringify({ ...op, frontend: op.frontend - 1 }));
    if (previous === undefined) return;
    const step = o - previous;
    for (let i = 0; i < op.frontend; i++)
      if (index.get(JSON.stringify({ ...op, frontend: i })) !== o - (op.frontend - i) * step) return;
    frontend[o] = op.frontend;
    back[o] = step;
  });
  return { ops, codes, kind, a, b, frontend, back };
};

/**
 * For each frontend j of `flat`, the first frontend i ≤ j whose slot equals j's, into `twin`. An operation on
 * j then has the verdict of the same operation on i, and, where the key sorts the fleet, a successor of the
 * same key.
 */
const twinsOf = (flat: Int32Array, frontends: number, twin: Int32Array): void => {
  const n = flat[H_FLEET] as number;
  for (let j = 0; j < n; j++) {
    twin[j] = j;
    const b = frontends + j * F_WIDTH;
    for (let i = 0; i < j; i++) {
      const a = frontends + i * F_WIDTH;
      let same = true;
      for (let f = 0; f < F_WIDTH; f++)
        if (flat[a + f] !== flat[b + f]) {
          same = false;
          break;
        }
      if (same) {
        twin[j] = i;
        break;
      }
    }
  }
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

/** What the flat search compiles for a config: its key, its next-state relation and its layout. */
interface Compiled {
  readonly key: ReturnType<typeof flatKeyFor>;
  readonly frontier: ReturnType<typeof flatFrontierFor>;
  readonly operations: ReadonlyArray<FlatOperation>;
  readonly stride: number;
  readonly violated: Map<Invariant, FlatViolated | undefined>;
  /** Candidate operations, memoised on what their domains read (enabledOps.ts `candidateOpsFor`): fleet size and capacity. */
  readonly candidates: Map<number, Candidates>;
}

/**
 * Compiled once per config object and kept while the config lives: a search that made new closures on each
 * run gave V8 a new call target at each of its calls to them, and after a few such deoptimisations it stopped
 * inlining them (the bench explores the same config many times).
 */
const compiled = new WeakMap<Config, Compiled>();
const compile = (config: Config): Compiled => {
  const hit = compiled.get(config);
  if (hit !== undefined) return hit;
  const key = flatKeyFor(config);
  const c = {
    key,
    frontier: flatFrontierFor(config, key),
    operations: flatOperationsFor(config),
    stride: flatLayoutFor(config).size,
    violated: new Map<Invariant, FlatViolated | undefined>(),
    candidates: new Map<number, Candidates>(),
  };
  compiled.set(config, c);
  return c;
};

/**
 * `exploreBreadthFirst` over flat states; undefined when it does not apply (the config's frontend codes are too
 * wide to pack, an invariant is not a registered one, or a state leaves the layout's ranges, which the model
 * should never do): the caller then runs the reference search.
 */
export const exploreFlat = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  options: BfsOptions,
  audit?: ExpansionAudit<Op>,
): BfsResult<Config, State, Op> | undefined => {
  const c = compile(config);
  if (!c.key.packable) return undefined;
  const checks: FlatViolated[] = [];
  for (const inv of invariants) {
    if (!c.violated.has(inv)) c.violated.set(inv, flatViolatedFor(config, inv));
    const check = c.violated.get(inv);
    if (check === undefined) return undefined;
    checks.push(check);
  }
  const start = toFlat(config, initialState(config));
  if (start === undefined) return undefined;
  try {
    return search(config, c, invariants, checks, start, options, audit);
  } catch (e) {
    if (e instanceof FlatOverflow) return undefined;
    throw e;
  }
};

const search = (
  config: Config,
  { key, frontier: lean, operations, stride, candidates }: Compiled,
  invariants: ReadonlyArray<Invariant>,
  checks: ReadonlyArray<FlatViolated>,
  start: Int32Array,
  options: BfsOptions,
  audit: ExpansionAudit<Op> | undefined,
): BfsResult<Config, State, Op> | undefined => {
  const { words, packFlat } = key;
  const { frontends, maxFleet } = flatLayoutFor(config);
  const scratch = new Uint32Array(words);
  const visited = visitedSet(words, options.maxStates);
  if (!packFlat(start, scratch)) return undefined;
  visited.add(scratch, -1, -1, options.maxStates);

  const candidatesMemo = candidates;
  const candidatesFor = (flat: Int32Array): Candidates => {
    const n = flat[H_FLEET] as number;
    const units = flat[H_UNITS] as number;
    const memoKey = n * 0x10000 + units;
    const c =
      candidatesMemo.get(memoKey) ??
      candidatesOf(candidateOps(config, { frontends: { length: n }, capacityUnits: units }));
    candidatesMemo.set(memoKey, c);
    if (c.codes.length > enabled.length) enabled = new Uint8Array(c.codes.length);
    return c;
  };
  const sorted = orderInsensitive(config);
  const twin = new Int32Array(Math.max(1, maxFleet));
  /** Whether each candidate of the state being expanded was enabled. */
  let enabled = new Uint8Array(64);

  // The cross-check (checker/verify/crossCheck.ts): an expansion reported in full, every candidate applied (no
  // twin shortcut), with its successor's packed key, or undefined when refused. Its own buffers: it runs
  // inside the search's loop.
  const auditOut = new Int32Array(stride);
  const auditKey = new Uint32Array(words);
  const keyOfFlat = (flat: Int32Array): Uint32Array =>
    packFlat(flat, auditKey) ? auditKey.slice() : new Uint32Array(0);
  const report = (flat: Int32Array, path: ReadonlyArray<Op>): void => {
    if (audit === undefined) return;
    const { ops, codes, kind, a, b } = candidatesFor(flat);
    const successors: Array<readonly [Op, Uint32Array | undefined]> = [];
    for (let o = 0; o < codes.length; o++) {
      const apply = operations[kind[o] as number] as FlatOperation;
      const r = apply(flat, a[o] as number, b[o] as number, auditOut);
      const key = r === DISABLED ? undefined : keyOfFlat(r === UNCHANGED ? flat : auditOut);
      successors.push([ops[o] as Op, key]);
    }
    audit.expansion({ path, successors });
  };
  /** Reports every state on the trace `ops`, from the start, each with all its candidates. */
  const reportTrace = (ops: ReadonlyArray<Op>): void => {
    if (audit === undefined) return;
    let flat = start.slice();
    for (let i = 0; i <= ops.length; i++) {
      report(flat, ops.slice(0, i));
      const op = ops[i];
      if (op === undefined) break;
      const code = encodeOp(op);
      const kindOf = code % OP_KINDS;
      const r = (operations[kindOf] as FlatOperation)(
        flat,
        ((code - kindOf) / OP_KINDS) % OP_ARG,
        Math.floor((code - kindOf) / OP_KINDS / OP_ARG),
        auditOut,
      );
      if (r === DISABLED) break;
      if (r !== UNCHANGED) flat = auditOut.slice();
    }
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

  // The two levels' buffers, swapped at each level and reused (flatFrontier.ts).
  let frontier = lean.level();
  let level = lean.level();
  lean.push(frontier, 0);
  const current = new Int32Array(stride);
  const successor = new Int32Array(stride);
  let depth = 0;
  let transitions = 0;
  let expanded = 0;
  let bound: BfsBound | undefined;
  let tried = 0;
  let complete = false;
  options.onLevel?.(0, visited.size());
  while (found < invariants.length) {
    if (depth >= options.maxDepth) {
      bound = "max-depth";
      break;
    }
    level.count = 0;
    expand: for (let k = 0; k < frontier.count; k++) {
      const parent = frontier.ids[k] as number;
      lean.read(frontier, k, visited.keyArray(), parent * words, current);
      if (audit?.sample(depth, expanded)) report(current, pathTo(visited, parent));
      const { codes, kind, a, b, frontend, back } = candidatesFor(current);
      if (sorted) twinsOf(current, frontends, twin);
      for (let o = 0; o < codes.length; o++) {
        if (++tried % POLL_EVERY === 0) {
          options.onProgress?.({ states: visited.size(), depth: depth + 1, transitions });
          if (options.stop?.() === true) {
            bound = "budget";
            break expand;
          }
        }
        const code = codes[o] as number;
        const j = frontend[o] as number;
        if (sorted && j > 0 && twin[j] !== j) {
          // The same operation on an identical earlier frontend was just tried: the same verdict, and (the
          // fleet being sorted in the key) a successor with the same key, which is now visited.
          const e = enabled[o - (j - (twin[j] as number)) * (back[o] as number)] as number;
          enabled[o] = e;
          transitions += e;
          continue;
        }
        const apply = operations[kind[o] as number] as FlatOperation;
        const r = apply(current, a[o] as number, b[o] as number, successor);
        if (r === DISABLED) {
          enabled[o] = 0;
          continue;
        }
        enabled[o] = 1;
        transitions += 1;
        // The state is its own successor (a request routed that changes no bit the key keeps): its key is visited.
        if (r === UNCHANGED) continue;
        if (!packFlat(successor, scratch)) return undefined;
        const id = visited.add(scratch, parent, code, options.maxStates);
        if (id === -1) continue;
        if (id === -2) {
          bound = "max-states";
          break expand;
        }
        checkAll(successor, id);
        lean.push(level, id);
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
    options.onLevel?.(depth + 1, visited.size());
    depth += 1;
    const done = frontier;
    frontier = level;
    level = done;
  }

  frontier = lean.level();
  level = lean.level();
  options.onFinish?.(visited.size());

  const states = visited.size();
  return {
    states,
    transitions,
    complete,
    memory: { keyWords: words, visitedBytes: visited.bytes(), unpackedStates: 0 },
    verdicts: invariants.map((invariant, i) => {
      const id = foundId[i] as number;
      if (id !== -1) {
        const ops = pathTo(visited, id);
        reportTrace(ops);
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
        const verdict: BfsVerdict<Op> = {
          status: "violated",
          states: foundStates[i] as number,
          depth: ops.length,
          ops,
          message: v.value.message,
        };
        return { invariant, verdict };
      }
      const verdict: BfsVerdict<Op> = complete
        ? { status: "proved", states, depth }
        : { status: "bounded", states, depth, bound: bound ?? "max-states" };
      return { invariant, verdict };
    }),
  };
};
