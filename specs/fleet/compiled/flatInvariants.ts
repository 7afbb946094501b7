// ---------------------------------------------------------------------------------------------------------
// checker/verify: the registered invariants (properties/) as predicates on flat states (flatState.ts), for the
// flat search. Each gives the verdict `inv.check` gives on the concrete state the flat one stands for
// (flatStep.test.ts checks it on random reachable states); the messages are not rebuilt here: the flat search
// replays the trace it found with the real model and takes the message from the real `inv.check`.
//
// The key keeps exactly what the invariants read (stateKey.ts), with one reasoned exception: WellFormed's
// "the request counts are consistent" reads counts the key drops. It holds on every reachable state (the model
// only ever adds one to `failed` with each misroute, model/routing.ts `counted`), which is the argument the key
// itself rests on; the flat predicate takes that conjunct as true. So it does with LastRequestCounted and
// RoutesOnlyThroughServing, which read the last request's frontend and outcome (the key keeps only whether it
// succeeded through a stale entry): the model counts a request only in `requestRouted`, which routes through a
// serving frontend and counts it by the outcome it records.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../../model/config.ts";
import { maxPeerThreads, perPeerThreads, threadLimitInForce } from "../../../model/threadFormula.ts";
import { cacheFleet } from "../../../properties/cacheFleetWithinThreadLimit.ts";
import type { Invariant, InvariantName } from "../../../properties/index.ts";
import { INVARIANTS } from "../../../properties/index.ts";
import { serverMemory } from "../../../properties/memoryBudget.ts";
import { initialGroupOverLimit } from "../../../properties/wellFormed.ts";
import { FLAT, flatLayoutFor } from "./flatState.ts";

const {
  BOOTSTRAPPING,
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
  SERVING,
  STOPPED,
} = FLAT;

/** True when the invariant is violated in the state `flat` stands for. */
export type FlatViolated = (flat: Int32Array) => boolean;

/** Each registered invariant's flat predicate for `config`, by name (keyed by InvariantName: none is missed). */
const flatPredicatesFor = (config: Config): { readonly [K in InvariantName]: FlatViolated } => {
  const l = flatLayoutFor(config);
  const { baseThreads } = config.threads;
  const threadLimit = threadLimitInForce(config);
  const threadsPerPeer = perPeerThreads(config);
  const deadline = config.membership.propagationDelayTicks;
  const at = (i: number): number => l.frontends + i * F_WIDTH;
  /** Whether some frontend of `s` satisfies `p` (given its slot's start). */
  const some = (s: Int32Array, p: (s: Int32Array, f: number) => boolean): boolean => {
    const n = s[H_FLEET] as number;
    for (let i = 0; i < n; i++) if (p(s, at(i))) return true;
    return false;
  };

  const fitting = maxPeerThreads(config);
  // CompleteMapHasEveryPeer is not asked under R8 or of an initial fleet over the limit (properties/wellFormed.ts).
  const completeNeedsEveryPeer =
    !config.remediations.bootstrapFromAuthoritative && !initialGroupOverLimit(config);

  /** properties/wellFormed.ts `frontendProblem`, as a yes/no. */
  const frontendIllFormed = (s: Int32Array, f: number): boolean => {
    const known = s[f + F_KNOWN] as number;
    const connected = s[f + F_CONNECTED] as number;
    const status = s[f + F_STATUS] as number;
    const boot = s[f + F_BOOT] as number;
    const cell = s[f + F_CELL] as number;
    return (
      // ThreadsMatchConnections and CompleteMapHasEveryPeer.
      connected !== (status === STOPPED ? 0 : Math.min(known, fitting)) ||
      (completeNeedsEveryPeer && s[f + F_MAP] === COMPLETE && connected !== known) ||
      connected < 0 ||
      known < 0 ||
      connected > known ||
      baseThreads + threadsPerPeer * connected > threadLimit ||
      (status === BOOTSTRAPPING && boot <= 0) ||
      (status === SERVING && boot !== 0) ||
      cell < 0 ||
      cell >= (s[H_CELLS] as number)
    );
  };

  /** properties/wellFormed.ts `problem`, as a yes/no (the request-count conjunct: see the header). */
  const wellFormed: FlatViolated = (s) => {
    if (some(s, frontendIllFormed)) return true;
    const cells = s[H_CELLS] as number;
    let counted = 0;
    let oversized = false;
    for (let c = 0; c < cells; c++) {
      const size = s[H_CELL_SIZES + c] as number;
      counted += size;
      if (size > config.remediationParameters.cellSize) oversized = true;
    }
    return counted !== s[H_FLEET] || (config.remediations.cellularization && oversized);
  };

  /** properties/threadBudget.ts: a live frontend needs more threads than the limit for the peers it knows. */
  const threadBudget: FlatViolated = (s) =>
    some(
      s,
      (t, f) =>
        t[f + F_STATUS] !== STOPPED &&
        baseThreads + threadsPerPeer * (t[f + F_KNOWN] as number) > threadLimit,
    );

  /** properties/servesOnlyWithCompleteMap.ts: a frontend serves with a map that is not complete. */
  const servesOnlyWithCompleteMap: FlatViolated = (s) =>
    some(s, (t, f) => t[f + F_STATUS] === SERVING && t[f + F_MAP] !== COMPLETE);

  /** properties/routesToCurrentOwner.ts: a misroute was counted, or the last request went through a stale entry. */
  const routesToCurrentOwner: FlatViolated = (s) => s[H_MISROUTED] !== 0 || s[H_SUCCEEDED_STALE] !== 0;

  /** properties/peersLearnedWithin.ts: a serving frontend has lagged the membership past the deadline. */
  const peersLearnedWithin: FlatViolated = (s) =>
    some(s, (t, f) => t[f + F_STATUS] === SERVING && (t[f + F_BEHIND] as number) > deadline);

  /** properties/shardMovesAppliedWithin.ts: a serving frontend holds stale a shard that moved past the deadline. */
  const shardMovesAppliedWithin: FlatViolated = (s) => {
    let overdue = 0;
    for (let i = 0; i < l.shards; i++) if ((s[l.ages + i] as number) > deadline) overdue |= 1 << i;
    return (
      overdue !== 0 &&
      some(s, (t, f) => t[f + F_STATUS] === SERVING && ((t[f + F_STALE] as number) & overdue) !== 0)
    );
  };

  /** properties/memoryBudget.ts: a live server's (R1's larger, or R3's 2020-size) stacks and buffers exceed its memory. */
  const limits = config.remediationLimits;
  const memory = serverMemory(config);
  const buffersMiB = memory === undefined ? 0 : memory.units * memory.bufferMiBPerUnit;
  const memoryBudget: FlatViolated = (s) =>
    memory !== undefined &&
    some(
      s,
      (t, f) =>
        t[f + F_STATUS] !== STOPPED &&
        (baseThreads + threadsPerPeer * (t[f + F_CONNECTED] as number)) * memory.threadStackMiB + buffersMiB >
          memory.memoryMiB,
    );

  /** properties/metadataStoreWithinCapacity.ts: more frontends bootstrap from the store than it serves at once. */
  const metadataStoreWithinCapacity: FlatViolated = (s) => {
    if (!config.remediations.bootstrapFromAuthoritative || limits === undefined) return false;
    const n = s[H_FLEET] as number;
    let booting = 0;
    for (let i = 0; i < n; i++) if (s[at(i) + F_STATUS] === BOOTSTRAPPING) booting++;
    return booting > limits.metadataStoreBootstraps;
  };

  /** properties/cacheFleetWithinThreadLimit.ts: the cache fleet needs more threads than its servers have (R5). */
  const cache = cacheFleet(config);
  const cacheCapacity = cache === undefined ? 0 : cache.servers * threadLimit;
  const cacheFleetWithinThreadLimit: FlatViolated = (s) => {
    if (cache === undefined) return false;
    const n = s[H_FLEET] as number;
    let live = 0;
    for (let i = 0; i < n; i++) if (s[at(i) + F_STATUS] !== STOPPED) live++;
    return baseThreads + cache.threadsPerFrontend * live > cacheCapacity;
  };

  return {
    WellFormed: wellFormed,
    ThreadBudget: threadBudget,
    ServesOnlyWithCompleteMap: servesOnlyWithCompleteMap,
    RoutesToCurrentOwner: routesToCurrentOwner,
    PeersLearnedWithin: peersLearnedWithin,
    ShardMovesAppliedWithin: shardMovesAppliedWithin,
    MemoryBudget: memoryBudget,
    MetadataStoreWithinCapacity: metadataStoreWithinCapacity,
    CacheFleetWithinThreadLimit: cacheFleetWithinThreadLimit,
  };
};

/**
 * The flat predicate of `inv` under `config`, or undefined when `inv` is not one of the registered invariants
 * (matched by identity, not name: an invariant built elsewhere under a registered name is not assumed equal).
 */
export const flatViolatedFor = (config: Config, inv: Invariant): FlatViolated | undefined => {
  if (!INVARIANTS.includes(inv)) return undefined;
  return flatPredicatesFor(config)[inv.name];
};
