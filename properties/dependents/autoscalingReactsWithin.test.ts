// AutoScalingReactsWithin (A1) on a worked trace of the as-was system during the outage: the near miss is the
// wait of a load change for CloudWatch metrics as a fraction of N, and the violation names the wait.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import type { SystemOp, SystemState } from "../../model/system.ts";
import { kinesisDown, systemTicks } from "../../test/dependents.ts";
import { appliedSystem } from "../../test/trace.ts";
import { autoscalingReactsWithin } from "./autoscalingReactsWithin.ts";

/** Applies `ops` to `from` with the real `systemStep`; every op must be enabled. */
const run = (ops: ReadonlyArray<SystemOp>, from: SystemState): SystemState =>
  appliedSystem(asWasSystem, ops, from);

describe("AutoScalingReactsWithin (A1; as-was N = 3 ticks)", () => {
  test("a load change at t=0 with CloudWatch's metrics unreadable: closeness 2/3 at t=2, violated at t=4", () => {
    const atTwo = run([{ type: "loadChanged" }, ...systemTicks(2)], kinesisDown);
    expect(autoscalingReactsWithin.closeness(asWasSystem, atTwo)).toBe(2 / 3);
    expect(O.isNone(autoscalingReactsWithin.check(asWasSystem, atTwo))).toBe(true);
    const atFour = run(systemTicks(2), atTwo);
    expect(autoscalingReactsWithin.closeness(asWasSystem, atFour)).toBe(4 / 3);
    expect(O.toUndefined(autoscalingReactsWithin.check(asWasSystem, atFour))?.message).toBe(
      "a load change has waited 4 ticks for CloudWatch metrics, more than 3",
    );
  });

  test("with N = 0 the closeness is the wait itself (no division by zero)", () => {
    const config: SystemConfig = {
      ...asWasSystem,
      dependents: { ...asWasSystem.dependents, autoscaling: { reactWithinTicks: 0 } },
    };
    const s = run([{ type: "loadChanged" }, ...systemTicks(2)], kinesisDown);
    expect(autoscalingReactsWithin.closeness(config, s)).toBe(2);
  });
});
