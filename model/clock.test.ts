// The clock's background work, pinned by worked examples under as-was (8 frontends, limit 11, deadline 12
// ticks, bootstrap 18 ticks, one bootstrap at a time). Written for issue 7 (mutation testing).
import { describe, expect, test } from "vitest";
import { applied, ticks } from "../test/trace.ts";
import { withRemediations } from "./config.ts";
import { asWas } from "./configs/asWas.ts";
import { behindFor } from "./lag.ts";
import type { Frontend, State } from "./state.ts";

const at = (fs: ReadonlyArray<Frontend>, i: number): Frontend => fs[i] as Frontend;
/** K6: the lag of the frontend at position `i` (derived from its stamp and the clock). */
const lag = (s: State, i: number): number => behindFor(asWas, s, at(s.frontends, i));

describe("clock/tick", () => {
  test("a map built from the authoritative store (R8) without a thread for every peer cannot apply a move (K4(c))", () => {
    const r8 = withRemediations(asWas, ["bootstrapFromAuthoritative"]);
    const rebuilt = applied(r8, [
      { type: "capacityAdded", count: 1 },
      { type: "frontendRestarted", frontend: 0 },
      ...ticks(18),
    ]);
    expect(at(rebuilt.frontends, 0)).toMatchObject({
      status: "serving",
      map: "complete",
      knownPeers: 8,
      connectedPeers: 7,
    });
    const after = applied(r8, [{ type: "shardMoved", shard: 1 }, { type: "tick" }], rebuilt);
    // Its map is complete, so only the missing peer thread keeps it from applying the move.
    expect(at(after.frontends, 0)).toMatchObject({ map: "complete", staleShards: 0b10 });
  });

  test("ages each shard's last move by one tick, capped one past the deadline", () => {
    const moved = applied(asWas, [{ type: "shardMoved", shard: 3 }]);
    expect(applied(asWas, ticks(5), moved).sinceMoved).toEqual([13, 13, 13, 5]);
    expect(applied(asWas, ticks(40), moved).sinceMoved).toEqual([13, 13, 13, 13]);
  });

  test("forces pending membership changes on the tick after the lag reaches the deadline (K6); the OS refuses the threads", () => {
    const added = [{ type: "capacityAdded", count: 1 } as const];
    const before = applied(asWas, [...added, ...ticks(12)]);
    expect(at(before.frontends, 0)).toMatchObject({ knownPeers: 7, map: "complete" });
    expect(lag(before, 0)).toBe(12);
    const due = applied(asWas, [...added, ...ticks(13)]);
    expect(at(due.frontends, 0)).toMatchObject({ knownPeers: 8, connectedPeers: 7, map: "useless" });
    expect(lag(due, 0)).toBe(13);
  });

  test("clears the lag of a frontend that has caught up", () => {
    const s = applied(asWas, [
      { type: "frontendRemoved", frontend: 7 },
      { type: "tick" },
      { type: "peerLearned", frontend: 0 },
      { type: "tick" },
    ]);
    expect(at(s.frontends, 0)).toMatchObject({ knownPeers: 6, connectedPeers: 6 });
    expect(lag(s, 0)).toBe(0);
    expect(at(s.frontends, 1)).toMatchObject({ knownPeers: 7 });
    expect(lag(s, 1)).toBe(2);
  });

  test("applies pending shard moves on healthy frontends only (K4(c))", () => {
    const s = applied(asWas, [
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
      { type: "shardMoved", shard: 1 },
      { type: "tick" },
    ]);
    expect(at(s.frontends, 0).staleShards).toBe(2);
    expect(at(s.frontends, 1).staleShards).toBe(0);
  });

  test("leaves a stopped frontend as it is", () => {
    const s = applied(asWas, [
      { type: "frontendCrashed", frontend: 2 },
      { type: "capacityAdded", count: 1 },
    ]);
    expect(at(applied(asWas, ticks(20), s).frontends, 2)).toEqual(at(s.frontends, 2));
  });

  test("advances one bootstrap at a time, in fleet order (K11/K15), and finishes it after bootstrapTicks", () => {
    const restarted = [
      { type: "frontendRestarted", frontend: 3 },
      { type: "frontendRestarted", frontend: 1 },
    ] as const;
    const one = applied(asWas, [...restarted, { type: "tick" }]);
    expect(at(one.frontends, 1).bootstrapLeft).toBe(17);
    expect(at(one.frontends, 3).bootstrapLeft).toBe(18);
    const done = applied(asWas, [...restarted, ...ticks(18)]);
    expect(at(done.frontends, 1)).toMatchObject({ status: "serving", map: "complete", bootstrapLeft: 0 });
    expect(at(done.frontends, 3)).toMatchObject({ status: "bootstrapping", bootstrapLeft: 18 });
    const both = applied(asWas, [...restarted, ...ticks(36)]);
    expect(at(both.frontends, 3)).toMatchObject({ status: "serving", map: "complete" });
  });

  test("a bootstrap without a thread for every peer ends useless in as-was, complete with R8, and starts over with waitForCompleteMap", () => {
    const ops = [{ type: "capacityAdded", count: 1 } as const, ...ticks(18)];
    expect(at(applied(asWas, ops).frontends, 8)).toMatchObject({ status: "serving", map: "useless" });
    const r8 = withRemediations(asWas, ["bootstrapFromAuthoritative"]);
    expect(at(applied(r8, ops).frontends, 8)).toMatchObject({
      status: "serving",
      map: "complete",
      staleShards: 0,
    });
    // A 5-tick bootstrap, so it ends before the deadline sends the old frontends back to bootstrapping.
    const base = withRemediations(asWas, ["waitForCompleteMap"]);
    const wait = { ...base, coldStart: { ...base.coldStart, bootstrapTicks: 5 } };
    expect(at(applied(wait, [{ type: "capacityAdded", count: 1 }, ...ticks(5)]).frontends, 8)).toMatchObject({
      status: "bootstrapping",
      map: "building",
      bootstrapLeft: 5,
    });
  });
});
