// NoRecoverySetback (K11, K15, MP8) on the system's own steps from the as-was numbers: it breaks exactly when the
// health check sets a frontend back, and its near miss is the busiest serving frontend's load against what the
// health check allows.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import { initialSystemState } from "../../model/system.ts";
import { appliedSystem } from "../../test/trace.ts";
import { noRecoverySetback } from "./noRecoverySetback.ts";

const restarted = (positions: ReadonlyArray<number>) =>
  positions.map((frontend) => ({ type: "frontendRestarted", frontend }) as const);

describe("NoRecoverySetback (K11, MP8)", () => {
  test("holds at rest, 55 % of the way to the health check's threshold (44 requests over 8 frontends of 10)", () => {
    const s = initialSystemState(asWasSystem);
    expect(O.isNone(noRecoverySetback.check(asWasSystem, s))).toBe(true);
    expect(noRecoverySetback.closeness(asWasSystem, s)).toBeCloseTo(0.55, 10);
  });

  test("a slow frontend alone does not break it: the setback is the health check acting on it", () => {
    const slow = appliedSystem(asWasSystem, restarted([0, 1, 2]));
    expect(O.isNone(noRecoverySetback.check(asWasSystem, slow))).toBe(true);
    expect(noRecoverySetback.closeness(asWasSystem, slow)).toBeGreaterThan(1);
    const setBack = appliedSystem(asWasSystem, [{ type: "frontendJudgedUnhealthy", frontend: 3 }], slow);
    expect(O.toUndefined(noRecoverySetback.check(asWasSystem, setBack))?.message).toContain(
      "judged 1 slow frontend",
    );
  });
});
