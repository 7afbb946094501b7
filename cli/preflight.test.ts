// Issue 15: preflight answers from its closed form at once and simulates only with --confirm, within a budget.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "./main.ts";

const outage = (...args: ReadonlyArray<string>) => run(args);
const fleet3000 = join(import.meta.dirname, "..", "examples", "configs", "fleet-3000.json");

describe("preflight: the closed form at once, the simulation when asked", () => {
  test("without --confirm it answers from the closed form and says so, with no simulated trace", () => {
    const r = outage("preflight", "--fleet", "3000", "--add", "100", "--config", fleet3000);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "UNSAFE  (closed form) after the addition, a group of 3100 servers needs 2010 + 10 × 3099 = 33000 threads, over the limit of 32000",
    );
    expect(r.stdout).toContain("add --confirm");
    expect(r.stdout).not.toContain("operator/capacityAdded");
  });

  test("--json without --confirm: answeredBy closed form, the verdict and the closed form's numbers", () => {
    const r = outage("preflight", "--fleet", "2900", "--add", "100", "--config", fleet3000, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      config: "fleet-3000",
      fleet: 2900,
      add: 100,
      verdict: "safe",
      answeredBy: "closed form",
      closedForm: { largestSafeGroup: 3000, largestSafeAddition: 100 },
    });
  });

  test("--confirm simulates and says whether the simulation agrees with the closed form", () => {
    const r = outage("preflight", "--fleet", "8", "--add", "1", "--confirm");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("UNSAFE  ThreadBudget breaks after step 1");
    expect(r.stdout).toContain("simulation agrees with the closed form (UNSAFE)");
  });

  test("--confirm stops at --budget-seconds with a partial report; the closed form's answer and exit code stand", () => {
    // One bootstrap at a time for 2,010 newcomers: tens of thousands of ticks over 2,000 frontends to settle.
    const c = JSON.parse(outage("config", "as-was").stdout);
    c.threads = { threadLimit: 100_000, baseThreads: 4, threadsPerPeer: 1 };
    c.fleet = { initialSize: 8, maxSize: 12 };
    const file = join(mkdtempSync(join(tmpdir(), "outage-preflight-")), "slow.json");
    writeFileSync(file, JSON.stringify(c));
    const r = outage(
      "preflight",
      "--fleet",
      "2000",
      "--add",
      "10",
      "--config",
      file,
      "--confirm",
      "--budget-seconds",
      "1",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("SAFE    (closed form)");
    expect(r.stdout).toMatch(
      /not confirmed: the --budget-seconds 1 budget was reached; the addition simulated through step \d+ of \d+ with no invariant broken/,
    );
  });

  test("--budget-seconds without --confirm is bad input", () => {
    const r = outage("preflight", "--fleet", "8", "--add", "1", "--budget-seconds", "5");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give --confirm too/);
  });
});
