// LambdaUnaffectedByCloudWatch (L1, R11) on the Lambda host's own steps (lambdaTick, functionInvoked) from the
// as-was numbers: a failed invocation is never forgiven, and the near miss is the metric buffer's fill.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import {
  functionInvoked,
  initialLambda,
  type LambdaState,
  lambdaTick,
} from "../../model/dependents/lambda.ts";
import { accepted, downFor, systemWith } from "../../test/dependents.ts";
import { lambdaUnaffected } from "./lambdaUnaffected.ts";

/** The Lambda host after ticks with CloudWatch's availability `ups[i]`. */
const lambdaAfter = (config: SystemConfig, ups: ReadonlyArray<boolean>, from: LambdaState = initialLambda) =>
  ups.reduce((l, up) => lambdaTick(config, l, up).next, from);

describe("LambdaUnaffectedByCloudWatch (L1, R11)", () => {
  const threshold = asWasSystem.dependents.lambda.memoryThresholdUnits;

  test("an invocation that failed under memory contention stays a violation after CloudWatch recovers and the buffer flushes", () => {
    const contended = lambdaAfter(asWasSystem, downFor(threshold + 1));
    const failed = accepted(functionInvoked(asWasSystem, contended));
    const recovered = lambdaTick(asWasSystem, failed, true).next;
    expect(recovered.metricBuffer).toBe(0);
    expect(recovered.failedInvocations).toBe(1);
    const v = lambdaUnaffected.check(asWasSystem, systemWith(asWasSystem, { lambda: recovered }));
    expect(O.toUndefined(v)?.invariant).toBe("LambdaUnaffectedByCloudWatch");
  });

  test("closeness is the buffer as a fraction of the threshold: 6 of 12 units is 0.5", () => {
    const l = lambdaAfter(asWasSystem, downFor(6));
    expect(l.metricBuffer).toBe(6);
    expect(lambdaUnaffected.closeness(asWasSystem, systemWith(asWasSystem, { lambda: l }))).toBe(
      6 / threshold,
    );
    expect(lambdaUnaffected.check(asWasSystem, systemWith(asWasSystem, { lambda: l }))).toEqual(O.none);
  });
});
