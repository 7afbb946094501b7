// Tests aimed at the mutants of model/dependents/dashboard.ts that survived the mutation run (issue 7): the
// Service Health Dashboard's posting path (domain.md H1, R12), with worked examples on the `as-was` numbers
// (model/configs/asWasDependents.ts: the backup tool takes 12 ticks untrained, 2 trained) and a counting property.

import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { nextOrUndefined } from "../../test/dependents.ts";
import { asWasSystem } from "../configs/asWasDependents.ts";
import { withDependentRemediations } from "./config.ts";
import {
  type DashboardState,
  dashboardTick,
  initialDashboard,
  postDelay,
  statusPostStarted,
} from "./dashboard.ts";

const trained = withDependentRemediations(asWasSystem, ["dashboardBackupPath"]);

describe("the posting path (H1)", () => {
  test("with no update in progress, a tick posts nothing, whether Cognito works or not", () => {
    for (const cognitoOk of [true, false])
      expect(dashboardTick(asWasSystem, initialDashboard, cognitoOk, 5)).toEqual(initialDashboard);
  });

  test("with Cognito working, the update goes out through the primary tool on the next tick", () => {
    const started = nextOrUndefined(statusPostStarted({ postStartedAt: null, posted: 2, viaBackup: 1 }, 3));
    expect(started).toEqual({ postStartedAt: 3, posted: 2, viaBackup: 1 });
    expect(started && dashboardTick(asWasSystem, started, true, 4)).toEqual({
      postStartedAt: null,
      posted: 3,
      viaBackup: 1,
    });
  });

  test("H1/R12: with Cognito down, it goes out through the backup tool exactly its time after starting", () => {
    for (const [config, ticks] of [
      [asWasSystem, 12],
      [trained, 2],
    ] as const) {
      const started: DashboardState = { postStartedAt: 10, posted: 4, viaBackup: 0 };
      expect(dashboardTick(config, started, false, 10 + ticks - 1)).toBe(started);
      expect(dashboardTick(config, started, false, 10 + ticks)).toEqual({
        postStartedAt: null,
        posted: 5,
        viaBackup: 1,
      });
    }
  });
});

describe("counting posts (H1)", () => {
  test.prop({
    steps: fc.array(fc.record({ start: fc.boolean(), cognitoOk: fc.boolean() }), { maxLength: 80 }),
  })(
    "every update started is posted or still in progress, and none waits the untrained backup time (H1)",
    ({ steps }) => {
      let d = initialDashboard;
      let started = 0;
      for (const [now, { start, cognitoOk }] of steps.entries()) {
        const s = start ? nextOrUndefined(statusPostStarted(d, now)) : undefined;
        if (s !== undefined) [d, started] = [s, started + 1];
        d = dashboardTick(asWasSystem, d, cognitoOk, now + 1);
        expect(d.posted + (d.postStartedAt === null ? 0 : 1)).toBe(started);
        expect(d.viaBackup).toBeLessThanOrEqual(d.posted);
        expect(postDelay(d, now + 1)).toBeLessThan(asWasSystem.dependents.dashboard.backupTicksUntrained);
      }
    },
  );
});
