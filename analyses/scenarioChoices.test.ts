// Other operator choices on 25 Nov 2020, as scenario files (model/scenarios/scenarioFile.ts): what a user of
// `npx outage scenario FILE` evaluates. Each is the built-in day with one action changed.
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { deployed } from "../model/scenarios/deployment.ts";
import { NOV25_FILE } from "../model/scenarios/nov25.ts";
import { compileScenario, type ScenarioAction, type ScenarioFile } from "../model/scenarios/scenarioFile.ts";
import { runScenario } from "./scenario.ts";

const withActions = (...extra: ReadonlyArray<ScenarioAction>): ScenarioFile => ({
  ...NOV25_FILE,
  actions: [...NOV25_FILE.actions, ...extra],
});
const run = (f: ScenarioFile) => runScenario(asWasSystem, compileScenario(f));

describe("other operator choices on the day", () => {
  test("a deployment raises the thread limit and switches flags on, and says so in the config's name", () => {
    const c = deployed(asWasSystem, {
      tick: 0,
      remediations: ["preflightGuard", "dashboardBackupPath"],
      threadLimit: 14,
    });
    expect(c.threads.threadLimit).toBe(14);
    expect(c.remediations.preflightGuard).toBe(true);
    expect(c.dependents.remediations.dashboardBackupPath).toBe(true);
    expect(c.name).toBe("as-was+preflightGuard+dashboardBackupPath+threadLimit=14");
  });

  test("raising the limit by one thread at 04:00, before any member learns of the addition, keeps every service up", () => {
    const r = run(withActions({ tick: 16, deploy: { remediations: [], threadLimit: 12 } }));
    expect(r.firstFailure).toEqual({});
    expect(r.events.some((e) => e.event.includes("set the OS thread limit to 12"))).toBe(true);
  });

  test("the same raise after the maps failed (09:39, as AWS chose not to) does not bring Kinesis back before the restart", () => {
    const late = run(withActions({ tick: 84, deploy: { remediations: [], threadLimit: 12 } }));
    const day = run(NOV25_FILE);
    expect(late.firstFailure.kinesis).toBe(day.firstFailure.kinesis);
    expect(late.recovered.kinesis).toBe(day.recovered.kinesis);
  });

  test("removing the addition before the first member learns of it (04:20) keeps every service up", () => {
    const early: ScenarioFile = {
      ...NOV25_FILE,
      actions: NOV25_FILE.actions.map((a) =>
        a.ops?.some((op) => op.type === "frontendRemoved") ? { ...a, tick: 20 } : a,
      ),
    };
    expect(run(early).firstFailure).toEqual({});
  });
});
