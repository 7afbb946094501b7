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
import {
  type BfsBound,
  type BfsOptions,
  type BfsResult,
  type ExpansionAudit,
  POLL_EVERY,
} from "../../../checker/exploration.ts";
import { visitedSet } from "../../../checker/verify/visitedSet.ts";
import type { Config } from "../../../model/config.ts";
import type { Op } from "../../../model/ops.ts";
import { initialState, type State } from "../../../model/state.ts";
import type { Invariant } from "../../../properties/index.ts";
import { pathTo } from "../opCode.ts";
import { orderInsensitive } from "../stateKey.ts";
import {
  type Candidates,
  type Compiled,
  candidatesFor as candidatesOfFlat,
  compile,
  flatAuditor,
  flatResult,
  noneFound,
  twinCandidate,
  twinsOf,
} from "./flatCompiled.ts";
import { type FlatViolated, flatViolatedFor } from "./flatInvariants.ts";
import { flatParallel, type ParallelTuning } from "./flatParallel.ts";
import { flatLayoutFor, toFlat } from "./flatState.ts";
import { FLAT_RESULT, type FlatOperation, FlatOverflow } from "./flatStep.ts";

const { DISABLED, UNCHANGED } = FLAT_RESULT;

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
  tuning?: ParallelTuning,
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
  // Several threads expand each level (flatParallel.ts): the same states, verdicts and traces.
  if ((options.workers ?? 1) > 1)
    return flatParallel(config, c, invariants, checks, start, options, audit, tuning);
  try {
    return search(config, c, invariants, checks, start, options, audit);
  } catch (e) {
    if (e instanceof FlatOverflow) return undefined;
    throw e;
  }
};

const search = (
  config: Config,
  c: Compiled,
  invariants: ReadonlyArray<Invariant>,
  checks: ReadonlyArray<FlatViolated>,
  start: Int32Array,
  options: BfsOptions,
  audit: ExpansionAudit<Op> | undefined,
): BfsResult<Config, State, Op> | undefined => {
  const { key, frontier: lean, operations, stride } = c;
  const { words, packFlat } = key;
  const { frontends, maxFleet } = flatLayoutFor(config);
  const scratch = new Uint32Array(words);
  const visited = visitedSet(words, options.maxStates);
  if (!packFlat(start, scratch)) return undefined;
  visited.add(scratch, -1, -1, options.maxStates);

  const candidatesFor = (flat: Int32Array): Candidates => {
    const found = candidatesOfFlat(config, c, flat);
    if (found.codes.length > enabled.length) enabled = new Uint8Array(found.codes.length);
    return found;
  };
  const sorted = orderInsensitive(config);
  const twin = new Int32Array(Math.max(1, maxFleet));
  /** Whether each candidate of the state being expanded was enabled. */
  let enabled = new Uint8Array(64);
  const { report, reportTrace } = flatAuditor(config, c, start, audit);

  // Per invariant: the id of the first violating state found, the visited count then, and its key.
  const seen = noneFound(invariants);
  let found = 0;
  const checkAll = (flat: Int32Array, id: number): void => {
    for (let i = 0; i < checks.length; i++) {
      if (seen.id[i] !== -1) continue;
      if ((checks[i] as FlatViolated)(flat)) {
        seen.id[i] = id;
        seen.states[i] = visited.size();
        seen.key[i] = scratch.join(",");
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
          const e = enabled[twinCandidate(o, j, twin, back)] as number;
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

  return flatResult(
    config,
    invariants,
    visited,
    words,
    seen,
    { complete, bound, depth },
    transitions,
    reportTrace,
  );
};
