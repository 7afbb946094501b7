// Tests for Lambda's metric agent (domain.md L1, R11; seeds 001, 003), aimed at the mutants StrykerJS left
// alive in model/dependents/lambda.ts (issue 7): exact worked examples of the bounded and unbounded buffer,
// the effects a step returns, and the conservation of metric units over any CloudWatch availability pattern.
// Not killed, because equivalent: `grown > bound` → `grown >= bound` (at grown === bound both branches give the
// same state and the same effects; the Dropped effect of count 0 is filtered by `stepped`).

import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { accepted } from "../../test/dependents.ts";
import { asWasSystem } from "../configs/asWasDependents.ts";
import { type SystemConfig, withDependentRemediations } from "./config.ts";
import { functionInvoked, initialLambda, type LambdaState, lambdaTick } from "./lambda.ts";

/** ILLUSTRATIVE: 5 units a tick against a 12-unit threshold, so a tick can overshoot the bound by a part. */
const lambdaConfig = (
  metricUnitsPerTick: number,
  memoryThresholdUnits: number,
  bounded: boolean,
): SystemConfig => {
  const base: SystemConfig = {
    ...asWasSystem,
    dependents: { ...asWasSystem.dependents, lambda: { metricUnitsPerTick, memoryThresholdUnits } },
  };
  return bounded ? withDependentRemediations(base, ["lambdaBoundedMetricBuffer"]) : base;
};

describe("lambdaTick (L1, R11)", () => {
  test("CloudWatch accepting puts flushes the whole buffer and says so (L1)", () => {
    const l: LambdaState = { ...initialLambda, metricBuffer: 7, droppedMetrics: 2 };
    expect(lambdaTick(asWasSystem, l, true)).toEqual({
      next: { ...l, metricBuffer: 0 },
      effects: [{ _tag: "Drained", service: "lambda", count: 7 }],
    });
  });

  test("as-was, the buffer grows by a tick's units past the threshold (L1: nothing bounds it)", () => {
    const config = lambdaConfig(5, 12, false);
    const steps = [1, 2, 3, 4].reduce<ReadonlyArray<ReturnType<typeof lambdaTick>>>(
      (acc) => [...acc, lambdaTick(config, acc.at(-1)?.next ?? initialLambda, false)],
      [],
    );
    expect(steps.map((s) => s.next.metricBuffer)).toEqual([5, 10, 15, 20]);
    expect(steps.map((s) => s.next.droppedMetrics)).toEqual([0, 0, 0, 0]);
    for (const s of steps) expect(s.effects).toEqual([{ _tag: "Buffered", service: "lambda", count: 5 }]);
  });

  test("R11: the bounded buffer keeps what fits, drops exactly the overshoot, and says both", () => {
    const config = lambdaConfig(5, 12, true);
    const t1 = lambdaTick(config, initialLambda, false);
    // Under the bound the bounded buffer behaves like the unbounded one.
    expect(t1).toEqual({
      next: { ...initialLambda, metricBuffer: 5 },
      effects: [{ _tag: "Buffered", service: "lambda", count: 5 }],
    });
    const t2 = lambdaTick(config, t1.next, false);
    expect(t2.next).toEqual({ ...initialLambda, metricBuffer: 10 });
    // 10 + 5 = 15 > 12: 2 units fit, 3 are dropped.
    const t3 = lambdaTick(config, t2.next, false);
    expect(t3).toEqual({
      next: { ...initialLambda, metricBuffer: 12, droppedMetrics: 3 },
      effects: [
        { _tag: "Buffered", service: "lambda", count: 2 },
        { _tag: "Dropped", service: "lambda", count: 3 },
      ],
    });
    // Full: the whole tick is dropped, and the earlier drops are kept in the count.
    const t4 = lambdaTick(config, t3.next, false);
    expect(t4).toEqual({
      next: { ...initialLambda, metricBuffer: 12, droppedMetrics: 8 },
      effects: [{ _tag: "Dropped", service: "lambda", count: 5 }],
    });
  });

  test.prop({
    units: fc.integer({ min: 1, max: 6 }),
    bound: fc.integer({ min: 1, max: 20 }),
    bounded: fc.boolean(),
    ups: fc.array(fc.boolean(), { maxLength: 60 }),
  })(
    "conservation: every unit produced while CloudWatch is down is in the buffer, flushed, or counted as dropped, and the effects say which",
    ({ units, bound, bounded, ups }) => {
      const config = lambdaConfig(units, bound, bounded);
      let l = initialLambda;
      const sums = { Buffered: 0, Drained: 0, Dropped: 0, Lost: 0 };
      for (const up of ups) {
        const r = lambdaTick(config, l, up);
        for (const e of r.effects) {
          expect(e.service).toBe("lambda");
          if ("count" in e) sums[e._tag as keyof typeof sums] += e.count;
        }
        l = r.next;
        if (bounded) expect(l.metricBuffer).toBeLessThanOrEqual(bound);
      }
      const produced = ups.filter((up) => !up).length * units;
      expect(l.metricBuffer + sums.Drained + l.droppedMetrics).toBe(produced);
      expect(sums.Buffered - sums.Drained).toBe(l.metricBuffer);
      expect(sums.Dropped).toBe(l.droppedMetrics);
      expect(sums.Buffered + sums.Dropped).toBe(produced);
      if (!bounded) expect(l.droppedMetrics).toBe(0);
    },
  );
});

describe("functionInvoked (L1)", () => {
  const l: LambdaState = { metricBuffer: 0, droppedMetrics: 0, failedInvocations: 2, invocations: 3 };

  test("without memory contention an invocation runs: one more invocation, no more failures", () => {
    expect(accepted(functionInvoked(asWasSystem, l))).toEqual({ ...l, invocations: 4 });
  });

  test("over the memory threshold an invocation fails: one more failure, no more runs (L1, 06:15)", () => {
    const contended = { ...l, metricBuffer: asWasSystem.dependents.lambda.memoryThresholdUnits + 1 };
    expect(accepted(functionInvoked(asWasSystem, contended))).toEqual({ ...contended, failedInvocations: 3 });
    // At the threshold exactly the host is not yet contended.
    const atThreshold = { ...l, metricBuffer: asWasSystem.dependents.lambda.memoryThresholdUnits };
    expect(accepted(functionInvoked(asWasSystem, atThreshold))).toEqual({ ...atThreshold, invocations: 4 });
  });
});
