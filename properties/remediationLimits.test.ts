// The remediations' own limits (seed 001: the remediations "may … surface other limits";
// docs/remediation-limits.md): MemoryBudget (R1) and MetadataStoreWithinCapacity (R8), on as-was's numbers.
import * as O from "fp-ts/lib/Option.js";
import { assert, describe, expect, test } from "vitest";
import { withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import type { Op } from "../model/ops.ts";
import { initialState } from "../model/state.ts";
import { applied } from "../test/trace.ts";
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
