// PartitionWithinThreadLimit (R6's own limit, K5/K7/K8): holds trivially without R6 or without a partition
// section; with R6 on as-was, the third addition to CloudWatch's partition (10 frontends, 13 threads each of
// 11) breaks it; closeness is the threads needed over the limit.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import { withDependentRemediations } from "../../model/dependents/config.ts";
import { initialSystemState, type SystemOp } from "../../model/system.ts";
import { appliedSystem } from "../../test/trace.ts";
import { partitionWithinThreadLimit } from "./partitionWithinThreadLimit.ts";

const r6 = withDependentRemediations(asWasSystem, ["cloudwatchPartitionedFleet"]);
const grow: SystemOp = { type: "partitionCapacityAdded" };

describe("PartitionWithinThreadLimit (R6's own limit)", () => {
  test("holds at the start, 7 of 11 threads", () => {
    const s = initialSystemState(r6);
    expect(O.isNone(partitionWithinThreadLimit.check(r6, s))).toBe(true);
    expect(partitionWithinThreadLimit.closeness(r6, s)).toBeCloseTo(7 / 11, 10);
  });

  test("holds at the edge: 8 frontends need 11 threads, exactly the limit", () => {
    const s = appliedSystem(r6, [grow, grow]);
    expect(O.isNone(partitionWithinThreadLimit.check(r6, s))).toBe(true);
    expect(partitionWithinThreadLimit.closeness(r6, s)).toBe(1);
  });

  test("the third addition breaks it, with the main fleet healthy", () => {
    const v = partitionWithinThreadLimit.check(r6, appliedSystem(r6, [grow, grow, grow]));
    expect(O.toUndefined(v)?.message).toBe(
      "CloudWatch's partition has 10 frontends, each needing 13 threads, over the OS limit of 11: its shard-maps are useless and CloudWatch's ingest fails although the main fleet is healthy",
    );
  });

  test("holds trivially without R6, even on a state whose partition is over the limit", () => {
    const over = appliedSystem(r6, [grow, grow, grow]);
    expect(O.isNone(partitionWithinThreadLimit.check(asWasSystem, over))).toBe(true);
    expect(partitionWithinThreadLimit.closeness(asWasSystem, over)).toBe(0);
  });
});
