import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import { initialState } from "../model/state.ts";
import { INVARIANTS } from "../properties/index.ts";
import { servesOnlyWithCompleteMap } from "../properties/servesOnlyWithCompleteMap.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { opArb } from "../specs/fleet/arbitraries.ts";
import { DEFAULT_SEED, minimize, searchInvariant } from "./search.ts";
import { firstViolation, runTrace } from "./trace.ts";

const options = { seed: DEFAULT_SEED, runs: 300, maxSteps: 80 };

describe("the search under as-was", () => {
  test("finds ThreadBudget broken by a single capacity addition, the shortest trace possible", () => {
    // The initial state satisfies every invariant, so no trace shorter than 1 step can break one.
    expect(firstViolation(asWas, initialState(asWas), INVARIANTS)).toBeUndefined();
    const r = searchInvariant(asWas, threadBudget, options);
    expect(r.status).toBe("violated");
    if (r.status !== "violated") return;
    expect(r.found.ops).toEqual([{ type: "capacityAdded", count: 1 }]);
    expect(r.found.message).toContain("over the OS limit of 11");
  });

  test("finds ServesOnlyWithCompleteMap broken in two steps: an addition, then an existing frontend learning of it", () => {
    const r = searchInvariant(asWas, servesOnlyWithCompleteMap, options);
    expect(r.status).toBe("violated");
    if (r.status !== "violated") return;
    expect(r.found.ops.map((o) => o.type)).toEqual(["capacityAdded", "peerLearned"]);
  });

  test("gives the same result for the same seed", () => {
    expect(JSON.stringify(searchInvariant(asWas, servesOnlyWithCompleteMap, options))).toBe(
      JSON.stringify(searchInvariant(asWas, servesOnlyWithCompleteMap, options)),
    );
  });
});

describe("minimize", () => {
  fcTest.prop({ ops: fc.array(opArb(asWas), { maxLength: 60, size: "max" }) })(
    "returns a trace that still fails and from which no single step can be removed",
    ({ ops }) => {
      const inv = threadBudget;
      fc.pre(runTrace(asWas, ops, [inv]).violation !== undefined);
      const min = minimize(asWas, inv, ops);
      expect(runTrace(asWas, min, [inv]).violation).toBeDefined();
      for (let i = 0; i < min.length; i++) {
        const without = [...min.slice(0, i), ...min.slice(i + 1)];
        expect(runTrace(asWas, without, [inv]).violation).toBeUndefined();
      }
    },
  );
});
