// Tests for CloudWatch's ingest path, local store and alarms (domain.md W1, R10; seeds 001, 003), aimed at the
// mutants StrykerJS left alive in model/dependents/cloudwatch.ts (issue 7). The config numbers are ILLUSTRATIVE:
// 3 datapoints a tick (so a store of `ticks × datapoints` differs from `ticks / datapoints`), a 2-tick store
// (R10's 3 hours, scaled) and alarms that wait 3 ticks without data before INSUFFICIENT_DATA (W1).
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { asWasSystem } from "../configs/asWasDependents.ts";
import {
  acceptsPuts,
  type CloudWatchState,
  cloudwatchFailing,
  cloudwatchTick,
  initialCloudWatch,
} from "./cloudwatch.ts";
import { type SystemConfig, withDependentRemediations } from "./config.ts";
import type { Stepped } from "./effects.ts";

const cw = (
  datapointsPerTick: number,
  localBufferTicks: number,
  alarmMissingTicks: number,
): SystemConfig => ({
  ...asWasSystem,
  dependents: {
    ...asWasSystem.dependents,
    cloudwatch: { datapointsPerTick, localBufferTicks, alarmMissingTicks },
  },
});
const asWasLike = cw(3, 2, 3);
const withStore = withDependentRemediations(asWasLike, ["cloudwatchLocalBuffer"]);

/** The steps of `cloudwatchTick` over an availability pattern, from `from`. */
const run = (
  config: SystemConfig,
  ups: ReadonlyArray<boolean>,
  from: CloudWatchState = initialCloudWatch,
): ReadonlyArray<Stepped<CloudWatchState>> => {
  const steps: Stepped<CloudWatchState>[] = [];
  for (const up of ups) steps.push(cloudwatchTick(config, steps.at(-1)?.next ?? from, up));
  return steps;
};

describe("the local store (R10)", () => {
  test("holds `localBufferTicks × datapointsPerTick` datapoints, drops the overflow, and delivers the backlog once Kinesis is back", () => {
    const [t1, t2, t3, t4] = run(withStore, [false, false, false, true]);
    expect(t1).toEqual({
      next: { ...initialCloudWatch, backlog: 3, impairedFor: 1, longestImpairment: 1 },
      effects: [{ _tag: "Buffered", service: "cloudwatch", count: 3 }],
    });
    expect(t2?.next).toEqual({ ...initialCloudWatch, backlog: 6, impairedFor: 2, longestImpairment: 2 });
    // Room is 2 × 3 = 6: the third tick's 3 datapoints do not fit.
    expect(t3).toEqual({
      next: { ...initialCloudWatch, backlog: 6, lost: 3, impairedFor: 3, longestImpairment: 3 },
      effects: [
        { _tag: "Buffered", service: "cloudwatch", count: 3 },
        { _tag: "Dropped", service: "cloudwatch", count: 3 },
      ],
    });
    // Kinesis back: the 6 held and this tick's 3 are processed.
    expect(t4).toEqual({
      next: { ...initialCloudWatch, delivered: 9, lost: 3, longestImpairment: 3 },
      effects: [{ _tag: "Drained", service: "cloudwatch", count: 6 }],
    });
  });

  test("delivery adds the backlog and the tick's datapoints to what was already delivered", () => {
    const c: CloudWatchState = { ...initialCloudWatch, delivered: 10, backlog: 4, impairedFor: 2 };
    expect(cloudwatchTick(withStore, c, true).next).toEqual({ ...initialCloudWatch, delivered: 17 });
  });
});

describe("without the store (W1, as-was)", () => {
  test("each tick of outage loses its datapoints; alarms wait `alarmMissingTicks` before INSUFFICIENT_DATA", () => {
    const steps = run(asWasLike, [false, false, false, true]);
    expect(steps.map((s) => s.next.alarm)).toEqual(["OK", "OK", "INSUFFICIENT_DATA", "OK"]);
    expect(steps.map((s) => s.next.sinceReadable)).toEqual([1, 2, 3, 0]);
    expect(steps.map((s) => s.next.lost)).toEqual([3, 6, 9, 9]);
    for (const s of steps.slice(0, 3))
      expect(s.effects).toEqual([{ _tag: "Lost", service: "cloudwatch", count: 3 }]);
    expect(steps[3]?.effects).toEqual([]);
  });

  test("CloudWatch fails its users from the first tick of outage, before the alarms lose their data (W1: put errors)", () => {
    const [t1] = run(asWasLike, [false]);
    expect(t1?.next.alarm).toBe("OK");
    expect(acceptsPuts(asWasLike, t1?.next ?? initialCloudWatch)).toBe(false);
    expect(cloudwatchFailing(asWasLike, t1?.next ?? initialCloudWatch)).toBe(true);
  });

  test("alarms in INSUFFICIENT_DATA are a failure on their own, even when puts are accepted (W1)", () => {
    // A constructed state: in one config's runs INSUFFICIENT_DATA only comes with rejected puts, so this pins
    // the function's contract rather than a reachable combination.
    const c: CloudWatchState = { ...initialCloudWatch, alarm: "INSUFFICIENT_DATA", sinceReadable: 3 };
    expect(acceptsPuts(asWasLike, c)).toBe(true);
    expect(cloudwatchFailing(asWasLike, c)).toBe(true);
    expect(cloudwatchFailing(asWasLike, initialCloudWatch)).toBe(false);
  });
});

describe("conservation (W1, R10)", () => {
  test.prop({
    perTick: fc.integer({ min: 1, max: 5 }),
    storeTicks: fc.integer({ min: 1, max: 6 }),
    store: fc.boolean(),
    ups: fc.array(fc.boolean(), { maxLength: 60 }),
  })(
    "every datapoint produced is delivered, held in the store, or counted lost, and the effects account for each",
    ({ perTick, storeTicks, store, ups }) => {
      const base = cw(perTick, storeTicks, 1);
      const config = store ? withDependentRemediations(base, ["cloudwatchLocalBuffer"]) : base;
      const sums = { Buffered: 0, Drained: 0, Dropped: 0, Lost: 0 };
      let c = initialCloudWatch;
      for (const s of run(config, ups)) {
        for (const e of s.effects) {
          expect(e.service).toBe("cloudwatch");
          if ("count" in e) sums[e._tag as keyof typeof sums] += e.count;
        }
        c = s.next;
        expect(c.backlog).toBeLessThanOrEqual(storeTicks * perTick);
      }
      expect(c.delivered + c.backlog + c.lost).toBe(ups.length * perTick);
      expect(sums.Dropped + sums.Lost).toBe(c.lost);
      expect(sums.Buffered - sums.Dropped - sums.Drained).toBe(c.backlog);
    },
  );
});
