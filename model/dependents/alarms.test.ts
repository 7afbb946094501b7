// The alarms (K9, K10, R2) on the system's own steps: the error alarm fires on the first tick Kinesis fails
// its dependents; the thread alarm is sampled on the tick, at α % of the OS limit, only while CloudWatch can read
// the thread metric, and is raised at the start when the fleet at rest is already at its level.
import { describe, expect, test } from "vitest";
import { headroom, withThreadAlarm } from "../../test/alarms.ts";
import { kinesisDown, systemTicks } from "../../test/dependents.ts";
import { appliedSystem } from "../../test/trace.ts";
import { asWasSystem } from "../configs/asWasDependents.ts";
import { initialSystemState, type SystemOp } from "../system.ts";
import { withDependentRemediations } from "./config.ts";

const learned = (frontend: number, times: number): ReadonlyArray<SystemOp> =>
  Array.from({ length: times }, () => ({ type: "peerLearned", frontend }) as const);

describe("the error alarm (K9)", () => {
  test("fires on the first tick at which Kinesis fails its dependents, and keeps that tick", () => {
    expect(kinesisDown.dependents.alarms.errorAlarmAt).toBeNull();
    const later = appliedSystem(asWasSystem, systemTicks(3), kinesisDown);
    expect(later.dependents.alarms.errorAlarmAt).toBe(1);
  });

  test("does not fire while Kinesis serves its dependents", () => {
    expect(appliedSystem(asWasSystem, systemTicks(5)).dependents.alarms.errorAlarmAt).toBeNull();
  });
});

describe("the thread alarm (K10, R2)", () => {
  test("as-was has none (K10): it never fires, even past the limit", () => {
    expect(
      appliedSystem(asWasSystem, systemTicks(2), kinesisDown).dependents.alarms.threadAlarmAt,
    ).toBeNull();
  });

  test("on the as-was fleet, which holds 11 of 11 threads at rest, it is raised at the start for α = 100 %", () => {
    expect(initialSystemState(withThreadAlarm(asWasSystem, 100)).dependents.alarms.threadAlarmAt).toBe(0);
  });

  test("with headroom (11 of 13 threads at rest) it is not raised at the start for α = 90 % (threshold 11.7)", () => {
    expect(initialSystemState(withThreadAlarm(headroom, 90)).dependents.alarms.threadAlarmAt).toBeNull();
    expect(initialSystemState(withThreadAlarm(headroom, 84)).dependents.alarms.threadAlarmAt).toBe(0);
  });

  test("fires on the tick after a frontend reaches α % of the limit, not on the step itself (a metric period)", () => {
    const config = withThreadAlarm(headroom, 90);
    const at12 = appliedSystem(config, [{ type: "capacityAdded", count: 1 }, ...learned(0, 1)]);
    expect(at12.dependents.alarms.threadAlarmAt).toBeNull();
    const sampled = appliedSystem(config, systemTicks(1), at12);
    expect(sampled.dependents.alarms.threadAlarmAt).toBe(1);
  });

  test("cannot fire while CloudWatch cannot read the metric (W1), and can with R6's partition", () => {
    // Every frontend of the headroom fleet learns of 3 added servers: 13 of 13 threads, then one more passes.
    const ops: ReadonlyArray<SystemOp> = [
      { type: "capacityAdded", count: 4 },
      ...Array.from({ length: 8 }, (_, f) => learned(f, 3)).flat(),
      ...learned(0, 1),
      ...systemTicks(2),
    ];
    const config = withThreadAlarm(headroom, 90);
    const down = appliedSystem(config, ops);
    expect(down.dependents.alarms.errorAlarmAt).toBe(1);
    expect(down.dependents.alarms.threadAlarmAt).toBeNull();
    const partitioned = withDependentRemediations(config, ["cloudwatchPartitionedFleet"]);
    expect(appliedSystem(partitioned, ops).dependents.alarms.threadAlarmAt).toBe(1);
  });
});
