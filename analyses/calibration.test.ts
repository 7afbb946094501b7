// The day's replay, calibrated on three events of the record, predicts the others within the tolerances
// stated in analyses/calibration.ts. The calibrated events are deliberately not asserted here: they would only
// check the fit's arithmetic.
import { describe, expect, test } from "vitest";
import {
  CALIBRATIONS,
  calibrate,
  DAY_SETUP,
  deviations,
  differenceMinutes,
  RECORD_EVENTS,
  runDay,
} from "./calibration.ts";
import { unknownParameter } from "./unknowns.ts";

const { setup, fitted } = calibrate();
const rows = deviations(setup);

describe("calibration of the day's replay", () => {
  test("fewer events are fitted than predicted, one event per fitted parameter, and only unbounded parameters are fitted", () => {
    const used = RECORD_EVENTS.filter((e) => e.use === "calibration").map((e) => e.id);
    expect(CALIBRATIONS.map((c) => c.event).sort()).toEqual([...used].sort());
    expect(new Set(CALIBRATIONS.map((c) => c.parameter)).size).toBe(CALIBRATIONS.length);
    expect(used.length).toBeLessThan(RECORD_EVENTS.filter((e) => e.use === "prediction").length);
    expect(fitted.map((f) => f.parameter)).toEqual(["lambdaBuffer", "cognitoBuffer", "bootstrapTime"]);
  });

  test.each(rows.filter((r) => r.event.use === "prediction").map((r) => [r.event.id, r] as const))(
    "prediction %s lands within its stated tolerance of the record",
    (_, r) => {
      expect(r.differenceMinutes).toBeDefined();
      expect(Math.abs(r.differenceMinutes ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(
        r.event.toleranceMinutes ?? 0,
      );
    },
  );

  test("every prediction states its tolerance; the misses beyond half an hour say why", () => {
    for (const r of rows.filter((x) => x.event.use === "prediction")) {
      expect(r.event.toleranceMinutes, r.event.id).toBeDefined();
      if (Math.abs(r.differenceMinutes ?? 0) > 30) expect(r.event.why, r.event.id).toBeDefined();
    }
  });

  test("the fit's premise: each fitted event comes later as its parameter grows (checked at the ends of its range)", () => {
    for (const c of CALIBRATIONS) {
      const p = unknownParameter(c.parameter);
      const e = RECORD_EVENTS.find((x) => x.id === c.event);
      if (e === undefined) throw new Error(c.event);
      const at = (v: number) => differenceMinutes(runDay(p.set(DAY_SETUP, v)), e) ?? Number.POSITIVE_INFINITY;
      const [lo, hi] = p.range;
      expect(at(lo), c.parameter).toBeLessThan(0);
      expect(at(hi), c.parameter).toBeGreaterThan(0);
    }
  });
});
