// backend/shardMoved and client/requestRouted, pinned by worked examples (issue 7, mutation testing).
import { describe, expect, test } from "vitest";
import { applied, refusal } from "../test/trace.ts";
import { withRemediations } from "./config.ts";
import { asWas } from "./configs/asWas.ts";
import { initialState } from "./state.ts";

describe("backend/shardMoved", () => {
  test("moves the shard to the next cluster and makes every live map stale for it", () => {
    const s = applied(asWas, [
      { type: "frontendCrashed", frontend: 1 },
      { type: "shardMoved", shard: 6 },
      { type: "shardMoved", shard: 3 },
    ]);
    expect(initialState(asWas).owners).toEqual([0, 1, 0, 1]);
    expect(s.owners).toEqual([0, 1, 1, 0]);
    expect(s.frontends[0]?.staleShards).toBe(0b1100);
    expect(s.frontends[1]?.staleShards).toBe(0);
  });

  test("restarts the moved shard's age and leaves the others' (K1; read by ShardMovesAppliedWithin)", () => {
    const cap = asWas.membership.propagationDelayTicks + 1;
    expect(initialState(asWas).sinceMoved).toEqual([cap, cap, cap, cap]);
    const s = applied(asWas, [
      { type: "shardMoved", shard: 6 },
      { type: "tick" },
      { type: "shardMoved", shard: 1 },
    ]);
    expect(s.sinceMoved).toEqual([cap, 0, 1, cap]);
  });

  test("is refused with a single back-end cluster", () => {
    const one = { ...asWas, shards: { ...asWas.shards, backendClusters: 1 } };
    expect(refusal(one, initialState(one), { type: "shardMoved", shard: 0 })).toBe(
      "there is only one back-end cluster to own shards",
    );
  });
});

describe("client/requestRouted", () => {
  test("records the request it routed, which the next step clears (State.lastRequest)", () => {
    const moved = applied(asWas, [{ type: "shardMoved", shard: 2 }]);
    expect(moved.lastRequest).toBeNull();
    const routed = applied(asWas, [{ type: "requestRouted", frontend: 9, shard: 6 }], moved);
    expect(routed.lastRequest).toEqual({ frontend: 1, shard: 2, outcome: "misrouted" });
    for (const op of [
      { type: "tick" },
      { type: "shardMoved", shard: 0 },
      { type: "capacityAdded", count: 1 },
    ] as const)
      expect(applied(asWas, [op], routed).lastRequest).toBeNull();
  });

  test("a complete, current entry succeeds; a stale one misroutes (as-was) or fails fast (waitForCompleteMap)", () => {
    const ops = [
      { type: "requestRouted", frontend: 0, shard: 1 },
      { type: "shardMoved", shard: 1 },
      { type: "requestRouted", frontend: 0, shard: 5 },
    ] as const;
    expect(applied(asWas, ops).requests).toEqual({ succeeded: 1, failed: 1, misrouted: 1 });
    const wait = withRemediations(asWas, ["waitForCompleteMap"]);
    expect(applied(wait, ops).requests).toEqual({ succeeded: 1, failed: 1, misrouted: 0 });
  });

  test("a useless map fails the request; a frontend out of service is sent none", () => {
    const s = applied(asWas, [
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
      { type: "requestRouted", frontend: 0, shard: 0 },
    ]);
    expect(s.requests).toEqual({ succeeded: 0, failed: 1, misrouted: 0 });
    expect(refusal(asWas, s, { type: "requestRouted", frontend: 8, shard: 0 })).toBe(
      "frontend-8 is not in service; it is sent no traffic",
    );
  });
});
