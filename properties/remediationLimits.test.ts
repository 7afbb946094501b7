// The remediations' own limits (seed 001: the remediations "may … surface other limits";
// docs/remediation-limits.md): MemoryBudget (R1, R3), MetadataStoreWithinCapacity (R8) and
// CacheFleetWithinThreadLimit (R5), on as-was's numbers.
import * as O from "fp-ts/lib/Option.js";
import { assert, describe, expect, test } from "vitest";
import { withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import type { Op } from "../model/ops.ts";
import { initialState } from "../model/state.ts";
import { applied } from "../test/trace.ts";
import { cacheFleetWithinThreadLimit, cacheThreadsNeeded } from "./cacheFleetWithinThreadLimit.ts";
import { memoryBudget, memoryUsedMiB, serverMemory } from "./memoryBudget.ts";
import { metadataStoreWithinCapacity } from "./metadataStoreWithinCapacity.ts";

const larger = withRemediations(asWas, ["largerServers"]);
const limits = serverMemory(larger) ?? assert.fail("as-was models the remediations' limits");
const fromStore = withRemediations(asWas, ["bootstrapFromAuthoritative"]);
const restarts = (n: number): ReadonlyArray<Op> =>
  Array.from({ length: n }, (_, i) => ({ type: "frontendRestarted", frontend: i }));

describe("MemoryBudget (R1's own limit)", () => {
  test("the planned fleet of two larger servers fits its memory exactly: 5 threads × 8 MiB + 4 × 16 MiB = 104 MiB", () => {
    const s = initialState(larger);
    expect(s.frontends.map((f) => memoryUsedMiB(larger, limits, f))).toEqual([104, 104]);
    expect(O.isNone(memoryBudget.check(larger, s))).toBe(true);
    expect(memoryBudget.closeness(larger, s)).toBe(1);
  });

  test("a third larger server (the plan's growth) needs 112 MiB and breaks it, naming itself", () => {
    const s = applied(larger, [{ type: "capacityAdded", count: 4 }]);
    const v = O.toUndefined(memoryBudget.check(larger, s));
    expect(v?.invariant).toBe("MemoryBudget");
    expect(v?.message).toBe(
      "frontend-2, a larger server of 4 units, holds 6 threads × 8 MiB + 4 × 16 MiB of buffers = 112 MiB, over its 104 MiB",
    );
  });

  test("holds whatever the fleet without larger servers: the 2020 server's limit is the OS thread limit (K7)", () => {
    const s = applied(asWas, [{ type: "capacityAdded", count: 4 }]);
    expect(O.isNone(memoryBudget.check(asWas, s))).toBe(true);
    expect(memoryBudget.closeness(asWas, s)).toBe(0);
  });

  test("a crashed larger server holds no memory", () => {
    const s = applied(larger, [
      { type: "capacityAdded", count: 4 },
      { type: "frontendCrashed", frontend: 2 },
    ]);
    expect(O.isNone(memoryBudget.check(larger, s))).toBe(true);
  });
});

describe("a config without remediationLimits (every file saved before issue 14) models no such limit", () => {
  const { remediationLimits: _r1, ...largerUnlimited } = larger;
  const { remediationLimits: _r8, ...storeUnlimited } = fromStore;
  test("MemoryBudget holds, closeness 0, where as-was's limits break it (a third larger server)", () => {
    const s = applied(largerUnlimited, [{ type: "capacityAdded", count: 4 }]);
    expect(O.isNone(memoryBudget.check(largerUnlimited, s))).toBe(true);
    expect(memoryBudget.closeness(largerUnlimited, s)).toBe(0);
  });
  test("MetadataStoreWithinCapacity holds, closeness 0, where as-was's limits break it (five restarts)", () => {
    const s = applied(storeUnlimited, restarts(5));
    expect(O.isNone(metadataStoreWithinCapacity.check(storeUnlimited, s))).toBe(true);
    expect(metadataStoreWithinCapacity.closeness(storeUnlimited, s)).toBe(0);
  });
});

describe("MetadataStoreWithinCapacity (R8's own limit)", () => {
  test("four frontends restarted at once are within the store's capacity of 4", () => {
    const s = applied(fromStore, restarts(4));
    expect(O.isNone(metadataStoreWithinCapacity.check(fromStore, s))).toBe(true);
    expect(metadataStoreWithinCapacity.closeness(fromStore, s)).toBe(1);
  });

  test("a fifth restart before any finishes breaks it, naming itself", () => {
    const v = O.toUndefined(metadataStoreWithinCapacity.check(fromStore, applied(fromStore, restarts(5))));
    expect(v?.invariant).toBe("MetadataStoreWithinCapacity");
    expect(v?.message).toBe(
      "5 frontends bootstrap from the authoritative metadata store at once, over the 4 it serves without throttling",
    );
  });

  test("without R8 a whole-fleet restart puts no load on the store (bootstraps read from peers)", () => {
    const s = applied(asWas, restarts(8));
    expect(O.isNone(metadataStoreWithinCapacity.check(asWas, s))).toBe(true);
    expect(metadataStoreWithinCapacity.closeness(asWas, s)).toBe(0);
  });
});

describe("MemoryBudget under R3 (a 2020-size server under the tested, higher limit)", () => {
  const r3 = withRemediations(asWas, ["testedHigherLimit"]);
  const server = serverMemory(r3) ?? assert.fail("as-was names a 2020-size server's memory");
  const learned = (n: number): ReadonlyArray<Op> => [
    { type: "capacityAdded", count: n },
    ...Array.from({ length: n }, () => ({ type: "peerLearned", frontend: 0 }) as const),
  ];

  test("the 2020 fleet fits a 2020-size server's memory: 11 threads × 8 MiB + 16 MiB = 104 of 112 MiB", () => {
    const s = initialState(r3);
    expect(server).toMatchObject({ server: "2020-size", memoryMiB: 112, units: 1 });
    expect(memoryUsedMiB(r3, server, s.frontends[0] ?? assert.fail("a frontend"))).toBe(104);
    expect(O.isNone(memoryBudget.check(r3, s))).toBe(true);
  });

  test("a frontend whose 13th thread the higher limit grants is over its memory, naming itself", () => {
    const v = O.toUndefined(memoryBudget.check(r3, applied(r3, learned(2))));
    expect(v?.invariant).toBe("MemoryBudget");
    expect(v?.message).toBe(
      "frontend-0, a 2020-size server (R3), holds 13 threads × 8 MiB + 1 × 16 MiB of buffers = 120 MiB, over its 112 MiB",
    );
  });

  test("without R3 the OS refuses that thread first: memory is not the limit (K7)", () => {
    expect(O.isNone(memoryBudget.check(asWas, applied(asWas, learned(2))))).toBe(true);
  });
});

describe("CacheFleetWithinThreadLimit (R5's own limit)", () => {
  const r5 = withRemediations(asWas, ["cacheOnDedicatedFleet"]);

  test("the 2020 fleet of 8 needs 4 + 2 × 8 = 20 of the cache fleet's 2 × 11 threads", () => {
    const s = initialState(r5);
    expect(cacheThreadsNeeded(r5, s)).toBe(20);
    expect(O.isNone(cacheFleetWithinThreadLimit.check(r5, s))).toBe(true);
  });

  test("growing the fleet to 10 moves the O(N) onto the cache fleet and breaks it, naming itself", () => {
    const v = O.toUndefined(
      cacheFleetWithinThreadLimit.check(r5, applied(r5, [{ type: "capacityAdded", count: 2 }])),
    );
    expect(v?.invariant).toBe("CacheFleetWithinThreadLimit");
    expect(v?.message).toBe(
      "the shard-map cache fleet serves 10 live frontends and needs 4 + 2 × 10 = 24 threads, over its 2 servers × 11 = 22",
    );
  });

  test("a crashed frontend holds no cache connection", () => {
    const s = applied(r5, [
      { type: "capacityAdded", count: 2 },
      { type: "frontendCrashed", frontend: 0 },
    ]);
    expect(O.isNone(cacheFleetWithinThreadLimit.check(r5, s))).toBe(true);
  });

  test("R3's tested limit gives the cache fleet room for the whole plan: 4 + 2 × 12 = 28 of 2 × 14", () => {
    const both = withRemediations(asWas, ["cacheOnDedicatedFleet", "testedHigherLimit"]);
    const s = applied(both, [{ type: "capacityAdded", count: 4 }]);
    expect(O.isNone(cacheFleetWithinThreadLimit.check(both, s))).toBe(true);
    expect(cacheFleetWithinThreadLimit.closeness(both, s)).toBe(1);
  });

  test("holds, closeness 0, without R5 or without its numbers", () => {
    const s = applied(asWas, [{ type: "capacityAdded", count: 4 }]);
    expect(O.isNone(cacheFleetWithinThreadLimit.check(asWas, s))).toBe(true);
    expect(cacheFleetWithinThreadLimit.closeness(asWas, s)).toBe(0);
    const { remediationLimits: _l, ...unlimited } = r5;
    expect(O.isNone(cacheFleetWithinThreadLimit.check(unlimited, s))).toBe(true);
  });
});
