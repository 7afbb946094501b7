import { describe, expect, test } from "vitest";
import { sometimesOfExplorations } from "../../checker/verify/sometimes.ts";
import { withAllRemediations } from "../../model/config.ts";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import { smallSystem } from "../../model/configs/smallDependents.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type SystemConfig,
  withDependentRemediations,
} from "../../model/dependents/config.ts";
import { systemSpec } from "../system.ts";

/** verify's default bounds. */
const bounds = { maxDepth: 100, maxStates: 50_000 };

const runs: ReadonlyArray<readonly [string, SystemConfig]> = [
  ["small-system", smallSystem],
  ["the as-was system", asWasSystem],
  [
    "the as-was system with every remediation",
    withDependentRemediations(
      { ...withAllRemediations(asWasSystem), dependents: asWasSystem.dependents },
      DEPENDENT_REMEDIATION_NAMES,
    ),
  ],
];

describe("the system's non-vacuity properties", () => {
  test.each(runs)("are all reached in every invariant's exploration on %s", (_name, config) => {
    const r = sometimesOfExplorations(systemSpec, config, bounds, systemSpec.invariants);
    expect(new Set(r.map((p) => p.invariant))).toEqual(new Set(systemSpec.invariants.map((i) => i.name)));
    expect(r.filter((p) => !p.reached).map((p) => `${p.invariant}: ${p.name}`)).toEqual([]);
  });

  test("an exploration expects only the dependent events of its own cone", () => {
    const r = sometimesOfExplorations(systemSpec, smallSystem, bounds, systemSpec.invariants);
    const of = (inv: string) => r.filter((p) => p.invariant === inv).map((p) => p.name);
    expect(of("CognitoNeverBlocksOnKinesisBuffer")).toContain("AuthRequestedTaken");
    expect(of("CognitoNeverBlocksOnKinesisBuffer")).not.toContain("FunctionInvokedTaken");
    expect(of("LambdaUnaffectedByCloudWatch")).toEqual([
      "KinesisImpaired",
      "KinesisRecovered",
      "FunctionInvokedTaken",
    ]);
  });
});
