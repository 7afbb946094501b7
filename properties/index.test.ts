// The registry (properties/index.ts): every invariant reports its violations under its own name, so the report
// names the broken one (style habit 12).
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import type { State } from "../model/state.ts";
import { applied } from "../test/trace.ts";
import { cacheFleetWithinThreadLimit } from "./cacheFleetWithinThreadLimit.ts";
import { INVARIANTS } from "./index.ts";
import { memoryBudget } from "./memoryBudget.ts";
import { metadataStoreWithinCapacity } from "./metadataStoreWithinCapacity.ts";
import { wellFormed } from "./wellFormed.ts";

/** The remediations' own limits hold with their remediation off; remediationLimits.test.ts breaks each. */
const ownLimits: ReadonlyArray<unknown> = [
  memoryBudget,
  metadataStoreWithinCapacity,
  cacheFleetWithinThreadLimit,
];

describe("the registered invariants", () => {
  test("each names itself in the violation it reports", () => {
    // A state that breaks every invariant but WellFormed: an addition learned of (threads, map), a shard moved and
    // routed through the stale entry, and every frontend and move late by 13 ticks.
    const broken: State = applied(asWas, [
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
      { type: "shardMoved", shard: 0 },
      { type: "requestRouted", frontend: 1, shard: 0 },
    ]);
    const late: State = {
      ...broken,
      frontends: broken.frontends.map((f) => ({ ...f, behindSince: broken.tick - 13 })),
      sinceMoved: broken.sinceMoved.map(() => 13),
    };
    for (const inv of INVARIANTS.filter((i) => i !== wellFormed && !ownLimits.includes(i)))
      expect(O.toUndefined(inv.check(asWas, late))?.invariant).toBe(inv.name);
  });
});
