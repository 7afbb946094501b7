// EC2 AutoScaling's reaction to a load change (domain.md A1: `asg.canReact = cw.metricsAvailable`; seed 000's
// 9:52 AM SHD post). Written for issue 7: StrykerJS showed the reaction count was never checked exactly.

import { describe, expect, test } from "vitest";
import { accepted } from "../../test/dependents.ts";
import { autoscalingTick, initialAutoScaling, loadChanged, scalingDelay } from "./autoscaling.ts";

describe("autoscalingTick (A1)", () => {
  test("a load change at t=4 waits while metrics are unreadable, then is acted on once: reactions 0 → 1", () => {
    const pending = accepted(loadChanged(initialAutoScaling, 4));
    const stuck = autoscalingTick(autoscalingTick(pending, false), false);
    expect(stuck).toEqual({ pendingSince: 4, reactions: 0 });
    expect(scalingDelay(stuck, 6)).toBe(2);
    const acted = autoscalingTick(stuck, true);
    expect(acted).toEqual({ pendingSince: null, reactions: 1 });
    expect(autoscalingTick(accepted(loadChanged(acted, 9)), true)).toEqual({
      pendingSince: null,
      reactions: 2,
    });
  });

  test("with readable metrics and no load change pending, nothing is acted on", () => {
    expect(autoscalingTick(initialAutoScaling, true)).toEqual({ pendingSince: null, reactions: 0 });
    expect(autoscalingTick({ pendingSince: null, reactions: 5 }, true)).toEqual({
      pendingSince: null,
      reactions: 5,
    });
  });
});
