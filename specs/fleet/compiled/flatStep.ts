// ---------------------------------------------------------------------------------------------------------
// checker/verify: the next-state relation compiled to the flat state (flatState.ts), the way TLC and SPIN
// compile a specification's actions: the exhaustive search's successor function. Each operation of the model
// is re-implemented here on integers, one function per operation, named like the model's and citing the
// function it mirrors; it writes the successor into a preallocated array and allocates nothing.
//
// The model (model/step.ts) stays the definition: this is a second implementation of the same semantics, kept
// equal to it by a property test (flatStep.test.ts): from random reachable states, for every candidate
// operation, `flatStep` is enabled exactly when `step` accepts the operation, and its output is the flat state
// of `step`'s result (so it packs to the same key). Any change to model/ must be mirrored here; the test fails
// until it is.
//
// Why the flat state is enough (stateKey.ts): no operation reads what it drops (ids, the clock, owners, request
// counts beyond `misrouted > 0`, the last request beyond its succeeded-through-stale bit), so the successor's
// flat state is a function of the flat state and the operation.
//
// Mutable by design (checker/, not model/): `out` is written in place, and nothing escapes a call.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../../model/config.ts";
import { threadsForGroupOf } from "../../../model/fleet.ts";
import { OP_TYPES, type OpType } from "../../../model/ops.ts";
import { moveAgeCap, serversFor } from "../../../model/state.ts";
import { maxPeerThreads, perPeerThreads, threadLimitInForce } from "../../../model/threadFormula.ts";
import { OP_ARG, OP_KINDS } from "../opCode.ts";
import { FLAT, flatLayoutFor } from "./flatState.ts";

const {
  BOOTSTRAPPING,
  BUILDING,
  COMPLETE,
  F_BEHIND,
  F_BOOT,
  F_CELL,
  F_CONNECTED,
  F_KNOWN,
  F_MAP,
  F_STALE,
  F_STATUS,
  F_WIDTH,
  H_CELL_SIZES,
  H_CELLS,
  H_FLEET,
  H_MISROUTED,
  H_SUCCEEDED_STALE,
  H_UNITS,
  SERVING,
  STOPPED,
  USELESS,
} = FLAT;

/**
 * Writes into `out` the successor of `flat` by the operation with code `code` (opCode.ts) and returns true, or
 * returns false (and leaves `out` unspecified) when the model refuses the operation in that state. `out` must
 * not be `flat`.
 */
export type FlatStep = (flat: Int32Array, code: number, out: Int32Array) => boolean;

/**
 * Thrown when a successor would not fit the flat layout (more frontends or cells than the config's domain):
 * the model should never get there; the flat search gives way to the reference search when it does.
 */
export class FlatOverflow extends Error {}

/** A FlatOperation's answer: refused, or enabled with its successor in `out`, or enabled with the state as its own successor. */
const DISABLED = 0;
const CHANGED = 1;
const UNCHANGED = 2;
export type FlatResult = typeof DISABLED | typeof CHANGED | typeof UNCHANGED;
/** The three answers, for the search (taken into module constants there: see flatState.ts `FLAT`). */
export const FLAT_RESULT = { DISABLED, CHANGED, UNCHANGED } as const;

/**
 * One operation on flat states, as FlatStep but with the code's parts (`a` its count, frontend or shard, `b` a
 * routed request's shard, opCode.ts), and one more answer: UNCHANGED when the successor is the state itself
 * (a request routed that changes no bit the key keeps), in which case `out` is not written, which spares the
 * search a copy and a key it has already visited.
 */
export type FlatOperation = (flat: Int32Array, a: number, b: number, out: Int32Array) => FlatResult;

/** The compiled next-state relation of `config`: the operation with code `code`, decoded on each call. */
export const flatStepFor = (config: Config): FlatStep => {
  const byKind = flatOperationsFor(config);
  const l = flatLayoutFor(config);
  const kinds = OP_KINDS;
  const arg = OP_ARG;
  return (flat, code, out) => {
    const kind = code % kinds;
    const rest = (code - kind) / kinds;
    const a = rest % arg;
    const r = (byKind[kind] as FlatOperation)(flat, a, (rest - a) / arg, out);
    if (r === UNCHANGED) out.set(flat.subarray(0, l.frontends + (flat[H_FLEET] as number) * F_WIDTH));
    return r !== DISABLED;
  };
};

/**
 * The compiled operations of `config`, indexed like OP_TYPES (an operation code's first digit, opCode.ts): the
 * search decodes each candidate's code once, not on every call.
 */
export const flatOperationsFor = (config: Config): ReadonlyArray<FlatOperation> => {
  const l = flatLayoutFor(config);
  // The effective thread parameters (R3's limit in force, R5's per-peer threads), read where the model reads them.
  const { baseThreads } = config.threads;
  const threadLimit = threadLimitInForce(config);
  const threadsPerPeer = perPeerThreads(config);
  const { bootstrapTicks, maxConcurrentBootstraps, cacheSelfHealsAfterTriggerRemoval } = config.coldStart;
  const { preflightGuard, largerServers, cellularization, bootstrapFromAuthoritative, waitForCompleteMap } =
    config.remediations;
  const deadline = config.membership.propagationDelayTicks;
  const cap = moveAgeCap(config);
  const shardCount = config.shards.shardCount;
  const peerThreadsMax = maxPeerThreads(config);
  const unitsPerServer = largerServers ? config.remediationParameters.largerServerFactor : 1;

  /** Where frontend `i`'s slot starts. */
  const at = (i: number): number => l.frontends + i * F_WIDTH;

  /** Copies the used part of `flat` (header and the fleet's slots) into `out`. */
  const copy = (flat: Int32Array, out: Int32Array): void => {
    const used = l.frontends + (flat[H_FLEET] as number) * F_WIDTH;
    for (let i = 0; i < used; i++) out[i] = flat[i] as number;
  };

  /** model/state.ts `positionOf` for a fleet of `n` (n > 0). */
  const positionOf = (n: number, p: number): number => ((p % n) + n) % n;

  /** model/state.ts `actualPeers`: the frontend's cell's size less itself. */
  const actualPeers = (s: Int32Array, f: number): number => {
    const cell = s[f + F_CELL] as number;
    return (cell >= 0 && cell < (s[H_CELLS] as number) ? (s[H_CELL_SIZES + cell] as number) : 1) - 1;
  };

  /** model/threads.ts `connectablePeers`. */
  const connectablePeers = (peers: number): number => Math.min(peers, peerThreadsMax);

  /**
   * What a membership change (a frontend added or removed) does to a frontend's lag `behindFor`: the one place
   * that rule lives. The model derives the lag from the tick the frontend fell out of step at (model/state.ts
   * `behindFor`): one the change puts in step (or a stopped one) has no lag; one it puts out of step is
   * stamped with the current tick, lag 0, which it already has; one already out of step keeps its lag.
   */
  const lagAfterMembershipChange = (s: Int32Array, f: number): number => {
    const actual = actualPeers(s, f);
    return s[f + F_STATUS] === STOPPED || (s[f + F_CONNECTED] === actual && s[f + F_KNOWN] === actual)
      ? 0
      : (s[f + F_BEHIND] as number);
  };

  /** Applies `lagAfterMembershipChange` to every frontend of `s` (after its cells were updated). */
  const membershipChanged = (s: Int32Array): void => {
    const n = s[H_FLEET] as number;
    for (let i = 0; i < n; i++) s[at(i) + F_BEHIND] = lagAfterMembershipChange(s, at(i));
  };

  /** model/state.ts `cellForNewMember`: the first cell with room, or a new one (R7); cell 0 otherwise. */
  const cellForNewMember = (s: Int32Array, cells: number): number => {
    if (!cellularization) return 0;
    for (let c = 0; c < cells; c++)
      if ((s[H_CELL_SIZES + c] as number) < config.remediationParameters.cellSize) return c;
    return cells;
  };

  /** model/shardMap.ts `leaveServiceIfMapIncomplete`, on the frontend at `f` of `s`. */
  const leaveServiceIfMapIncomplete = (s: Int32Array, f: number): void => {
    if (waitForCompleteMap && s[f + F_STATUS] === SERVING && s[f + F_MAP] !== COMPLETE) {
      s[f + F_STATUS] = BOOTSTRAPPING;
      s[f + F_MAP] = BUILDING;
      s[f + F_BOOT] = bootstrapTicks;
    }
  };

  /** model/threads.ts `learnOneChange`, in place on the frontend at `f` of `s`. */
  const learnOneChange = (s: Int32Array, f: number, actual: number): void => {
    const known = s[f + F_KNOWN] as number;
    const connected = s[f + F_CONNECTED] as number;
    if (known < actual) {
      s[f + F_KNOWN] = known + 1;
      // canCreatePeerThreads: the threads held plus one peer's fit under the OS limit (K7).
      if (baseThreads + threadsPerPeer * connected + threadsPerPeer <= threadLimit)
        s[f + F_CONNECTED] = connected + 1;
      else s[f + F_MAP] = USELESS;
    } else {
      s[f + F_KNOWN] = known - 1;
      s[f + F_CONNECTED] = Math.min(connected, known - 1);
    }
    if (
      cacheSelfHealsAfterTriggerRemoval &&
      s[f + F_MAP] === USELESS &&
      s[f + F_STATUS] === SERVING &&
      s[f + F_CONNECTED] === s[f + F_KNOWN]
    ) {
      s[f + F_MAP] = COMPLETE;
      s[f + F_STALE] = 0;
    }
    if (s[f + F_CONNECTED] === actual && s[f + F_KNOWN] === actual) s[f + F_BEHIND] = 0;
    leaveServiceIfMapIncomplete(s, f);
  };

  /** model/threads.ts `learnAllChanges` (its shortcut included), in place. */
  const learnAllChanges = (s: Int32Array, f: number, actual: number): void => {
    while (s[f + F_KNOWN] !== actual) {
      const d = actual - (s[f + F_KNOWN] as number);
      const allGranted =
        baseThreads + threadsPerPeer * (s[f + F_CONNECTED] as number) + threadsPerPeer * d <= threadLimit;
      learnOneChange(s, f, actual);
      if (d > 1 && allGranted) {
        const connected = (s[f + F_CONNECTED] as number) + d - 1;
        s[f + F_KNOWN] = actual;
        s[f + F_CONNECTED] = connected;
        if (connected === actual) s[f + F_BEHIND] = 0;
        return;
      }
    }
  };

  /** model/shardMap.ts `processOwnershipChanges`, in place. */
  const processOwnershipChanges = (s: Int32Array, f: number): void => {
    if (s[f + F_STALE] !== 0 && s[f + F_MAP] === COMPLETE && s[f + F_CONNECTED] === s[f + F_KNOWN])
      s[f + F_STALE] = 0;
  };

  /** model/clock.ts `ageMembershipView` (steps 1–3 of a tick for one frontend), in place. */
  const ageMembershipView = (s: Int32Array, f: number): void => {
    if (s[f + F_STATUS] === STOPPED) return;
    const actual = actualPeers(s, f);
    processOwnershipChanges(s, f);
    if ((s[f + F_BEHIND] as number) >= deadline) learnAllChanges(s, f, actual);
    const behind = s[f + F_CONNECTED] !== actual || s[f + F_KNOWN] !== actual;
    s[f + F_BEHIND] = behind ? Math.min((s[f + F_BEHIND] as number) + 1, deadline + 1) : 0;
  };

  /** model/shardMap.ts `finishBootstrap`, in place (bootstrapLeft is already 0). */
  const finishBootstrap = (s: Int32Array, f: number): void => {
    const built = s[f + F_CONNECTED] === s[f + F_KNOWN] || bootstrapFromAuthoritative;
    if (built || !waitForCompleteMap) {
      s[f + F_STATUS] = SERVING;
      s[f + F_MAP] = built ? COMPLETE : USELESS;
      s[f + F_STALE] = 0;
    } else {
      s[f + F_MAP] = BUILDING;
      s[f + F_BOOT] = bootstrapTicks;
    }
  };

  /** model/clock.ts `bootstrapOneTick`, in place. */
  const bootstrapOneTick = (s: Int32Array, f: number): void => {
    const left = (s[f + F_BOOT] as number) - 1;
    if (left > 0) s[f + F_BOOT] = left;
    else {
      s[f + F_BOOT] = 0;
      finishBootstrap(s, f);
    }
  };

  /** model/fleet.ts `capacityAdded` (K16; the preflight guard, seed 003). */
  const capacityAdded: FlatOperation = (flat, count, _b, out) => {
    if (count < 1) return DISABLED;
    const before = flat[H_UNITS] as number;
    const units = before + count;
    if (units > config.fleet.maxSize) return DISABLED;
    const added = serversFor(config, units) - serversFor(config, before);
    const n = flat[H_FLEET] as number;
    if (n + added > l.maxFleet) throw new FlatOverflow(`${n + added} frontends`);
    copy(flat, out);
    // model/state.ts `placeMembers`: each newcomer's cell, one after another.
    let cells = flat[H_CELLS] as number;
    for (let i = 0; i < added; i++) {
      const cell = cellForNewMember(out, cells);
      if (cell >= cells) {
        if (cell >= l.cellSlots) throw new FlatOverflow(`${cell + 1} cells`);
        out[H_CELL_SIZES + cell] = 0;
        cells = cell + 1;
      }
      out[H_CELL_SIZES + cell] = (out[H_CELL_SIZES + cell] as number) + 1;
      out[at(n + i) + F_CELL] = cell;
    }
    let largest = 0;
    for (let c = 0; c < cells; c++) largest = Math.max(largest, out[H_CELL_SIZES + c] as number);
    if (preflightGuard && threadsForGroupOf(config, largest) > threadLimit) return DISABLED;
    for (let i = 0; i < added; i++) {
      const f = at(n + i);
      const peers = (out[H_CELL_SIZES + (out[f + F_CELL] as number)] as number) - 1;
      out[f + F_STATUS] = BOOTSTRAPPING;
      out[f + F_MAP] = BUILDING;
      out[f + F_KNOWN] = peers;
      out[f + F_CONNECTED] = connectablePeers(peers);
      out[f + F_STALE] = 0;
      out[f + F_BEHIND] = 0;
      out[f + F_BOOT] = bootstrapTicks;
    }
    out[H_UNITS] = units;
    out[H_FLEET] = n + added;
    out[H_CELLS] = cells;
    out[H_SUCCEEDED_STALE] = 0;
    membershipChanged(out);
    return CHANGED;
  };

  /** model/fleet.ts `frontendRemoved` (09:39 [AWS-v]). Keeps the last frontend. */
  const frontendRemoved: FlatOperation = (flat, frontend, _b, out) => {
    const n = flat[H_FLEET] as number;
    if (n <= 1) return DISABLED;
    const index = positionOf(n, frontend);
    const goneCell = flat[at(index) + F_CELL] as number;
    // The fleet less the frontend at `index`, in order (model: `toSpliced(index, 1)`).
    const gone = at(index);
    for (let i = 0; i < gone; i++) out[i] = flat[i] as number;
    const end = at(n);
    for (let i = gone + F_WIDTH; i < end; i++) out[i - F_WIDTH] = flat[i] as number;
    if (goneCell >= 0 && goneCell < (flat[H_CELLS] as number))
      out[H_CELL_SIZES + goneCell] = (flat[H_CELL_SIZES + goneCell] as number) - 1;
    out[H_UNITS] = Math.max(0, (flat[H_UNITS] as number) - unitsPerServer);
    out[H_FLEET] = n - 1;
    out[H_SUCCEEDED_STALE] = 0;
    membershipChanged(out);
    return CHANGED;
  };

  /** model/fleet.ts `frontendRestarted` (K12/K11): reads the membership afresh and bootstraps. */
  const frontendRestarted: FlatOperation = (flat, frontend, _b, out) => {
    const n = flat[H_FLEET] as number;
    if (n === 0) return DISABLED;
    const f = at(positionOf(n, frontend));
    if (flat[f + F_STATUS] === BOOTSTRAPPING) return DISABLED;
    copy(flat, out);
    const peers = actualPeers(flat, f);
    out[f + F_STATUS] = BOOTSTRAPPING;
    out[f + F_KNOWN] = peers;
    out[f + F_CONNECTED] = connectablePeers(peers);
    out[f + F_MAP] = BUILDING;
    out[f + F_STALE] = 0;
    out[f + F_BEHIND] = 0;
    out[f + F_BOOT] = bootstrapTicks;
    out[H_SUCCEEDED_STALE] = 0;
    return CHANGED;
  };

  /** model/fleet.ts `frontendCrashed`: stays a member, serves nothing. */
  const frontendCrashed: FlatOperation = (flat, frontend, _b, out) => {
    const n = flat[H_FLEET] as number;
    if (n === 0) return DISABLED;
    const f = at(positionOf(n, frontend));
    if (flat[f + F_STATUS] === STOPPED) return DISABLED;
    copy(flat, out);
    out[f + F_STATUS] = STOPPED;
    out[f + F_CONNECTED] = 0;
    out[f + F_MAP] = BUILDING;
    out[f + F_STALE] = 0;
    out[f + F_BEHIND] = 0;
    out[f + F_BOOT] = 0;
    out[H_SUCCEEDED_STALE] = 0;
    return CHANGED;
  };

  /** model/membership.ts `peerLearned` (K6/K5): a live frontend learns one membership change. */
  const peerLearned: FlatOperation = (flat, frontend, _b, out) => {
    const n = flat[H_FLEET] as number;
    if (n === 0) return DISABLED;
    const f = at(positionOf(n, frontend));
    if (flat[f + F_STATUS] === STOPPED) return DISABLED;
    const actual = actualPeers(flat, f);
    if (flat[f + F_KNOWN] === actual) return DISABLED;
    copy(flat, out);
    learnOneChange(out, f, actual);
    out[H_SUCCEEDED_STALE] = 0;
    return CHANGED;
  };

  /** model/shardMap.ts `shardMoved` (K1): every live map goes stale for the shard; its move age restarts. */
  const shardMoved: FlatOperation = (flat, shard, _b, out) => {
    if (config.shards.backendClusters < 2) return DISABLED;
    const s = shard % shardCount;
    const bit = 1 << s;
    copy(flat, out);
    out[l.ages + s] = 0;
    const n = flat[H_FLEET] as number;
    for (let i = 0; i < n; i++) {
      const f = at(i);
      if (out[f + F_STATUS] !== STOPPED) out[f + F_STALE] = (out[f + F_STALE] as number) | bit;
    }
    out[H_SUCCEEDED_STALE] = 0;
    return CHANGED;
  };

  /** model/routing.ts `requestRouted` and `routeOutcome` (K2/K8): only the request counts' bits change. */
  const requestRouted: FlatOperation = (flat, frontend, shard, out) => {
    const n = flat[H_FLEET] as number;
    if (n === 0) return DISABLED;
    const f = at(positionOf(n, frontend));
    if (flat[f + F_STATUS] !== SERVING) return DISABLED;
    const bit = 1 << (shard % shardCount);
    const stale = ((flat[f + F_STALE] as number) & bit) !== 0;
    const succeeded = flat[f + F_MAP] === COMPLETE && !stale;
    const misrouted = flat[f + F_MAP] === COMPLETE && stale && !waitForCompleteMap;
    // properties/routesToCurrentOwner.ts `succeededThroughStaleEntry` on the state this step produces.
    const succeededStale = succeeded && stale ? 1 : 0;
    if (
      (misrouted ? 1 : flat[H_MISROUTED]) === flat[H_MISROUTED] &&
      succeededStale === flat[H_SUCCEEDED_STALE]
    )
      return UNCHANGED;
    copy(flat, out);
    if (misrouted) out[H_MISROUTED] = 1;
    out[H_SUCCEEDED_STALE] = succeededStale;
    return CHANGED;
  };

  /** model/clock.ts `tick`: every frontend ages, then the first `maxConcurrentBootstraps` bootstrapping advance. */
  const tick: FlatOperation = (flat, _a, _b, out) => {
    copy(flat, out);
    for (let s = 0; s < shardCount; s++) out[l.ages + s] = Math.min((out[l.ages + s] as number) + 1, cap);
    let budget = maxConcurrentBootstraps;
    const n = flat[H_FLEET] as number;
    for (let i = 0; i < n; i++) {
      const f = at(i);
      ageMembershipView(out, f);
      if (out[f + F_STATUS] !== BOOTSTRAPPING || budget === 0) continue;
      budget -= 1;
      bootstrapOneTick(out, f);
    }
    out[H_SUCCEEDED_STALE] = 0;
    return CHANGED;
  };

  /** Keyed by OpType, so a new operation fails to compile here until it is compiled too. */
  const OPERATIONS: { readonly [K in OpType]: FlatOperation } = {
    capacityAdded,
    frontendRemoved,
    frontendRestarted,
    frontendCrashed,
    peerLearned,
    shardMoved,
    requestRouted,
    tick,
  };
  return OP_TYPES.map((k) => OPERATIONS[k]);
};
