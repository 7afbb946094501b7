import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { configArb } from "./configArb.ts";
import { describeMismatch, mismatchesOf, verdictsOf } from "./configSearch.ts";

describe("the search over configs", () => {
  test.prop({ config: configArb() }, { numRuns: 40, seed: 18 })(
    "every invariant's verdict by breadth-first search (exhaustive up to CONFIG_SEARCH_MAX_STATES, else bounded) agrees with its independently computed expected outcome",
    ({ config }) => {
      const mismatches = mismatchesOf(config, verdictsOf(config));
      expect(mismatches.map((m) => describeMismatch(config, m)).join("\n\n")).toBe("");
    },
  );
});
