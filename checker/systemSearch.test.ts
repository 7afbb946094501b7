import { describe, expect, test } from "vitest";
import { asWasSystem } from "../model/dependents/asWas.ts";
import { withDependentRemediations } from "../model/dependents/config.ts";
import { initialSystemState } from "../model/system.ts";
import { SYSTEM_INVARIANTS, type SystemInvariant } from "../properties/dependents/index.ts";
import { DEFAULT_SEED } from "./search.ts";
import { type SystemSearchResult, searchSystemInvariant } from "./systemSearch.ts";
import { firstSystemViolation, runSystemTrace } from "./systemTrace.ts";

// Fewer runs than `npm run check` (300) to keep the suite fast; the same seed, so deterministic.
const options = { seed: DEFAULT_SEED, runs: 100, maxSteps: 120 };

/** The as-was search for each invariant, run once and shared by both groups of tests. */
const asWasResults = new Map<string, SystemSearchResult>();
const asWasSearch = (inv: SystemInvariant): SystemSearchResult => {
  const cached = asWasResults.get(inv.name) ?? searchSystemInvariant(asWasSystem, inv, options);
  asWasResults.set(inv.name, cached);
  return cached;
};

describe("the dependents' invariants under as-was", () => {
  test("all hold in the initial state, so every counterexample needs at least one step", () => {
    expect(
      firstSystemViolation(asWasSystem, initialSystemState(asWasSystem), SYSTEM_INVARIANTS),
    ).toBeUndefined();
  });

  test.each(SYSTEM_INVARIANTS.map((i) => [i.name, i]))("%s is violated, by a 1-minimal trace", (_n, inv) => {
    const r = asWasSearch(inv);
    expect(r.status).toBe("violated");
    if (r.status !== "violated") return;
    // The shrunk trace still fails, and dropping any single operation makes it hold.
    expect(runSystemTrace(asWasSystem, r.found.ops, [inv]).violation?.step).toBe(r.found.ops.length);
    for (let i = 0; i < r.found.ops.length; i++) {
      const without = [...r.found.ops.slice(0, i), ...r.found.ops.slice(i + 1)];
      expect(runSystemTrace(asWasSystem, without, [inv]).violation).toBeUndefined();
    }
    // Every dependent failure starts with the Kinesis trigger: a capacity addition or frontends crashing.
    expect(r.found.ops.some((o) => o.type === "capacityAdded" || o.type === "frontendCrashed")).toBe(true);
  });
});

describe("each dependent invariant holds with its remediation on, on the failing as-was fleet", () => {
  const cases = SYSTEM_INVARIANTS.flatMap((inv) =>
    inv.remediedBy.map((set) => [inv.name, set.join("+"), inv, set] as const),
  );
  test.each(cases)(
    "%s holds with %s, and the as-was counterexample no longer breaks it",
    (_n, _s, inv, set) => {
      const fixed = withDependentRemediations(asWasSystem, set);
      expect(searchSystemInvariant(fixed, inv, options).status).toBe("holds");
      // Not vacuous: the very trace that breaks it as-was impairs Kinesis just the same, and now passes.
      const broken = asWasSearch(inv);
      if (broken.status !== "violated") throw new Error("as-was must violate it");
      expect(runSystemTrace(fixed, broken.found.ops, [inv]).violation).toBeUndefined();
    },
  );
});
