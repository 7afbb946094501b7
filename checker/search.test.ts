import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { withDependentRemediations } from "../model/dependents/config.ts";
import type { SystemOp } from "../model/system.ts";
import { customerSurvives } from "../properties/dependents/customerSurvives.ts";
import { SYSTEM_INVARIANTS, type SystemInvariant } from "../properties/dependents/index.ts";
import { servesOnlyWithCompleteMap } from "../properties/servesOnlyWithCompleteMap.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { committedOf } from "../test/counterexamples.ts";
import { DEFAULT_SEED } from "./defaults.ts";
import { minimize, searchInvariant } from "./search.ts";
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

  /**
   * The as-was counterexample of each dependent invariant, as the search found and saved it. checker/corpus.test.ts
   * runs the search each file names and checks that it finds exactly these operations, and that they are 1-minimal,
   * so the searches are not run a second time here.
   */
  const asWasCounterexample = (inv: SystemInvariant): ReadonlyArray<SystemOp> => {
    const saved = committedOf(systemSpec).find(
      ({ c }) => c.invariant === inv.name && c.config.name === asWasSystem.name && c.path !== "",
    );
    if (saved === undefined)
      throw new Error(`the corpus holds the as-was search's counterexample of ${inv.name}`);
    expect(saved.c.config).toEqual(asWasSystem);
    return saved.c.ops;
  };

  test("every dependent invariant holds in the initial state, so every counterexample needs at least one step", () => {
    expect(firstViolation(asWasSystem, systemSpec.init(asWasSystem), systemSpec.invariants)).toBeUndefined();
  });

  // A remediation's own limit (R6's PartitionWithinThreadLimit) holds on as-was: its remediation is off.
  test.each(SYSTEM_INVARIANTS.filter((i) => i.limitOf === undefined).map((i) => [i.name, i] as const))(
    "%s is violated under as-was by a trace that starts with the Kinesis trigger",
    (_n, inv) => {
      const ops = asWasCounterexample(inv);
      expect(runTrace(systemSpec, asWasSystem, ops, [inv]).violation?.step).toBe(ops.length);
      // Every dependent failure starts with the Kinesis trigger: a capacity addition or frontends crashing.
      expect(ops.some((o) => o.type === "capacityAdded" || o.type === "frontendCrashed")).toBe(true);
    },
  );

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
        expect(runTrace(systemSpec, fixed, asWasCounterexample(inv), [inv]).violation).toBeUndefined();
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
