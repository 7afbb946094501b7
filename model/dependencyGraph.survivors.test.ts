// activeDependencies: an edge with several remediations in `cutBy` is cut only when ALL of them are on
// (model/dependencyGraph.ts's contract). Seed 000: a standby stream alone does not shield the customer while
// switching to it needs a human approval frozen for Thanksgiving week; only with automatic failover too does
// the pipeline stop depending on Kinesis in us-east-1. Written for issue 7: StrykerJS showed `every` → `some`
// survived.
import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { activeDependencies, blastRadius, DEPENDENCIES } from "./dependencyGraph.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediations,
  NO_DEPENDENT_REMEDIATIONS,
} from "./dependents/config.ts";

const customerEdge = (r: DependentRemediations) =>
  activeDependencies(r).some((d) => d.dependent === "customer" && d.on === "kinesis");

describe("activeDependencies with a two-remediation cut (seed 000)", () => {
  test("the customer still depends on Kinesis with only one of standby stream and automatic failover", () => {
    for (const one of ["customerStandbyStream", "customerAutomaticFailover"] as const) {
      const r = { ...NO_DEPENDENT_REMEDIATIONS, [one]: true };
      expect(customerEdge(r)).toBe(true);
      expect(blastRadius(activeDependencies(r), "kinesis").map((x) => x.service)).toContain("customer");
    }
    const both = {
      ...NO_DEPENDENT_REMEDIATIONS,
      customerStandbyStream: true,
      customerAutomaticFailover: true,
    };
    expect(customerEdge(both)).toBe(false);
    expect(blastRadius(activeDependencies(both), "kinesis").map((x) => x.service)).not.toContain("customer");
  });

  const remediationsArb = fc
    .array(fc.boolean(), {
      minLength: DEPENDENT_REMEDIATION_NAMES.length,
      maxLength: DEPENDENT_REMEDIATION_NAMES.length,
    })
    .map(
      (on) =>
        Object.fromEntries(
          DEPENDENT_REMEDIATION_NAMES.map((n, i) => [n, on[i] ?? false]),
        ) as DependentRemediations,
    );

  fcTest.prop({ r: remediationsArb })(
    "an edge stays exactly when its cut is empty or some remediation of its cut is off",
    ({ r }) => {
      for (const d of DEPENDENCIES)
        expect(activeDependencies(r).includes(d)).toBe(d.cutBy.length === 0 || d.cutBy.some((n) => !r[n]));
    },
  );
});
