// frontend/peerLearned, pinned by worked examples (issue 7, mutation testing), including K14's open
// question (does a useless map heal once threads fit again?), which no built-in config turns on.
import { describe, expect, test } from "vitest";
import { applied, refusal } from "../test/trace.ts";
import { withRemediations } from "./config.ts";
import { asWas } from "./configs/asWas.ts";
import { behindFor } from "./lag.ts";
import { type Frontend, initialState } from "./state.ts";

describe("frontend/peerLearned", () => {
  test("is refused when the view is current, and for a stopped frontend", () => {
    const s = initialState(asWas);
    expect(refusal(asWas, s, { type: "peerLearned", frontend: 0 })).toBe(
      "frontend-0 already knows all 7 of its peers",
    );
    const crashed = applied(asWas, [
      { type: "capacityAdded", count: 1 },
      { type: "frontendCrashed", frontend: 0 },
    ]);
    expect(refusal(asWas, crashed, { type: "peerLearned", frontend: 0 })).toBe(
      "frontend-0 is stopped and learns nothing",
    );
  });

  test("a new peer within the limit gets threads; past it, the map becomes useless (K7/K8)", () => {
    const smaller = applied(asWas, [
      { type: "frontendRemoved", frontend: 7 },
      { type: "peerLearned", frontend: 0 },
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
    ]);
    expect(smaller.frontends[0]).toMatchObject({ knownPeers: 7, connectedPeers: 7, map: "complete" });
    expect(behindFor(asWas, smaller, smaller.frontends[0] as Frontend)).toBe(0);
    const over = applied(asWas, [
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
    ]);
    expect(over.frontends[0]).toMatchObject({ knownPeers: 8, connectedPeers: 7, map: "useless" });
  });

  test("with waitForCompleteMap, a frontend whose map breaks leaves service to rebuild", () => {
    const wait = withRemediations(asWas, ["waitForCompleteMap"]);
    const s = applied(wait, [
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
    ]);
    expect(s.frontends[0]).toMatchObject({ status: "bootstrapping", map: "building", bootstrapLeft: 18 });
  });

  test("K14: with cacheSelfHealsAfterTriggerRemoval, a useless map rebuilds once every known peer has threads", () => {
    const heals = { ...asWas, coldStart: { ...asWas.coldStart, cacheSelfHealsAfterTriggerRemoval: true } };
    const ops = [
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
      { type: "shardMoved", shard: 0 },
      { type: "frontendRemoved", frontend: 8 },
      { type: "peerLearned", frontend: 0 },
    ] as const;
    const healed = applied(heals, ops);
    expect(healed.frontends[0]).toMatchObject({
      knownPeers: 7,
      connectedPeers: 7,
      map: "complete",
      staleShards: 0,
    });
    expect(behindFor(heals, healed, healed.frontends[0] as Frontend)).toBe(0);
    expect(applied(asWas, ops).frontends[0]).toMatchObject({ map: "useless", staleShards: 1 });
  });
});
