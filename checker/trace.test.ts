import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { withAllRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { DEPENDENT_REMEDIATION_NAMES, withDependentRemediations } from "../model/dependents/config.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import type { Spec } from "./spec.ts";
import { acceptedOps, acceptedUntilViolation, runTrace } from "./trace.ts";

/** The shrinker's fast path against the full fold, on random traces of `spec` under each of `configs`. */
const decidesAsRunTraceDoes = <C, S, Op>(
  spec: Spec<C, S, Op>,
  configs: readonly [C, ...C[]],
  numRuns?: number,
): void => {
  test.prop(
    {
      config: fc.constantFrom(...configs),
      inv: fc.constantFrom(...spec.invariants),
      // Operations generated for the first config and run under each.
      ops: spec.opsArb(configs[0], 60),
    },
    numRuns === undefined ? {} : { numRuns },
  )(
    `on the ${spec.id}, it decides exactly what runTrace decides, and keeps the same accepted operations`,
    ({ config, inv, ops }) => {
      const trace = runTrace(spec, config, ops, [inv]);
      const fast = acceptedUntilViolation(spec, config, ops, [inv]);
      expect(fast.violated).toBe(trace.violation !== undefined);
      expect(fast.accepted).toEqual(acceptedOps(trace));
    },
  );
};

describe("acceptedUntilViolation, the shrinker's fast path", () => {
  decidesAsRunTraceDoes(fleetSpec, [asWas, withAllRemediations(asWas)]);
  decidesAsRunTraceDoes(
    systemSpec,
    [asWasSystem, withDependentRemediations(asWasSystem, DEPENDENT_REMEDIATION_NAMES)],
    100,
  );
});
