// `check --expect` and `npm run check` (scripts/check.mjs): every verdict judged against the outcome recorded
// for its config; one closing line; exit 1 on an unexpected violation or an unexpected hold, never on an
// expected one (issue 15: `npm run check` exited 0 while it reported 13 violations, by its last command's code).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import { SYSTEM_INVARIANT_NAMES } from "../properties/dependents/index.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { fleetSpec } from "../specs/index.ts";
import { runCheck, section } from "./check.ts";
import { captureIo } from "./io.ts";
import { run } from "./main.ts";

const lastLine = (text: string): string => text.trimEnd().split("\n").pop() ?? "";

describe("check --expect", () => {
  test("as-was's violations are the expected result: exit 0, and a closing line that says so", () => {
    const r = run([
      "check",
      "--expect",
      "--no-save",
      "--invariant",
      "WellFormed,ThreadBudget,AlarmsHaveData",
    ]);
    expect(r.stdout).toMatch(/ThreadBudget +VIOLATED/);
    expect(r.code).toBe(0);
    expect(lastLine(r.stdout)).toBe(
      "AS EXPECTED: all 3 verdicts match the outcomes recorded for config as-was",
    );
  });

  test("an unexpected non-violation exits 1 and is named: ThreadBudget under as-was with one step of one run is vacuous", () => {
    const r = run([
      "check",
      "--expect",
      "--no-save",
      "--invariant",
      "ThreadBudget",
      "--runs",
      "1",
      "--max-steps",
      "1",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("UNEXPECTED  ThreadBudget (config as-was): vacuous, expected violated");
    expect(lastLine(r.stdout)).toMatch(/^NOT AS EXPECTED: 1 of 1 verdicts differ/);
  });

  test("an unexpected violation exits 1 and is named", () => {
    const io = captureIo();
    const code = runCheck(
      {
        sections: [
          section({
            spec: fleetSpec,
            config: asWas,
            invariants: [threadBudget],
            search: { seed: 1, runs: 20, maxSteps: fleetSpec.defaultMaxSteps },
          }),
        ],
        json: false,
        outDir: undefined,
        searchAgain: () => "",
        expected: () => "holds",
      },
      io,
    );
    expect(code).toBe(1);
    expect(io.stdout()).toContain("UNEXPECTED  ThreadBudget (config as-was): violated, expected holds");
    expect(lastLine(io.stdout())).toMatch(/^NOT AS EXPECTED: 1 of 1 verdicts differ/);
  });

  test.each([
    [
      ["--config", "small"],
      /--expect: no outcomes recorded for config small; recorded: as-was with --remediation \(none\) \|/,
    ],
    [
      ["--remediation", "preflightGuard"],
      /no dependents' outcomes recorded for config as-was\+preflightGuard/,
    ],
    [["--json"], /cannot be used with --json/],
  ])("%j with --expect: no recorded outcome to judge by is bad input, before any search", (args, pattern) => {
    const r = run(["check", "--expect", "--no-save", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe("");
  });

  // properties/expectations.test.ts keeps the fleet's table true; this keeps the dependents' table true.
  test.each([[[]], [["--remediation", "all"]]])(
    "the dependents' recorded outcomes hold with the default search, %j",
    (args) => {
      const r = run([
        "check",
        "--expect",
        "--no-save",
        "--invariant",
        SYSTEM_INVARIANT_NAMES.join(","),
        ...args,
      ]);
      expect(lastLine(r.stdout)).toMatch(
        new RegExp(`^AS EXPECTED: all ${SYSTEM_INVARIANT_NAMES.length} verdicts`),
      );
      expect(r.code).toBe(0);
    },
  );
});

describe("npm run check (scripts/check.mjs over the built CLI)", () => {
  const script = join(import.meta.dirname, "..", "scripts", "check.mjs");
  const npmCheck = (args: ReadonlyArray<string>): Promise<{ code: number | null; stdout: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "ignore"] });
      let stdout = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout }));
    });

  test("every verdict as expected under both configs: exit 0, one closing PASS line", async () => {
    // Enough runs to reach every non-vacuity property (5 do not: a hold there is vacuous, not expected).
    const r = await npmCheck(["--invariant", "WellFormed,ThreadBudget", "--runs", "30", "--no-save"]);
    expect(r.code).toBe(0);
    expect(lastLine(r.stdout)).toMatch(/^npm run check: PASS: every verdict matched/);
  });

  test("an unexpected verdict in the first run is not hidden by the second: exit 1, one closing FAIL line", async () => {
    const r = await npmCheck(["--invariant", "ThreadBudget", "--runs", "1", "--max-steps", "1", "--no-save"]);
    expect(r.stdout).toContain("UNEXPECTED  ThreadBudget (config as-was)");
    expect(lastLine(r.stdout)).toMatch(/^npm run check: FAIL: a verdict differs/);
    expect(r.code).toBe(1);
  });
});
