// ---------------------------------------------------------------------------------------------------------
// properties: ShardMovesAppliedWithin, a bounded-liveness check on the shard-map. K1: the back-end moves
// shards between clusters; K4(c): frontends keep their maps current by the "continuous processing of messages
// from other front-end servers". A frontend that cannot process them (no thread for a peer, K5/K7) keeps
// routing by the entry the move made stale, for as long as it serves.
//
// The deadline is the membership propagation delay (K6, "up to an hour"): the record gives no latency for
// shard-map updates, and this is the only published latency of the peer channel's neighbour (ILLUSTRATIVE;
// `membership.propagationDelayTicks` overrides both). The age is counted from the shard's latest move
// (`State.sinceMoved`), so after a second move of a shard that was already stale it can only under-report.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import { type Frontend, frontendName, type State } from "../model/state.ts";
import type { Invariant } from "./invariant.ts";

/** Bit s set when shard s moved more than the deadline ago. */
const overdueShards = (config: Config, state: State): number =>
  state.sinceMoved.reduce(
    (mask, age, s) => (age > config.membership.propagationDelayTicks ? mask | (1 << s) : mask),
    0,
  );

/** Whether `f` serves with a stale entry for a shard in `overdue` (a mask of shards that moved too long ago). */
const servesStale = (f: Frontend, overdue: number): boolean =>
  f.status === "serving" && (f.staleShards & overdue) !== 0;

/** One frontend's share of the invariant: it serves with a stale entry for a shard that moved too long ago. */
const lateToApply = (config: Config, state: State, f: Frontend): boolean =>
  f.staleShards !== 0 && servesStale(f, overdueShards(config, state));

const lowestBit = (mask: number): number => 31 - Math.clz32(mask & -mask);

export const shardMovesAppliedWithin: Invariant = {
  name: "ShardMovesAppliedWithin",
  sentence:
    "Every serving frontend applies a shard move to its map within the propagation delay of the move.",
  source: "domain.md K1, K4(c); deadline K6 (illustrative)",
  check: (config, state) => {
    const overdue = overdueShards(config, state);
    if (overdue === 0) return O.none;
    const late = state.frontends.find((f) => servesStale(f, overdue));
    if (late === undefined) return O.none;
    const deadline = config.membership.propagationDelayTicks;
    return O.some({
      invariant: "ShardMovesAppliedWithin",
      message: `${frontendName(late)} still routes shard ${lowestBit(late.staleShards & overdue)} by a stale entry more than ${deadline} ticks (${deadline * config.tickMinutes} min) after the shard moved: it holds threads for ${late.connectedPeers} of ${late.knownPeers} known peers, so the peer messages that carry the move go unprocessed`,
      source: shardMovesAppliedWithin.source,
    });
  },
  closeness: (config, state) =>
    state.frontends.reduce((most, f) => {
      if (f.status !== "serving" || f.staleShards === 0) return most;
      const oldest = state.sinceMoved.reduce(
        (m, age, s) => ((f.staleShards & (1 << s)) !== 0 && age > m ? age : m),
        0,
      );
      return oldest > most ? oldest : most;
    }, 0) / config.membership.propagationDelayTicks,
  closenessMeaning:
    "oldest shard move a serving frontend has not applied, as a fraction of the propagation delay",
  // Exact: `check` fails iff some serving frontend holds stale a shard in the overdue mask, and that mask is
  // a function of the config and `sinceMoved` alone, so the context is that mask (recomputed only when a move
  // aged or happened: `sinceMoved` is then a new array).
  fleetwise: {
    offends: lateToApply,
    contextChanged: (config, before, after) =>
      before.sinceMoved !== after.sinceMoved &&
      overdueShards(config, before) !== overdueShards(config, after),
  },
};
