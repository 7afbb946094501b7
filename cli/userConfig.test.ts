// Issue 15: scenario, recovery, blast-radius, matrix and replay on the user's own config and remediations.
// Each test fails on the behaviour before the issue, when these commands rejected --config (and replay
// --remediation) as unknown options.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { captureIo } from "./io.ts";
import { mainAsync, run } from "./main.ts";

const outage = (...args: ReadonlyArray<string>) => run(args);

/** The as-was config printed by `config`, edited by `edit`, saved as a file a user would write. */
const userConfig = (edit: (c: Record<string, unknown>) => void): string => {
  const c = JSON.parse(outage("config", "as-was").stdout) as Record<string, unknown>;
  edit(c);
  const file = join(mkdtempSync(join(tmpdir(), "outage-user-")), "mine.json");
  writeFileSync(file, JSON.stringify(c));
  return file;
};

const renamed = (name: string) => userConfig((c) => Object.assign(c, { name }));

describe("every command runs on the user's config", () => {
  test("scenario --config replays the day under the file's config, named in its first line", () => {
    const r = outage("scenario", "2020-11-25", "--config", renamed("mine"));
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toContain("config mine;");
  });

  test("scenario --config with a thread limit that fits the addition: Kinesis never fails", () => {
    const roomy = userConfig((c) =>
      Object.assign(c, { threads: { threadLimit: 50, baseThreads: 4, threadsPerPeer: 1 } }),
    );
    const r = outage("scenario", "2020-11-25", "--config", roomy, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).firstFailure.kinesis).toBeUndefined();
  });

  test("recovery --config --remediation checks the variants of the remediated config", () => {
    const r = outage(
      "recovery",
      "--config",
      renamed("mine"),
      "--remediation",
      "preflightGuard",
      "--runs",
      "2",
      "--json",
    );
    expect(r.code, r.stderr).toBeLessThan(2);
    const names = (JSON.parse(r.stdout).results as ReadonlyArray<{ config: string }>).map((x) => x.config);
    expect(names[0]).toBe("mine+preflightGuard");
    expect(names).toContain("mine+preflightGuard+all");
  });

  test("blast-radius --config takes the dependent remediations on in the file; a core one is listed, cuts none", () => {
    const file = userConfig((c) => {
      const d = c.dependents as { remediations: Record<string, boolean> };
      d.remediations.cloudwatchPartitionedFleet = true;
    });
    const r = outage(
      "blast-radius",
      "kinesis",
      "--config",
      file,
      "--remediation",
      "cellularization",
      "--json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.radius).not.toContain("cloudwatch");
    expect(out.remediations).toEqual(["cellularization", "cloudwatchPartitionedFleet"]);
  });

  test("matrix --remediation varies only the remediations named and prints to stdout, writing nothing", async () => {
    // The matrix awaits Z3 for the cells it proves, so it runs through mainAsync, as cli/outage.ts runs it.
    const io = captureIo();
    const code = await mainAsync(
      ["matrix", "--config", renamed("mine"), "--remediation", "preflightGuard"],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout()).toContain("| none (mine) |");
    expect(io.stdout()).toContain("| preflightGuard |");
    expect(io.stdout()).not.toContain("| cellularization |");
    expect(io.stdout()).toContain("npx outage check --config mine");
  }, 60_000);

  test("matrix --check with --config and no --out is refused: the committed matrix is as-was's", () => {
    const r = outage("matrix", "--config", "small", "--check");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs --out FILE/);
  });
});

describe("replay FILE --remediation: does this fix stop this exact trace?", () => {
  const saved = join(import.meta.dirname, "..", "counterexamples", "ThreadBudget--as-was--ebffbf949d.json");

  test("the preflight guard stops the saved ThreadBudget trace by refusing its capacity addition (exit 0)", () => {
    const r = outage("replay", saved, "--remediation", "preflightGuard");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^STOPPED /);
    expect(r.stdout).toMatch(/step 1 \(operator\/capacityAdded .*\) is now refused/);
  });

  test("bootstrapping from the authoritative store does not stop it: NOT STOPPED with the step (exit 1)", () => {
    const r = outage("replay", saved, "--remediation", "bootstrapFromAuthoritative");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^NOT STOPPED /);
    expect(r.stdout).toContain("still fails under as-was+bootstrapFromAuthoritative, at step 1");
  });

  test("a dependent remediation on a trace of the fleet alone is bad input", () => {
    const r = outage("replay", saved, "--remediation", "cognitoNonBlockingBuffer");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/trace of the fleet alone/);
  });
});
