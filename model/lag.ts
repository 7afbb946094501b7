// ---------------------------------------------------------------------------------------------------------
// model: membership lag (K6), in one place. A frontend learns membership changes one at a time, "up to an
// hour" after they happen; while its view differs from the membership service's it lags. The record keeps
// only the tick it fell behind at (`Frontend.behindSince`, a stamp); the lag is derived from the clock, so
// time passing rebuilds no record. Who stamps: an operation that changes a cell's membership stamps the live
// members of that cell that were in step (`stampedIfFallsBehind`), and a (re)starting frontend starts afresh.
// Who reads: the clock (a lag at the deadline forces the catch-up, clock.ts), PeersLearnedWithin, the keys of
// the exhaustive search and the printed state (`frontendWithLag`).
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { actualPeers, type Frontend, frontendWithCounters, type State } from "./state.ts";

/** K6: whether a frontend knows, and holds threads for, exactly the peers the membership service lists. */
export const inStep = (state: State, f: Frontend): boolean => {
  const actual = actualPeers(state, f);
  return f.connectedPeers === actual && f.knownPeers === actual;
};

/**
 * K6 fairness: how many ticks a live frontend's peer connections have not matched the membership, capped one
 * past the propagation delay (enough to show a violation of PeersLearnedWithin); 0 when it is stopped or in
 * step. Derived from the stamp `behindSince`, which every operation that puts a frontend out of step sets
 * (capacityAdded, frontendRemoved, frontendRestarted), so the lag grows with `state.tick` and no tick has to
 * rebuild a record to age it.
 */
export const behindFor = (config: Config, state: State, f: Frontend): number =>
  f.status === "stopped" || inStep(state, f)
    ? 0
    : Math.min(state.tick - f.behindSince, config.membership.propagationDelayTicks + 1);

/** A frontend as the specification states it: the record's fields in order, its lag in place of its stamp. */
export type FrontendWithLag = Omit<Frontend, "behindSince"> & { readonly behindFor: number };

/**
 * `f` with its lag (`behindFor`) where the record keeps the stamp: what outputs that print a frontend's state
 * variables show (`verify --inductive --json`, ITF traces), since the stamp is only how this model stores the lag.
 */
export const frontendWithLag = (config: Config, state: State, f: Frontend): FrontendWithLag => ({
  id: f.id,
  status: f.status,
  cell: f.cell,
  knownPeers: f.knownPeers,
  connectedPeers: f.connectedPeers,
  map: f.map,
  staleShards: f.staleShards,
  behindFor: behindFor(config, state, f),
  bootstrapLeft: f.bootstrapLeft,
});

/**
 * K6: `f` as it is after its cell's membership changes at `state.tick`: a live member that was in step is
 * stamped with the current tick (from now on it lags); one already behind keeps the tick it fell behind at
 * (its lag goes on growing); a stopped one is not stamped.
 */
export const stampedIfFallsBehind = (state: State, f: Frontend): Frontend =>
  f.status !== "stopped" && inStep(state, f) ? frontendWithCounters(f, f.staleShards, state.tick) : f;
