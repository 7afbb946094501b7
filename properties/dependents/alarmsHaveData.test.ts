// AlarmsHaveData (W1) on CloudWatch's own tick (cloudwatchTick): the near miss is the time without readable
// data as a fraction of the alarm's period.
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import { cloudwatchAfter, downFor, systemWith } from "../../test/dependents.ts";
import { alarmsHaveData } from "./alarmsHaveData.ts";

describe("AlarmsHaveData (W1)", () => {
  test("closeness is the ticks without readable data as a fraction of the alarm's period: 2 of 4 is 0.5", () => {
    // ILLUSTRATIVE: alarms that wait 4 ticks (as-was waits 1, where dividing and multiplying by it agree).
    const config: SystemConfig = {
      ...asWasSystem,
      dependents: {
        ...asWasSystem.dependents,
        cloudwatch: { ...asWasSystem.dependents.cloudwatch, alarmMissingTicks: 4 },
      },
    };
    const c = cloudwatchAfter(config, downFor(2));
    expect(c.sinceReadable).toBe(2);
    expect(c.alarm).toBe("OK");
    expect(alarmsHaveData.closeness(config, systemWith(config, { cloudwatch: c }))).toBe(0.5);
  });
});
