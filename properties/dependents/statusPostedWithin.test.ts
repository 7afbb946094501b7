// StatusPostedWithin (H1, R12) on the dashboard's own step (statusPostStarted) from the as-was numbers: the
// near miss is the wait of the update in progress as a fraction of N, and the violation comes one tick past N.
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import { initialDashboard, statusPostStarted } from "../../model/dependents/dashboard.ts";
import { brokenName, nextOrUndefined, systemWith } from "../../test/dependents.ts";
import { statusPostedWithin } from "./statusPostedWithin.ts";

describe("StatusPostedWithin (H1, R12; as-was N = postWithinTicks = 3)", () => {
  test("closeness is the wait of the update in progress as a fraction of N: 2 ticks of 3, then 3 of 3", () => {
    const started = nextOrUndefined(statusPostStarted(initialDashboard, 10)) ?? initialDashboard;
    const at = (tick: number) => systemWith(asWasSystem, { dashboard: started }, tick);
    expect(statusPostedWithin.closeness(asWasSystem, at(12))).toBeCloseTo(2 / 3, 12);
    expect(statusPostedWithin.closeness(asWasSystem, at(13))).toBe(1);
    expect(brokenName(statusPostedWithin, asWasSystem, at(13))).toBeUndefined();
    expect(brokenName(statusPostedWithin, asWasSystem, at(14))).toBe("StatusPostedWithin");
    expect(statusPostedWithin.closeness(asWasSystem, systemWith(asWasSystem, {}, 12))).toBe(0);
  });
});
