// ShardMovesAppliedWithin, pinned by worked examples under as-was (8 frontends, limit 11 threads, deadline 12
// ticks): a frontend the OS refused a peer's thread cannot process the peer messages that carry a shard move.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import type { State } from "../model/state.ts";
import { applied, ticks } from "../test/trace.ts";
import { shardMovesAppliedWithin } from "./shardMovesAppliedWithin.ts";

const message = (config: typeof asWas, s: State): string | undefined =>
  O.toUndefined(shardMovesAppliedWithin.check(config, s))?.message;

/** frontend-0 learns the 9th server but the OS refuses the thread: its peer input is no longer whole. */
const brokenThenMoved = [
  { type: "capacityAdded", count: 1 },
  { type: "peerLearned", frontend: 0 },
  { type: "shardMoved", shard: 2 },
] as const;

describe("ShardMovesAppliedWithin", () => {
  test("holds on the deadline and breaks one tick past it, naming the frontend and the shard", () => {
    expect(message(asWas, applied(asWas, [...brokenThenMoved, ...ticks(12)]))).toBeUndefined();
    expect(message(asWas, applied(asWas, [...brokenThenMoved, ...ticks(13)]))).toBe(
      "frontend-0 still routes shard 2 by a stale entry more than 12 ticks (60 min) after the shard moved: it holds threads for 7 of 8 known peers, so the peer messages that carry the move go unprocessed",
    );
  });

  test("a healthy fleet applies a move on the next tick, however long the trace runs", () => {
    const s = applied(asWas, [{ type: "shardMoved", shard: 2 }, ...ticks(30)]);
    expect(s.frontends.every((f) => f.staleShards === 0)).toBe(true);
    expect(message(asWas, s)).toBeUndefined();
    expect(shardMovesAppliedWithin.closeness(asWas, s)).toBe(0);
  });

  test("only serving frontends count: one that has left service to rebuild sends no traffic", () => {
    const s = applied(asWas, [...brokenThenMoved, ...ticks(13)]);
    const resting: State = {
      ...s,
      frontends: s.frontends.map((f) =>
        f.id === 0 ? { ...f, status: "bootstrapping", bootstrapLeft: 1 } : f,
      ),
    };
    expect(message(asWas, resting)).toBeUndefined();
  });

  test("only overdue shards count: a stale entry for a shard that moved recently is still within the deadline", () => {
    const s = applied(asWas, [...brokenThenMoved, ...ticks(13)]);
    const recent: State = { ...s, sinceMoved: s.sinceMoved.map((age, sh) => (sh === 2 ? 4 : age)) };
    expect(message(asWas, recent)).toBeUndefined();
  });

  test("the near miss is the oldest unapplied move over the deadline", () => {
    expect(shardMovesAppliedWithin.closeness(asWas, applied(asWas, [...brokenThenMoved, ...ticks(6)]))).toBe(
      0.5,
    );
  });

  test("waitForCompleteMap takes the broken frontend out of service, so no stale entry is served", () => {
    const wait = withRemediations(asWas, ["waitForCompleteMap"]);
    expect(message(wait, applied(wait, [...brokenThenMoved, ...ticks(30)]))).toBeUndefined();
  });
});
