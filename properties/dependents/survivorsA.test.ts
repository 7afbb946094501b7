// Tests aimed at the mutants StrykerJS left alive in properties/dependents (issue 7): LambdaUnaffectedByCloudWatch
// (L1, R11, MP9), CloudWatchLosesNoDatapoint (W1, R10) and AlarmsHaveData (W1). Dependent states are reached with
// the model's own steps (lambdaTick, functionInvoked, cloudwatchTick) from the initial system state.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/dependents/asWas.ts";
import {
  type CloudWatchState,
  cloudwatchTick,
  initialCloudWatch,
} from "../../model/dependents/cloudwatch.ts";
import { type SystemConfig, withDependentRemediations } from "../../model/dependents/config.ts";
import {
  functionInvoked,
  initialLambda,
  type LambdaState,
  lambdaTick,
} from "../../model/dependents/lambda.ts";
import { type Dependents, initialSystemState, type SystemState } from "../../model/system.ts";
import { alarmsHaveData } from "./alarmsHaveData.ts";
import { cloudwatchLosesNoDatapoint } from "./cloudwatchLosesNoDatapoint.ts";
import { lambdaUnaffected } from "./lambdaUnaffected.ts";

const system = (config: SystemConfig, d: Partial<Dependents>): SystemState => {
  const s = initialSystemState(config);
  return { ...s, dependents: { ...s.dependents, ...d } };
};

const lambdaAfter = (config: SystemConfig, ups: ReadonlyArray<boolean>, from: LambdaState = initialLambda) =>
  ups.reduce((l, up) => lambdaTick(config, l, up).next, from);

const cloudwatchAfter = (
  config: SystemConfig,
  ups: ReadonlyArray<boolean>,
  from: CloudWatchState = initialCloudWatch,
) => ups.reduce((c, up) => cloudwatchTick(config, c, up).next, from);

const down = (n: number): ReadonlyArray<boolean> => Array.from({ length: n }, () => false);

describe("LambdaUnaffectedByCloudWatch (L1, R11)", () => {
  const threshold = asWasSystem.dependents.lambda.memoryThresholdUnits;

  test("an invocation that failed under memory contention stays a violation after CloudWatch recovers and the buffer flushes", () => {
    const contended = lambdaAfter(asWasSystem, down(threshold + 1));
    const failed = functionInvoked(asWasSystem, contended);
    const recovered = lambdaTick(asWasSystem, failed, true).next;
    expect(recovered.metricBuffer).toBe(0);
    expect(recovered.failedInvocations).toBe(1);
    const v = lambdaUnaffected.check(asWasSystem, system(asWasSystem, { lambda: recovered }));
    expect(O.toUndefined(v)?.invariant).toBe("LambdaUnaffectedByCloudWatch");
  });

  test("closeness is the buffer as a fraction of the threshold: 6 of 12 units is 0.5", () => {
    const l = lambdaAfter(asWasSystem, down(6));
    expect(l.metricBuffer).toBe(6);
    expect(lambdaUnaffected.closeness(asWasSystem, system(asWasSystem, { lambda: l }))).toBe(6 / threshold);
    expect(lambdaUnaffected.check(asWasSystem, system(asWasSystem, { lambda: l }))).toEqual(O.none);
  });
});

describe("CloudWatchLosesNoDatapoint (W1, R10)", () => {
  const horizon = asWasSystem.dependents.cloudwatch.localBufferTicks;

  test("as-was, an impairment exactly as long as the horizon loses datapoints: a violation (the horizon is inclusive)", () => {
    const c = cloudwatchAfter(asWasSystem, down(horizon));
    expect(c.longestImpairment).toBe(horizon);
    expect(c.lost).toBe(horizon * asWasSystem.dependents.cloudwatch.datapointsPerTick);
    const v = cloudwatchLosesNoDatapoint.check(asWasSystem, system(asWasSystem, { cloudwatch: c }));
    expect(O.toUndefined(v)?.invariant).toBe("CloudWatchLosesNoDatapoint");
  });

  test("with the local store (R10), the same impairment loses nothing; one tick longer is outside what R10 promises", () => {
    const fixed = withDependentRemediations(asWasSystem, ["cloudwatchLocalBuffer"]);
    const atHorizon = cloudwatchAfter(fixed, down(horizon));
    expect(atHorizon.lost).toBe(0);
    expect(cloudwatchLosesNoDatapoint.check(fixed, system(fixed, { cloudwatch: atHorizon }))).toEqual(O.none);
    const longer = cloudwatchAfter(fixed, down(horizon + 1));
    expect(longer.lost).toBeGreaterThan(0);
    expect(cloudwatchLosesNoDatapoint.check(fixed, system(fixed, { cloudwatch: longer }))).toEqual(O.none);
  });

  test("closeness is the current impairment as a fraction of the horizon: 9 of 36 ticks is 0.25", () => {
    const c = cloudwatchAfter(asWasSystem, down(9));
    expect(cloudwatchLosesNoDatapoint.closeness(asWasSystem, system(asWasSystem, { cloudwatch: c }))).toBe(
      9 / horizon,
    );
  });
});

describe("AlarmsHaveData (W1)", () => {
  test("closeness is the ticks without readable data as a fraction of the alarm's period: 2 of 4 is 0.5", () => {
    // ILLUSTRATIVE: alarms that wait 4 ticks (as-was waits 1, where dividing and multiplying by it agree).
    const config: SystemConfig = {
      ...asWasSystem,
      dependents: {
        ...asWasSystem.dependents,
        cloudwatch: { ...asWasSystem.dependents.cloudwatch, alarmMissingTicks: 4 },
      },
    };
    const c = cloudwatchAfter(config, down(2));
    expect(c.sinceReadable).toBe(2);
    expect(c.alarm).toBe("OK");
    expect(alarmsHaveData.closeness(config, system(config, { cloudwatch: c }))).toBe(0.5);
  });
});
