// ---------------------------------------------------------------------------------------------------------
// model: the operations, as domain events grouped by actor (style habit 4). Frontends and shards are chosen
// by position, resolved modulo the fleet or shard count when the operation is applied (habit 16), so every
// generated number names a real frontend and shrinking never produces a dangling reference.
// ---------------------------------------------------------------------------------------------------------

export type Op =
  /** K16: operators add capacity: `count` 2020-size servers' worth, as one batch (02:44–03:47). */
  | { readonly type: "capacityAdded"; readonly count: number }
  /** 09:39 [AWS-v]: operators remove a frontend from the fleet (the removal of the added capacity). */
  | { readonly type: "frontendRemoved"; readonly frontend: number }
  /** K12: operators restart a frontend; it rebuilds its shard-map before serving again (K11). */
  | { readonly type: "frontendRestarted"; readonly frontend: number }
  /** A frontend process crashes; it stays a member but neither serves nor processes peer messages. */
  | { readonly type: "frontendCrashed"; readonly frontend: number }
  /** K6: a frontend learns one membership change and (K5) creates or tears down the threads for that peer. */
  | { readonly type: "peerLearned"; readonly frontend: number }
  /** K1: the back-end moves ownership of a shard to another cluster, so cached maps can go stale. */
  | { readonly type: "shardMoved"; readonly shard: number }
  /** K2: a client request for a shard arrives at a frontend. */
  | { readonly type: "requestRouted"; readonly frontend: number; readonly shard: number }
  /** Time passes by one tick (`config.tickMinutes` minutes). */
  | { readonly type: "tick" };

export type OpType = Op["type"];

/** The actor of each operation, for `actor/event` trace labels (style habit 4). */
export const ACTOR: { readonly [K in OpType]: string } = {
  capacityAdded: "operator",
  frontendRemoved: "operator",
  frontendRestarted: "operator",
  frontendCrashed: "frontend",
  peerLearned: "frontend",
  shardMoved: "backend",
  requestRouted: "client",
  tick: "clock",
};

export const OP_TYPES: ReadonlyArray<OpType> = Object.keys(ACTOR) as ReadonlyArray<OpType>;
