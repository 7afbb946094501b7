// CloudWatchLosesNoDatapoint (W1, R10) on CloudWatch's own tick (cloudwatchTick) from the as-was numbers: the
// horizon is inclusive, the local store keeps it, what falls past it is lost (R10's own limit), and the near miss
// is the current impairment's length.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import { withDependentRemediations } from "../../model/dependents/config.ts";
import { cloudwatchAfter, downFor, systemWith } from "../../test/dependents.ts";
import { cloudwatchLosesNoDatapoint } from "./cloudwatchLosesNoDatapoint.ts";

describe("CloudWatchLosesNoDatapoint (W1, R10)", () => {
  const horizon = asWasSystem.dependents.cloudwatch.localBufferTicks;

  test("as-was, an impairment exactly as long as the horizon loses datapoints: a violation (the horizon is inclusive)", () => {
    const c = cloudwatchAfter(asWasSystem, downFor(horizon));
    expect(c.longestImpairment).toBe(horizon);
    expect(c.lost).toBe(horizon * asWasSystem.dependents.cloudwatch.datapointsPerTick);
    const v = cloudwatchLosesNoDatapoint.check(asWasSystem, systemWith(asWasSystem, { cloudwatch: c }));
    expect(O.toUndefined(v)?.invariant).toBe("CloudWatchLosesNoDatapoint");
  });

  test("with the local store (R10), the same impairment loses nothing; one tick longer loses what falls past the horizon, a violation (R10's own limit)", () => {
    const fixed = withDependentRemediations(asWasSystem, ["cloudwatchLocalBuffer"]);
    const atHorizon = cloudwatchAfter(fixed, downFor(horizon));
    expect(atHorizon.lost).toBe(0);
    expect(cloudwatchLosesNoDatapoint.check(fixed, systemWith(fixed, { cloudwatch: atHorizon }))).toEqual(
      O.none,
    );
    const longer = cloudwatchAfter(fixed, downFor(horizon + 1));
    expect(longer.lost).toBe(asWasSystem.dependents.cloudwatch.datapointsPerTick);
    const v = cloudwatchLosesNoDatapoint.check(fixed, systemWith(fixed, { cloudwatch: longer }));
    expect(O.toUndefined(v)?.message).toBe(
      "1 CloudWatch datapoint(s) lost in an impairment of 37 tick(s), past the 36-tick horizon of the local store (R10's own limit)",
    );
  });

  test("closeness is the current impairment as a fraction of the horizon: 9 of 36 ticks is 0.25", () => {
    const c = cloudwatchAfter(asWasSystem, downFor(9));
    expect(
      cloudwatchLosesNoDatapoint.closeness(asWasSystem, systemWith(asWasSystem, { cloudwatch: c })),
    ).toBe(9 / horizon);
  });
});
