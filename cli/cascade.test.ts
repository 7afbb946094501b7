// `npx outage` scenario, blast-radius and recovery, run in this process (`run` in cli/main.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "./main.ts";

/** `npx outage ...args`, in this process. */
const outage = (...args: ReadonlyArray<string>) => run(args);

describe("npx outage scenario and blast-radius", () => {
  test("scenario 2020-11-25 --json prints exactly the specified keys and service names, byte-identical across runs", () => {
    const a = outage("scenario", "2020-11-25", "--json");
    const b = outage("scenario", "2020-11-25", "--json");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout);
    expect(Object.keys(out)).toEqual([
      "scenario",
      "tickMinutes",
      "events",
      "firstFailure",
      "recovered",
      "detection",
    ]);
    expect(out.scenario).toBe("2020-11-25");
    expect(out.tickMinutes).toBe(5);
    expect(Object.keys(out.events[0])).toEqual(["tick", "time", "service", "event"]);
    expect(out.events[0].time).toMatch(/^\d\d:\d\d$/);
    expect(Object.keys(out.firstFailure).sort()).toEqual(
      [
        "kinesis",
        "cognito",
        "cloudwatch",
        "autoscaling",
        "lambda",
        "eventbridge",
        "ecs",
        "eks",
        "dashboard",
        "customer",
      ].sort(),
    );
  });

  test("scenario --remediation all prints the same day with no dependent failure", () => {
    const r = outage("scenario", "2020-11-25", "--remediation", "all");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No dependent service failed.");
    expect(r.stdout).toContain("operators add 1 server(s)");
  });

  test("blast-radius kinesis lists the cascade; with the partition and the backup path it shrinks", () => {
    const all = outage("blast-radius", "kinesis", "--json");
    expect(JSON.parse(all.stdout).radius).toEqual(
      expect.arrayContaining(["cloudwatch", "lambda", "autoscaling", "ecs", "eks", "cognito", "dashboard"]),
    );
    const cut = JSON.parse(
      outage(
        "blast-radius",
        "kinesis",
        "--remediation",
        "cloudwatchPartitionedFleet",
        "--remediation",
        "dashboardBackupPath",
        "--json",
      ).stdout,
    );
    expect(cut.radius).not.toContain("cloudwatch");
    expect(cut.radius).not.toContain("dashboard");
  });

  test("recovery --json reports each config; as-was needs the paced restart, the R4 cold start is faster", () => {
    const r = outage("recovery", "--runs", "5", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      k: number;
      results: ReadonlyArray<{
        config: string;
        noPush: { status: string };
        pacedRestart: { worstTicks: number };
      }>;
    };
    expect(out.k).toBe(150);
    const row = (name: string) => out.results.find((x) => x.config === name);
    expect(row("as-was")?.noPush.status).toBe("violated");
    expect(row("as-was+coldStart(R4)")?.pacedRestart.worstTicks).toBeLessThan(
      row("as-was")?.pacedRestart.worstTicks ?? 0,
    );
  });

  test("recovery --pace above r_safe (MP8): as-was's row shows setbacks and never recovers; the paced row still does", () => {
    const r = outage("recovery", "--runs", "3", "--pace", "2/18");
    expect(r.code).toBe(1);
    const asWas = r.stdout.split("\n\n")[1]?.split("\nas-was+")[0] ?? "";
    expect(asWas).toContain(
      "paced restart:      HOLDS    slowest recovery 144 ticks (12.0 h); no frontend set back",
    );
    expect(asWas).toMatch(
      /restart at --pace: {2}VIOLATED slowest recovery not within the horizon; up to \d+ frontend\(s\) judged unhealthy and set back \(K11\)/,
    );
    expect(asWas).toContain(
      "safe pace r_safe = 1 frontend per 18 ticks (0.67 an hour), ⌈N/r⌉ = 144 ticks for 8 frontends (MP8)",
    );
  });

  test("recovery --pace with headroom (load 40 of 80): the fast restart sets back and recovers later than the paced one", () => {
    const printed = JSON.parse(outage("config", "as-was").stdout);
    const dir = mkdtempSync(join(tmpdir(), "outage-recovery-"));
    const file = join(dir, "light.json");
    const load = { ...printed.dependents.load, offeredRequestsPerTick: 40 };
    writeFileSync(
      file,
      JSON.stringify({ ...printed, name: "light", dependents: { ...printed.dependents, load } }),
    );
    const r = outage("recovery", "--config", file, "--runs", "3", "--pace", "2/18", "--json");
    rmSync(dir, { recursive: true });
    const light = JSON.parse(r.stdout).results.find((x: { config: string }) => x.config === "light");
    expect(light.pacedRestart.setbacks).toBe(0);
    expect(light.atPace.setbacks).toBeGreaterThanOrEqual(1);
    expect(light.atPace.worstTicks).toBeGreaterThan(light.pacedRestart.worstTicks);
  });

  test.each([
    [["recovery", "--pace", "0"], /--pace 0: must be N or N\/D/],
    [["recovery", "--pace", "fast"], /--pace fast: must be N or N\/D/],
    [["recovery", "--k", "soon"], /--k soon: must be an integer/],
    [["scenario", "2021-12-07"], /scenario 2021-12-07: unknown/],
    [["blast-radius", "s3"], /blast-radius s3: unknown service/],
    [["blast-radius", "kinesis", "--remediation", "bogus"], /--remediation bogus: unknown/],
    [["scenario", "2020-11-25", "--remediation", "bogus"], /--remediation bogus: unknown/],
  ])("bad input %j is one line on stderr and exit 2", (args, message) => {
    const r = outage(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
  });
});

describe("npx outage scenario FILE", () => {
  test("the shipped 2020-11-25 file prints exactly what the built-in day does, text and --json", () => {
    for (const extra of [[], ["--json"]]) {
      const file = outage("scenario", "examples/scenarios/2020-11-25.json", ...extra);
      expect(file.code).toBe(0);
      expect(file.stdout).toBe(outage("scenario", "2020-11-25", ...extra).stdout);
    }
  });

  test("the in-event fixes recover Cognito and Lambda at their deployments (10:15, 10:36), long before Kinesis", () => {
    const r = outage("scenario", "examples/scenarios/2020-11-25-in-event-fixes.json", "--json");
    const out = JSON.parse(r.stdout) as { recovered: Record<string, number> };
    expect(out.recovered.cognito).toBe(92);
    expect(out.recovered.lambda).toBe(96);
    expect(out.recovered.kinesis).toBeGreaterThan(150);
  });

  test("a wrong field in a scenario file is one line naming it, exit 2", () => {
    const r = outage("scenario", "docs/config.schema.json");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/scenario docs\/config.schema.json: unknown key scenario\./);
  });
});

describe("npx outage sensitivity", () => {
  test.each([
    [["sensitivity", "extra"], /Unexpected argument 'extra'|unexpected argument/i],
    [
      ["sensitivity", "--chart", "README.md/chart.svg"],
      /--chart README.md: cannot write \(not a directory\)/,
    ],
    [["sensitivity", "--config", "nope.json"], /--config nope.json: not a built-in config/],
  ])("bad input %j is one line on stderr and exit 2, before the sweep", (args, message) => {
    const r = outage(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
