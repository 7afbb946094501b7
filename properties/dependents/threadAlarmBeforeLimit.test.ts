// ThreadAlarmBeforeLimit (R2, K10) on the system's own steps: as-was's crossing is silent (no thread alarm);
// with the alarm at α = 90 % on a fleet with headroom, a crossing inside one metric period is silent, and one
// with a sample in between is not.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import type { SystemOp } from "../../model/system.ts";
import { headroom, withThreadAlarm } from "../../test/alarms.ts";
import { kinesisDown } from "../../test/dependents.ts";
import { appliedSystem } from "../../test/trace.ts";
import { threadAlarmBeforeLimit } from "./threadAlarmBeforeLimit.ts";

const learned = (frontend: number, times: number): ReadonlyArray<SystemOp> =>
  Array.from({ length: times }, () => ({ type: "peerLearned", frontend }) as const);

const message = (config: Parameters<typeof threadAlarmBeforeLimit.check>[0], ops: ReadonlyArray<SystemOp>) =>
  O.toUndefined(threadAlarmBeforeLimit.check(config, appliedSystem(config, ops)))?.message;

describe("ThreadAlarmBeforeLimit (R2)", () => {
  test("as-was: the crossing is silent because no thread alarm exists (K10)", () => {
    const m = O.toUndefined(threadAlarmBeforeLimit.check(asWasSystem, kinesisDown))?.message;
    expect(m).toContain("needs 12 threads, over the OS limit of 11");
    expect(m).toContain("no thread alarm exists (K10)");
  });

  test("as-was with the alarm at 90 %: raised at rest (11 of 11), so the same crossing is not silent", () => {
    const config = withThreadAlarm(asWasSystem, 90);
    expect(message(config, [{ type: "capacityAdded", count: 1 }, ...learned(0, 1)])).toBeUndefined();
  });

  test("headroom, α = 90 %: three peers learned inside one period pass the limit silently", () => {
    const config = withThreadAlarm(headroom, 90);
    const m = message(config, [{ type: "capacityAdded", count: 3 }, ...learned(0, 3)]);
    expect(m).toContain("frontend-0 needs 14 threads, over the OS limit of 13");
    expect(m).toContain("has not fired");
  });

  test("headroom, α = 90 %: a sample at 12 of 13 threads raises the alarm before the crossing", () => {
    const config = withThreadAlarm(headroom, 90);
    const ops: ReadonlyArray<SystemOp> = [
      { type: "capacityAdded", count: 3 },
      ...learned(0, 1),
      { type: "tick" },
      ...learned(0, 2),
    ];
    expect(message(config, ops)).toBeUndefined();
  });

  test("closeness: 1 on the edge (11 of 11 at rest), 0 once the alarm has fired", () => {
    const rest = appliedSystem(asWasSystem, []);
    expect(threadAlarmBeforeLimit.closeness(asWasSystem, rest)).toBe(1);
    const config = withThreadAlarm(asWasSystem, 90);
    expect(threadAlarmBeforeLimit.closeness(config, appliedSystem(config, []))).toBe(0);
  });
});
