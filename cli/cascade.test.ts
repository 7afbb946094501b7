// `npx outage` scenario, blast-radius and recovery, run in this process (`run` in cli/main.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { blastRadiusBound } from "../analyses/blastRadius.ts";
import { withRemediations } from "../model/config.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
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

  test("blast-radius kinesis --remediation cellularization prints MP10: the bound holds with the load spread evenly, fails for the hot cell, and CloudWatch's ingest follows R6", () => {
    const text = outage("blast-radius", "kinesis", "--remediation", "cellularization").stdout;
    expect(text).toContain("(1 − 1/c) = 50% of baseline (44 a tick)?");
    expect(text).toContain(
      "    cell 0 fails (50% of the load): the fleet delivers 22 of 44 (50%), bound HOLDS; CloudWatch ingest ok",
    );
    expect(text).toContain(
      "    cell 0 fails (75% of the load): the fleet delivers 11 of 44 (25%), bound FAILS; CloudWatch ingest fails",
    );
    const json = JSON.parse(
      outage(
        "blast-radius",
        "kinesis",
        "--remediation",
        "cellularization,cloudwatchPartitionedFleet",
        "--json",
      ).stdout,
    );
    expect(json.mp10).toEqual(
      blastRadiusBound({
        ...withRemediations(asWasSystem, ["cellularization"]),
        dependents: {
          ...asWasSystem.dependents,
          remediations: { ...asWasSystem.dependents.remediations, cloudwatchPartitionedFleet: true },
        },
      }),
    );
    expect(json.mp10.configured.every((f: { cloudwatchAvailable: boolean }) => f.cloudwatchAvailable)).toBe(
      true,
    );
  });

  test("blast-radius prints no MP10 section without cells, or for another service", () => {
    expect(outage("blast-radius", "kinesis").stdout).not.toContain("MP10");
    expect(JSON.parse(outage("blast-radius", "kinesis", "--json").stdout).mp10).toBeUndefined();
    expect(outage("blast-radius", "cloudwatch", "--remediation", "cellularization").stdout).not.toContain(
      "MP10",
    );
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

  test("recovery --pace above r_safe (MP8, Must show 1): as-was's fast row is set back and recovers later than the paced row, which is not", () => {
    const r = outage("recovery", "--runs", "3", "--pace", "2/18");
    expect(r.code).toBe(1);
    const asWas = r.stdout.split("\n\n")[1]?.split("\nas-was+")[0] ?? "";
    const paced =
      /paced restart: {6}HOLDS {4}slowest recovery (\d+) ticks \([\d.]+ h\); no frontend set back/.exec(
        asWas,
      );
    const fast =
      /restart at --pace: {2}VIOLATED slowest recovery (\d+) ticks \([\d.]+ h\); up to \d+ frontend\(s\) judged unhealthy and set back \(K11\)/.exec(
        asWas,
      );
    expect(Number(fast?.[1])).toBeGreaterThan(Number(paced?.[1]));
    expect(asWas).toContain(
      "safe pace r_safe = 1 frontend per 18 ticks (0.67 an hour), ⌈N/r⌉ = 144 ticks for 8 frontends (MP8)",
    );
  });

  test("recovery --pace with no headroom (a config file with load 56 of 80): the fast restart is set back and never recovers", () => {
    const printed = JSON.parse(outage("config", "as-was").stdout);
    const dir = mkdtempSync(join(tmpdir(), "outage-recovery-"));
    const file = join(dir, "heavy.json");
    const load = { ...printed.dependents.load, offeredRequestsPerTick: 56 };
    writeFileSync(
      file,
      JSON.stringify({ ...printed, name: "heavy", dependents: { ...printed.dependents, load } }),
    );
    const r = outage("recovery", "--config", file, "--runs", "3", "--pace", "2/18", "--json");
    rmSync(dir, { recursive: true });
    const heavy = JSON.parse(r.stdout).results.find((x: { config: string }) => x.config === "heavy");
    expect(heavy.pacedRestart.setbacks).toBe(0);
    expect(typeof heavy.pacedRestart.worstTicks).toBe("number");
    expect(heavy.atPace.setbacks).toBeGreaterThanOrEqual(1);
    expect(heavy.atPace.worstTicks ?? null).toBeNull();
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
