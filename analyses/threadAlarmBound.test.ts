// The closed form of threadAlarmBound.ts against the checker's own search: at α_max ThreadAlarmBeforeLimit holds
// on every generated trace, one percent above it the search finds a silent crossing (shrunk to one step).
import { describe, expect, test } from "vitest";
import { DEFAULT_SEED } from "../checker/defaults.ts";
import { searchInvariant } from "../checker/search.ts";
import { invariantOf } from "../checker/spec.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { systemSpec } from "../specs/system.ts";
import { headroom, withThreadAlarm } from "../test/alarms.ts";
import { crossingReachable, largestSafeAlpha, threadsAtRest } from "./threadAlarmBound.ts";

const search = (config: SystemConfig) => {
  const inv = invariantOf(systemSpec, "ThreadAlarmBeforeLimit");
  if (inv === undefined) throw new Error("ThreadAlarmBeforeLimit is not registered");
  return searchInvariant(systemSpec, config, inv, { seed: DEFAULT_SEED, runs: 60, maxSteps: 60 });
};

const withLimit = (limit: number): SystemConfig => ({
  ...asWasSystem,
  name: `as-was+threadLimit=${limit}`,
  threads: { ...asWasSystem.threads, threadLimit: limit },
});

describe("the largest α at which the thread alarm misses no crossing (R2)", () => {
  test("as-was holds 11 of 11 threads at rest: every α up to 100 % is safe (the alarm stands before the addition)", () => {
    expect(threadsAtRest(asWasSystem)).toBe(11);
    expect(largestSafeAlpha(asWasSystem)).toBe(100);
  });

  test("headroom (11 of 13): α_max = ⌊1100 / 13⌋ = 84", () => {
    expect(largestSafeAlpha(headroom)).toBe(84);
  });

  test("no crossing reachable (limit 15 ≥ 4 + 1·11): every α is safe", () => {
    expect(crossingReachable(withLimit(15))).toBe(false);
    expect(largestSafeAlpha(withLimit(15))).toBe(100);
  });

  test.each([12, 13, 14])(
    "limit %i: the search agrees at α_max (holds) and α_max + 1 (violated in one step)",
    (limit) => {
      const config = withLimit(limit);
      const alpha = largestSafeAlpha(config);
      expect(search(withThreadAlarm(config, alpha)).status).toBe("holds");
      const above = search(withThreadAlarm(config, alpha + 1));
      expect(above.status).toBe("violated");
      if (above.status === "violated") expect(above.found.ops).toHaveLength(1);
    },
  );
});
