import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import { asWasSystem } from "../model/dependents/asWas.ts";
import { withDependentRemediations } from "../model/dependents/config.ts";
import type { SystemOp, SystemState } from "../model/system.ts";
import { customerSurvives } from "../properties/dependents/customerSurvives.ts";
import { SYSTEM_INVARIANTS, type SystemInvariant } from "../properties/dependents/index.ts";
import { servesOnlyWithCompleteMap } from "../properties/servesOnlyWithCompleteMap.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { DEFAULT_SEED, minimize, type SearchResult, searchInvariant } from "./search.ts";
import type { Spec } from "./spec.ts";
import type { SpecInvariant } from "./specInvariant.ts";
import { firstViolation, runTrace } from "./trace.ts";

describe("the fleet search under as-was", () => {
  const options = { seed: DEFAULT_SEED, runs: 300, maxSteps: fleetSpec.defaultMaxSteps };

  test("finds ThreadBudget broken by a single capacity addition, the shortest trace possible", () => {
    // The initial state satisfies every invariant, so no trace shorter than 1 step can break one.
    expect(firstViolation(asWas, fleetSpec.init(asWas), fleetSpec.invariants)).toBeUndefined();
    const r = searchInvariant(fleetSpec, asWas, threadBudget, options);
    expect(r.status).toBe("violated");
    if (r.status !== "violated") return;
    expect(r.found.ops).toEqual([{ type: "capacityAdded", count: 1 }]);
    expect(r.found.message).toContain("over the OS limit of 11");
  });

  test("finds ServesOnlyWithCompleteMap broken in two steps: an addition, then an existing frontend learning of it", () => {
    const r = searchInvariant(fleetSpec, asWas, servesOnlyWithCompleteMap, options);
    expect(r.status).toBe("violated");
    if (r.status !== "violated") return;
    expect(r.found.ops.map((o) => o.type)).toEqual(["capacityAdded", "peerLearned"]);
  });
});

describe("the system search", () => {
  // Fewer runs than `npm run check` (300) to keep the suite fast; the same seed every time.
  const options = { seed: DEFAULT_SEED, runs: 100, maxSteps: systemSpec.defaultMaxSteps };

  /** The as-was search for each invariant, run once and shared by both groups of tests. */
  const asWasResults = new Map<string, SearchResult<SystemState, SystemOp>>();
  const asWasSearch = (inv: SystemInvariant): SearchResult<SystemState, SystemOp> => {
    const cached = asWasResults.get(inv.name) ?? searchInvariant(systemSpec, asWasSystem, inv, options);
    asWasResults.set(inv.name, cached);
    return cached;
  };

  describe("under as-was", () => {
    test("every dependent invariant holds in the initial state, so every counterexample needs at least one step", () => {
      expect(
        firstViolation(asWasSystem, systemSpec.init(asWasSystem), systemSpec.invariants),
      ).toBeUndefined();
    });

    test.each(SYSTEM_INVARIANTS.map((i) => [i.name, i] as const))(
      "%s is violated, by a 1-minimal trace that starts with the Kinesis trigger",
      (_n, inv) => {
        const r = asWasSearch(inv);
        expect(r.status).toBe("violated");
        if (r.status !== "violated") return;
        // The shrunk trace still fails, and dropping any single operation makes it hold.
        expect(runTrace(systemSpec, asWasSystem, r.found.ops, [inv]).violation?.step).toBe(
          r.found.ops.length,
        );
        for (let i = 0; i < r.found.ops.length; i++) {
          const without = [...r.found.ops.slice(0, i), ...r.found.ops.slice(i + 1)];
          expect(runTrace(systemSpec, asWasSystem, without, [inv]).violation).toBeUndefined();
        }
        // Every dependent failure starts with the Kinesis trigger: a capacity addition or frontends crashing.
        expect(r.found.ops.some((o) => o.type === "capacityAdded" || o.type === "frontendCrashed")).toBe(
          true,
        );
      },
    );
  });

  describe("with each dependent invariant's remediation on, on the failing as-was fleet", () => {
    const cases = SYSTEM_INVARIANTS.flatMap((inv) =>
      inv.remediedBy.map((set) => [inv.name, set.join("+"), inv, set] as const),
    );
    test.each(cases)(
      "%s holds with %s, and the as-was counterexample no longer breaks it",
      (_n, _s, inv, set) => {
        const fixed = withDependentRemediations(asWasSystem, set);
        expect(searchInvariant(systemSpec, fixed, inv, options).status).toBe("holds");
        // Not vacuous: the very trace that breaks it as-was impairs Kinesis just the same, and now passes.
        const broken = asWasSearch(inv);
        if (broken.status !== "violated") throw new Error("as-was must violate it");
        expect(runTrace(systemSpec, fixed, broken.found.ops, [inv]).violation).toBeUndefined();
      },
    );
  });
});

/** minimize's contract, on random traces of `spec` under `config` that break `inv`. */
const minimizeIsOneMinimal = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  inv: SpecInvariant<C, S>,
  numRuns: number,
): void => {
  fcTest.prop({ ops: spec.opsArb(config, 60) }, { numRuns })(
    `on the ${spec.id}, it returns a trace that still breaks ${inv.name} and from which no single step can be removed`,
    ({ ops }) => {
      fc.pre(runTrace(spec, config, ops, [inv]).violation !== undefined);
      const min = minimize(spec, config, inv, ops);
      expect(runTrace(spec, config, min, [inv]).violation).toBeDefined();
      for (let i = 0; i < min.length; i++) {
        const without = [...min.slice(0, i), ...min.slice(i + 1)];
        expect(runTrace(spec, config, without, [inv]).violation).toBeUndefined();
      }
    },
  );
};

describe("minimize", () => {
  minimizeIsOneMinimal(fleetSpec, asWas, threadBudget, 200);
  minimizeIsOneMinimal(systemSpec, asWasSystem, customerSurvives, 25);
});
