// ---------------------------------------------------------------------------------------------------------
// properties: WellFormed, what the types cannot say (the TypeOK that comes first in every Lamport spec,
// style habit 12). It holds in every config; a violation means the model itself is wrong.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import { threadsForGroupOf } from "../model/fleet.ts";
import { type Frontend, frontendName, type State, serversFor } from "../model/state.ts";
import { maxPeerThreads, threadLimitInForce } from "../model/threadFormula.ts";
import { threadsHeld } from "../model/threads.ts";
import type { Invariant } from "./invariant.ts";

// ---------------------------------------------------------------------------------------------------------
// the consistency conjuncts (issue 18): bookkeeping a wrong operation would leave inconsistent, each named so
// that a violation says which one broke. Threads held are derived, `threadsFor(connectedPeers)`
// (model/threads.ts `threadsHeld`), so "threads held = base + per-peer × peers connected" is true by
// construction; what can go wrong is which peers are connected, and that is what the first two read.
// ---------------------------------------------------------------------------------------------------------

/**
 * ThreadsMatchConnections: a live frontend holds threads for every peer it knows of as far as the OS allows,
 * `connectedPeers = min(knownPeers, maxPeerThreads)`, and a stopped one holds none. Source: K5 (threads "for each
 * of the other servers"), K7 (creation fails only past the limit, so a refusal leaves exactly the peers that
 * fit), K6 (a departed peer's threads are torn down); a crashed process holds no threads.
 */
export const threadsMatchConnections = (config: Config, f: Frontend): boolean =>
  f.connectedPeers === (f.status === "stopped" ? 0 : Math.min(f.knownPeers, maxPeerThreads(config)));

/**
 * Whether the initial fleet already has a group over the thread limit. Its maps are taken as built before the
 * trace (model/state.ts `initialState`: the steady state of 02:44, every map complete), so in such a config
 * they are complete though the OS would refuse some peer's threads (analyses/configSearch/expectedOutcome.ts
 * treats the same case apart).
 */
export const initialGroupOverLimit = (config: Config): boolean => {
  const servers = serversFor(config, config.fleet.initialSize);
  const largest = config.remediations.cellularization
    ? Math.min(config.remediationParameters.cellSize, servers)
    : servers;
  return threadsForGroupOf(config, largest) > threadLimitInForce(config);
};

/**
 * CompleteMapHasEveryPeer: a complete shard-map is held only with threads for every known peer. Source: K4(c)
 * (the map needs the messages of every other frontend), K8 (without a peer's threads construction "fails to
 * complete"). Not under R8 (bootstrapFromAuthoritative: the map is read from the authoritative store, with no
 * peer input; domain.md R8, model/shardMap.ts `finishBootstrap`), where a complete map with missing peer
 * threads is the remediation working; nor when the initial fleet is over the limit (`initialGroupOverLimit`).
 */
export const completeMapHasEveryPeer = (config: Config, f: Frontend): boolean =>
  f.map !== "complete" ||
  f.connectedPeers === f.knownPeers ||
  config.remediations.bootstrapFromAuthoritative ||
  initialGroupOverLimit(config);

/**
 * LastRequestCounted: the request the last step routed is among the request counts, in the count of its
 * outcome (a failure that is not a misroute among `failed − misrouted`). Source: K2. The counts partition the
 * requests routed as succeeded + failed, misrouted being the failures sent to a former owner (model/routing.ts
 * `counted`), so routed = succeeded + failed is derived, not stored: its conservation is `misrouted ≤ failed`
 * (below) and this conjunct, which ties the count to the step that made it.
 */
export const lastRequestCounted = (state: State): boolean => {
  const r = state.lastRequest;
  if (r === null) return true;
  const { succeeded, failed, misrouted } = state.requests;
  const inItsCount =
    r.outcome === "succeeded" ? succeeded : r.outcome === "misrouted" ? misrouted : failed - misrouted;
  return inItsCount >= 1;
};

/**
 * RoutesOnlyThroughServing: the request the last step routed went through a member that is serving. Source:
 * K8/K11 (a bootstrapping frontend takes no traffic; a stopped one serves nothing), R4.
 */
export const routesOnlyThroughServing = (state: State): boolean => {
  const r = state.lastRequest;
  return r === null || memberWithId(state, r.frontend)?.status === "serving";
};

/**
 * The member with id `id`, if any. Ids grow along the membership list (newcomers are appended with `nextId`,
 * removals keep the order: model/fleet.ts), so a binary search finds it without a scan of the fleet after
 * every routed request (the checker re-checks only what a step changed: docs/performance.md).
 */
const memberWithId = (state: State, id: number): Frontend | undefined => {
  let lo = 0;
  let hi = state.frontends.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = state.frontends[mid] as Frontend;
    if (f.id === id) return f;
    if (f.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
};

/** The first thing wrong with one frontend, if any (its name is built only when there is a problem to name). */
const frontendProblem = (config: Config, state: State, f: Frontend): string | undefined => {
  if (f.connectedPeers < 0 || f.knownPeers < 0) return `${frontendName(f)} has a negative peer count`;
  if (f.connectedPeers > f.knownPeers)
    return `${frontendName(f)} holds threads for peers it does not know of`;
  if (threadsHeld(config, f) > threadLimitInForce(config))
    return `${frontendName(f)} holds ${threadsHeld(config, f)} threads, more than the OS allows (${threadLimitInForce(config)}): thread creation past the limit must fail (K7)`;
  if (f.status === "bootstrapping" && f.bootstrapLeft <= 0)
    return `${frontendName(f)} is bootstrapping with no work left`;
  if (f.status === "serving" && f.bootstrapLeft !== 0)
    return `${frontendName(f)} is serving with bootstrap work left`;
  if (f.cell < 0 || f.cell >= state.cellSizes.length) return `${frontendName(f)} belongs to no cell`;
  if (!threadsMatchConnections(config, f))
    return `ThreadsMatchConnections: ${frontendName(f)} (${f.status}) holds threads for ${f.connectedPeers} peers, but knows of ${f.knownPeers} and the OS allows threads for ${maxPeerThreads(config)} (K5, K7)`;
  if (!completeMapHasEveryPeer(config, f))
    return `CompleteMapHasEveryPeer: ${frontendName(f)} has a complete shard-map with threads for ${f.connectedPeers} of its ${f.knownPeers} peers (K4(c), K8)`;
  return undefined;
};

/** The first thing wrong that is about no one frontend: the cells, and the request counts. */
const restProblem = (config: Config, state: State): string | undefined => {
  const counted = state.cellSizes.reduce((a, b) => a + b, 0);
  if (counted !== state.frontends.length)
    return `the cells count ${counted} members but the fleet has ${state.frontends.length}`;
  if (
    config.remediations.cellularization &&
    state.cellSizes.some((n) => n > config.remediationParameters.cellSize)
  )
    return `a cell holds more than ${config.remediationParameters.cellSize} members`;
  const { succeeded, failed, misrouted } = state.requests;
  if (succeeded < 0 || failed < 0 || misrouted < 0 || misrouted > failed)
    return "the request counts are inconsistent";
  const last = state.lastRequest;
  if (last !== null && !lastRequestCounted(state))
    return `LastRequestCounted: the request frontend-${last.frontend} just routed (${last.outcome}) is not in the counts (${succeeded} succeeded, ${failed} failed, ${misrouted} misrouted)`;
  if (last !== null && !routesOnlyThroughServing(state))
    return `RoutesOnlyThroughServing: frontend-${last.frontend} routed a request but is not a serving member (K8, K11)`;
  return undefined;
};

const problem = (config: Config, state: State): string | undefined => {
  for (const f of state.frontends) {
    const p = frontendProblem(config, state, f);
    if (p !== undefined) return p;
  }
  return restProblem(config, state);
};

export const wellFormed: Invariant = {
  name: "WellFormed",
  sentence:
    "Counts are non-negative, no frontend holds more threads than the OS allows, the cells add up to the fleet, a live frontend holds threads for every known peer that fits (ThreadsMatchConnections), a complete map has every peer's threads (CompleteMapHasEveryPeer, but under R8), and the last request routed is counted (LastRequestCounted) and went through a serving member (RoutesOnlyThroughServing).",
  source: "domain.md K2, K4(c), K5, K7 (thread creation past the limit fails), K8, K11, R7, R8",
  check: (config, state) => {
    const p = problem(config, state);
    return p === undefined
      ? O.none
      : O.some({ invariant: "WellFormed", message: p, source: wellFormed.source });
  },
  closeness: () => 0,
  closenessMeaning: "none (structural)",
  // Exact: `problem` is the first `frontendProblem` or else `restProblem`, and `frontendProblem` reads the
  // frontend, the config and, of the rest of the state, only the number of cells.
  fleetwise: {
    offends: (config, state, f) => frontendProblem(config, state, f) !== undefined,
    contextChanged: (_config, before, after) => before.cellSizes.length !== after.cellSizes.length,
    restHolds: (config, state) => restProblem(config, state) === undefined,
  },
};
