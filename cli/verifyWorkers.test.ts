// `npx outage verify --workers N` (issue 17): the same output as one thread, byte for byte, and one-line errors.
// In this process (`run` in cli/main.ts, the workers from the TypeScript sources) and once as a real process
// (bin/outage.js, the bundle's worker entry).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outageAsync } from "../test/spawnOutage.ts";
import { run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-verify-workers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each explores levels of more than 2,048 states, which the workers expand (flatParallel.ts USE_WORKERS_AT).
const CASES: ReadonlyArray<ReadonlyArray<string>> = [
  ["--config", "as-was", "--max-states", "20000"],
  ["--config", "as-was", "--remediation", "all", "--max-states", "20000", "--json"],
  ["--config", "three-to-eight", "--max-states", "20000"],
  ["--config", "three-to-eight", "--remediation", "preflightGuard", "--max-states", "20000", "--json"],
  ["--config", "small", "--max-depth", "6"],
];

describe("verify --workers 2 prints what one thread prints", () => {
  it.each(CASES.map((a) => [a.join(" "), a] as const))(
    "verify %s: the same stdout and exit code",
    (_, args) => {
      const one = run(["verify", ...args, "--no-save"]);
      const two = run(["verify", ...args, "--no-save", "--workers", "2"]);
      expect(two.stdout).toBe(one.stdout);
      expect(two.code).toBe(one.code);
    },
  );

  it("saves the same shortest counterexamples, byte for byte (as-was, 20,000 states)", () => {
    const a = join(dir, "one");
    const b = join(dir, "two");
    const args = ["verify", "--config", "as-was", "--max-states", "20000"];
    expect(run([...args, "--out", a]).code).toBe(1);
    expect(run([...args, "--out", b, "--workers", "2"]).code).toBe(1);
    const files = readdirSync(a).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f), "utf8")).toBe(readFileSync(join(a, f), "utf8"));
  });

  it("as a real process (the bundle's worker entry): the same JSON as one thread", async () => {
    const args = ["verify", "--config", "as-was", "--max-states", "20000", "--no-save", "--json"];
    const [one, two] = await Promise.all([
      outageAsync(args, dir),
      outageAsync([...args, "--workers", "2"], dir),
    ]);
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(1);
  });
});

describe("verify --workers, bad input", () => {
  it.each([["0"], ["65"], ["two"]])("--workers %s: one line naming the flag, exit 2", (n) => {
    const r = run(["verify", "--config", "small", "--no-save", "--workers", n]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^outage: --workers .*\n$/);
  });

  it("--workers with --inductive: one line, exit 2", () => {
    const r = run(["verify", "--inductive", "--workers", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("outage: --workers goes with the breadth-first search, not --inductive\n");
  });
});
