// R6's own limit (model/dependents/partitionFleet.ts): CloudWatch's partition grows by the operators' additions,
// only with R6 on and within the plan; past its thread limit (K5/K7 inside the partition) CloudWatch's path to
// Kinesis is down however healthy the main fleet is, and the preflight guard refuses such an addition.
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { appliedSystem } from "../../test/trace.ts";
import { withRemediations } from "../config.ts";
import { asWasSystem } from "../configs/asWasDependents.ts";
import { initialSystemState, type SystemOp, systemStep } from "../system.ts";
import { type SystemConfig, withDependentRemediations } from "./config.ts";
import { cloudwatchKinesisAvailable, mainFleetAvailable } from "./kinesisHealth.ts";
import { partitionCapacityAdded, partitionThreads, partitionWithinLimit } from "./partitionFleet.ts";

const r6 = withDependentRemediations(asWasSystem, ["cloudwatchPartitionedFleet"]);
const grow: SystemOp = { type: "partitionCapacityAdded" };
const grown = (config: SystemConfig, n: number) => appliedSystem(config, Array(n).fill(grow));

describe("CloudWatch's partition (R6's own limit)", () => {
  test("as-was's partition starts at 4 frontends of 7 threads each, within its limit of 11", () => {
    const s = initialSystemState(r6).dependents.partition;
    expect(s.frontends).toBe(4);
    expect(partitionThreads(r6, s)).toBe(7);
    expect(partitionWithinLimit(r6, s)).toBe(true);
  });

  test("each addition adds 2 frontends and one thread per new peer: 6 (9 threads), 8 (11), 10 (13, over)", () => {
    expect([1, 2, 3].map((n) => partitionThreads(r6, grown(r6, n).dependents.partition))).toEqual([
      9, 11, 13,
    ]);
    expect(partitionWithinLimit(r6, grown(r6, 2).dependents.partition)).toBe(true);
    expect(partitionWithinLimit(r6, grown(r6, 3).dependents.partition)).toBe(false);
  });

  test("without R6 there is no partition to grow: the addition is refused", () => {
    const r = partitionCapacityAdded(asWasSystem, initialSystemState(asWasSystem).dependents.partition);
    expect(r).toMatchObject({ left: { _tag: "NotEnabled" } });
  });

  test("a config without dependents.partitionFleet models no limit: refused, and the partition is always within it", () => {
    const { partitionFleet: _, ...dependents } = r6.dependents;
    const config: SystemConfig = { ...r6, dependents };
    const s = initialSystemState(config);
    expect(E.isLeft(systemStep(config, s, grow))).toBe(true);
    expect(partitionWithinLimit(config, s.dependents.partition)).toBe(true);
  });

  test("the plan bounds the growth: a fourth addition (12 frontends) is refused past maxFrontends 10", () => {
    const r = systemStep(r6, grown(r6, 3), grow);
    expect(r).toMatchObject({ left: { _tag: "NotEnabled" } });
    expect(E.isLeft(r) && r.left.reason).toContain("past the plan's 10");
  });

  test("the preflight guard refuses the addition that would cross the limit, and allows the ones within it", () => {
    const guarded: SystemConfig = {
      ...r6,
      ...withRemediations(r6, ["preflightGuard"]),
      dependents: r6.dependents,
    };
    const s = grown(guarded, 2);
    expect(s.dependents.partition.frontends).toBe(8);
    expect(systemStep(guarded, s, grow)).toMatchObject({
      left: { _tag: "Prevented", remediation: "preflightGuard" },
    });
  });

  test("past its limit, CloudWatch's path is down although the main fleet is healthy (W1 through the partition)", () => {
    const s = grown(r6, 3);
    expect(mainFleetAvailable(r6, s.core)).toBe(true);
    expect(cloudwatchKinesisAvailable(r6, mainFleetAvailable(r6, s.core), s.dependents.partition)).toBe(
      false,
    );
    // Without R6 CloudWatch is on the main fleet, which is healthy: the partition does not matter.
    expect(
      cloudwatchKinesisAvailable(
        asWasSystem,
        mainFleetAvailable(asWasSystem, s.core),
        s.dependents.partition,
      ),
    ).toBe(true);
  });

  test("the next tick loses CloudWatch's datapoints, with the main fleet up", () => {
    const s = appliedSystem(r6, [grow, grow, grow, { type: "tick" }]);
    expect(s.dependents.cloudwatch.lost).toBeGreaterThan(0);
    expect(mainFleetAvailable(r6, s.core)).toBe(true);
  });
});
