// K6: a frontend's lag behind the membership is a stamp (`behindSince`, the tick it fell behind at) and a
// derived count (`behindFor`), so time passing rebuilds no record (docs/performance.md). Worked examples under
// as-was (8 frontends, limit 11, deadline 12 ticks, bootstrap 18 ticks, one bootstrap at a time).
import { describe, expect, test } from "vitest";
import { applied, ticks } from "../test/trace.ts";
import { withRemediations } from "./config.ts";
import { asWas } from "./configs/asWas.ts";
import { behindFor } from "./lag.ts";
import { type Frontend, initialState, type State } from "./state.ts";

const at = (s: State, i: number): Frontend => s.frontends[i] as Frontend;
const lag = (s: State, i: number): number => behindFor(asWas, s, at(s, i));

describe("the lag stamp (K6)", () => {
  test("a capacity addition stamps the members that were in step, not those already behind, and its newcomers", () => {
    // A thread limit with room for the plan, so learning a peer succeeds.
    const roomy = { ...asWas, threads: { ...asWas.threads, threadLimit: 20 } };
    const lagIn = (s: State, i: number) => behindFor(roomy, s, at(s, i));
    // At tick 0 a ninth server joins; frontends 1–6 learn of it, frontend-0 does not; frontend-7 crashes.
    const once = applied(roomy, [
      { type: "capacityAdded", count: 1 },
      ...[1, 2, 3, 4, 5, 6].map((frontend) => ({ type: "peerLearned", frontend }) as const),
      { type: "frontendCrashed", frontend: 7 },
      ...ticks(3),
    ]);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => lagIn(once, i))).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0]);
    // At tick 3 a tenth joins.
    const twice = applied(roomy, [{ type: "capacityAdded", count: 1 }], once);
    expect(at(twice, 0)).toBe(at(once, 0)); // already behind: keeps the tick it fell behind at
    expect(at(twice, 0).behindSince).toBe(0);
    for (const i of [1, 2, 3, 4, 5, 6, 8]) expect(at(twice, i).behindSince).toBe(3); // were in step
    expect(at(twice, 7)).toBe(at(once, 7)); // stopped: left as it was
    expect(at(twice, 9)).toMatchObject({ status: "bootstrapping", behindSince: 3 }); // the newcomer
    const later = applied(roomy, ticks(4), twice);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => lagIn(later, i))).toEqual([7, 4, 4, 4, 4, 4, 4, 0, 4]);
  });

  test("a member that a capacity addition puts back in step has no lag at once", () => {
    const removed = applied(asWas, [{ type: "frontendRemoved", frontend: 7 }, ...ticks(5)]);
    expect(lag(removed, 0)).toBe(5);
    const grown = applied(asWas, [{ type: "capacityAdded", count: 1 }], removed);
    expect(at(grown, 0)).toMatchObject({ knownPeers: 7, connectedPeers: 7 });
    expect(lag(grown, 0)).toBe(0);
  });

  test("a removal stamps the in-step members of the shrunk cell only", () => {
    const cells = withRemediations({ ...asWas, fleet: { initialSize: 8, maxSize: 8 } }, ["cellularization"]);
    const s = applied(cells, ticks(2));
    const cellOf2 = at(s, 2).cell;
    const after = applied(cells, [{ type: "frontendRemoved", frontend: 2 }], s);
    for (const f of after.frontends) {
      const before = s.frontends.find((g) => g.id === f.id) as Frontend;
      if (f.cell === cellOf2) expect(f.behindSince).toBe(2);
      else expect(f).toBe(before);
    }
  });

  test("a restart stamps the current tick: a restarted frontend the OS refuses a thread lags from then on", () => {
    const grown = applied(asWas, [{ type: "capacityAdded", count: 1 }, ...ticks(5)]);
    expect(lag(grown, 2)).toBe(5);
    const restarted = applied(asWas, [{ type: "frontendRestarted", frontend: 2 }], grown);
    expect(at(restarted, 2)).toMatchObject({ knownPeers: 8, connectedPeers: 7, behindSince: 5 });
    expect(lag(restarted, 2)).toBe(0);
    expect(lag(applied(asWas, ticks(3), restarted), 2)).toBe(3);
  });

  test("a tick with nothing due returns the same frontends array", () => {
    const s = initialState(asWas);
    expect(applied(asWas, ticks(1), s).frontends).toBe(s.frontends);
    const stuck = applied(asWas, [{ type: "capacityAdded", count: 1 }, ...ticks(40)]);
    // Every old member learned the newcomer at the deadline and the OS refused its thread: they stay behind,
    // capped, and the newcomer finished bootstrapping. Nothing is due any more.
    expect(stuck.frontends.every((f) => f.status === "serving")).toBe(true);
    expect(lag(stuck, 0)).toBe(13);
    expect(applied(asWas, ticks(1), stuck).frontends).toBe(stuck.frontends);
  });

  test("a lagging frontend with nothing due keeps its record while its lag grows", () => {
    const grown = applied(asWas, [{ type: "capacityAdded", count: 1 }]);
    const later = applied(asWas, ticks(7), grown);
    for (let i = 0; i < 8; i++) {
      expect(at(later, i)).toBe(at(grown, i));
      expect(lag(later, i)).toBe(7);
    }
    // Only the bootstrapping newcomer was rebuilt.
    expect(at(later, 8)).not.toBe(at(grown, 8));
  });
});
