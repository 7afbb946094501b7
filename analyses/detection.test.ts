// Time-to-detect and time-to-diagnose as replay outputs (K9, K10, R2): the as-was day's first alarm against the
// record's 05:15, its diagnosis taken from the record (not predicted), and R2's thread alarm bringing the
// diagnosis down to its own time.
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { NOV25 } from "../model/scenarios/nov25.ts";
import type { SystemOp } from "../model/system.ts";
import { headroom, withThreadAlarm } from "../test/alarms.ts";
import { DETECTION_RECORD, detection } from "./detection.ts";
import { detectionJson } from "./detectionText.ts";
import { runScenario } from "./scenario.ts";

const ticks = (n: number): ReadonlyArray<SystemOp> =>
  Array.from({ length: n }, () => ({ type: "tick" }) as const);

describe("detection on the as-was day (K9, K10)", () => {
  const r = runScenario(asWasSystem, NOV25);
  const j = detectionJson(r, NOV25.startMinute);

  test("the first alarm is the error alarm, within 30 minutes of the record's 05:15", () => {
    expect(j.firstAlarm?.by).toBe("error alarm");
    expect(Math.abs(j.firstAlarm?.differenceMinutes ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(30);
  });

  test("it comes after the thread limit was passed: the crossing was silent", () => {
    expect(r.detection.limitPassed).toBeLessThan(r.detection.firstAlarm?.tick ?? -1);
  });

  test("the diagnosis is taken from the record: the first alarm plus 4 h 24 m, to the nearest tick", () => {
    expect(j.diagnosis?.by).toBe("record");
    expect(j.minutesToDiagnose).toBe(Math.round(DETECTION_RECORD.diagnosisMinutes / 5) * 5);
  });
});

describe("detection with R2's thread alarm", () => {
  test("as-was at 90 %: raised at rest (11 of 11 threads), so the root cause is named before the first error", () => {
    const r = runScenario(withThreadAlarm(asWasSystem, 90), NOV25);
    expect(r.detection.diagnosis).toEqual({ tick: 0, by: "thread alarm" });
    expect(detectionJson(r, NOV25.startMinute).minutesToDiagnose).toBe(0);
  });

  test("with headroom, three servers added: the alarm fires on the next sample, one tick after the crossing", () => {
    const ops: ReadonlyArray<SystemOp> = [...ticks(13), { type: "capacityAdded", count: 3 }, ...ticks(40)];
    const r = runScenario(withThreadAlarm(headroom, 90), { name: "three", ops, notes: [], startMinute: 160 });
    expect(r.detection.limitPassed).toBe(13);
    expect(r.detection.diagnosis).toEqual({ tick: 14, by: "thread alarm" });
    expect(r.detection.firstAlarm?.by).toBe("thread alarm");
  });

  test("no alarm, no diagnosis; an error alarm alone gives the record's diagnosis", () => {
    expect(detection(5, undefined, { errorAlarmAt: null, threadAlarmAt: null }).diagnosis).toBeUndefined();
    expect(detection(5, 3, { errorAlarmAt: 10, threadAlarmAt: null }).diagnosis).toEqual({
      tick: 10 + 53,
      by: "record",
    });
  });
});
