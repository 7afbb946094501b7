// ---------------------------------------------------------------------------------------------------------
// checker/verify: what the flat search compiles for a config (its key, frontier, next-state relation and
// candidate operations) and how it words its verdicts, shared by the one-thread search (flatBfs.ts), the
// expansion a worker thread runs (flatExpand.ts) and the search that hands levels to workers (flatParallel.ts).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { BfsBound, BfsResult, BfsVerdict, ExpansionAudit } from "../../../checker/exploration.ts";
import type { VisitedSet } from "../../../checker/verify/visitedSet.ts";
import type { Config } from "../../../model/config.ts";
import type { Op } from "../../../model/ops.ts";
import { initialState, type State } from "../../../model/state.ts";
import { step } from "../../../model/step.ts";
import type { Invariant } from "../../../properties/index.ts";
import { candidateOps } from "../enabledOps.ts";
import { encodeOp, OP_ARG, OP_KINDS, pathTo } from "../opCode.ts";
import { packedKeyFor } from "../packedKey.ts";
import { flatFrontierFor } from "./flatFrontier.ts";
import type { FlatViolated } from "./flatInvariants.ts";
import { FLAT, flatKeyFor, flatLayoutFor } from "./flatState.ts";
import { FLAT_RESULT, type FlatOperation, flatOperationsFor } from "./flatStep.ts";

const { F_WIDTH, H_FLEET, H_UNITS } = FLAT;
const { DISABLED, UNCHANGED } = FLAT_RESULT;

/**
 * A state's candidate operations (enabledOps.ts order) as codes, with, for those that name a frontend, its
 * position (−1 for the others) and how many candidates back the same operation on the previous frontend is.
 */
export interface Candidates {
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

export const candidatesOf = (ops: ReadonlyArray<Op>): Candidates => {
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
 * The candidate whose verdict candidate `o` shares: the same operation on frontend `j`'s twin (`twinsOf`), found
 * by stepping back `back[o]` candidates per frontend between them. Only for `j > 0` with `twin[j] !== j`.
 */
export const twinCandidate = (o: number, j: number, twin: Int32Array, back: Int32Array): number =>
  o - (j - (twin[j] as number)) * (back[o] as number);

/**
 * For each frontend j of `flat`, the first frontend i ≤ j whose slot equals j's, into `twin`. An operation on
 * j then has the verdict of the same operation on i, and, where the key sorts the fleet, a successor of the
 * same key.
 */
export const twinsOf = (flat: Int32Array, frontends: number, twin: Int32Array): void => {
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
export const packedWords = (config: Config, state: State): string | undefined => {
  const k = packedKeyFor(config);
  const out = new Uint32Array(k.words);
  return k.pack(state, out) ? out.join(",") : undefined;
};

/** The concrete state after `ops` from the initial state, by the model's own `step`. */
export const replay = (config: Config, ops: ReadonlyArray<Op>): State =>
  ops.reduce((s, op) => {
    const r = step(config, s, op);
    if (E.isLeft(r))
      throw new Error(`internal: the flat search's trace does not replay (${op.type} refused)`);
    return r.right;
  }, initialState(config));

/** What the flat search compiles for a config: its key, its next-state relation and its layout. */
export interface Compiled {
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
const compiledFor = new WeakMap<Config, Compiled>();
export const compile = (config: Config): Compiled => {
  const hit = compiledFor.get(config);
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
  compiledFor.set(config, c);
  return c;
};

/**
 * The candidates of the flat state `flat` (memoised on fleet size and capacity, what their domains read).
 */
export const candidatesFor = (config: Config, c: Compiled, flat: Int32Array): Candidates => {
  const n = flat[H_FLEET] as number;
  const units = flat[H_UNITS] as number;
  const memoKey = n * 0x10000 + units;
  const hit = c.candidates.get(memoKey);
  if (hit !== undefined) return hit;
  const made = candidatesOf(candidateOps(config, { frontends: { length: n }, capacityUnits: units }));
  c.candidates.set(memoKey, made);
  return made;
};

/** What a search found per invariant: the first violating state's id (−1: none), the visited count then, its key. */
export interface Found {
  readonly id: Int32Array;
  readonly states: Int32Array;
  /** The violating state's packed key, as its words joined by commas. */
  readonly key: Array<string | undefined>;
}

/**
 * The verdicts of a flat search. A violation's message comes from the model itself: the trace is replayed
 * from `initialState` with the real `step`, the replayed state's packed key is checked against the key found,
 * and the real `inv.check` words the message. `reportTrace` hands each trace to the cross-check.
 */
export const flatVerdicts = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  visited: VisitedSet,
  found: Found,
  end: { readonly complete: boolean; readonly bound: BfsBound | undefined; readonly depth: number },
  reportTrace: (ops: ReadonlyArray<Op>) => void,
): ReadonlyArray<{ readonly invariant: Invariant; readonly verdict: BfsVerdict<Op> }> => {
  const states = visited.size();
  return invariants.map((invariant, i) => {
    const id = found.id[i] as number;
    if (id !== -1) {
      const ops = pathTo(visited, id);
      reportTrace(ops);
      const concrete = replay(config, ops);
      if (packedWords(config, concrete) !== found.key[i])
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
        states: found.states[i] as number,
        depth: ops.length,
        ops,
        message: v.value.message,
      };
      return { invariant, verdict };
    }
    const verdict: BfsVerdict<Op> = end.complete
      ? { status: "proved", states, depth: end.depth }
      : { status: "bounded", states, depth: end.depth, bound: end.bound ?? "max-states" };
    return { invariant, verdict };
  });
};

/** Applies operation `code` to `flat` (the cross-check's replay of a trace): the flat operation's result. */
export const applyCode = (
  operations: ReadonlyArray<FlatOperation>,
  flat: Int32Array,
  code: number,
  out: Int32Array,
): number => {
  const kindOf = code % OP_KINDS;
  return (operations[kindOf] as FlatOperation)(
    flat,
    ((code - kindOf) / OP_KINDS) % OP_ARG,
    Math.floor((code - kindOf) / OP_KINDS / OP_ARG),
    out,
  );
};

/** The flat search's report to the cross-check (crossCheck.ts): an expansion, or every state of a trace. */
export interface FlatAuditor {
  readonly report: (flat: Int32Array, path: ReadonlyArray<Op>) => void;
  readonly reportTrace: (ops: ReadonlyArray<Op>) => void;
}

/**
 * The cross-check's reports: an expansion reported in full, every candidate applied (no twin shortcut), with
 * its successor's packed key, or undefined when refused. Its own buffers: it runs inside the search's loop.
 */
export const flatAuditor = (
  config: Config,
  c: Compiled,
  start: Int32Array,
  audit: ExpansionAudit<Op> | undefined,
): FlatAuditor => {
  const { key, operations, stride } = c;
  const auditOut = new Int32Array(stride);
  const auditKey = new Uint32Array(key.words);
  const keyOfFlat = (flat: Int32Array): Uint32Array =>
    key.packFlat(flat, auditKey) ? auditKey.slice() : new Uint32Array(0);
  const report = (flat: Int32Array, path: ReadonlyArray<Op>): void => {
    if (audit === undefined) return;
    const { ops, codes, kind, a, b } = candidatesFor(config, c, flat);
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
      const r = applyCode(operations, flat, encodeOp(op), auditOut);
      if (r === DISABLED) break;
      if (r !== UNCHANGED) flat = auditOut.slice();
    }
  };
  return { report, reportTrace };
};

/** The found-violations record of a search over `invariants` (none found yet). */
export const noneFound = (invariants: ReadonlyArray<Invariant>): Found => ({
  id: new Int32Array(invariants.length).fill(-1),
  states: new Int32Array(invariants.length),
  key: invariants.map(() => undefined),
});

/** The search's result, once it has stopped. */
export const flatResult = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  visited: VisitedSet,
  words: number,
  found: Found,
  end: { readonly complete: boolean; readonly bound: BfsBound | undefined; readonly depth: number },
  transitions: number,
  reportTrace: (ops: ReadonlyArray<Op>) => void,
): BfsResult<Config, State, Op> => ({
  states: visited.size(),
  transitions,
  complete: end.complete,
  memory: { keyWords: words, visitedBytes: visited.bytes(), unpackedStates: 0 },
  verdicts: flatVerdicts(config, invariants, visited, found, end, reportTrace),
});
