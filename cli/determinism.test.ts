// Determinism across processes (issue 7): the same seed and config give byte-identical output, whichever
// process runs them. cli.test.ts compares `check --json`; this compares the human report, saved files,
// `replay` and `config`. Each pair runs in two separate child processes at once.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { outageAsync } from "../test/spawnOutage.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-determinism-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same command in two processes at once. */
const twice = (args: ReadonlyArray<string>) => Promise.all([outageAsync(args, dir), outageAsync(args, dir)]);

describe("the same seed and config in two processes", () => {
  test("check prints byte-identical reports and saves byte-identical files under identical names, which replay identically", async () => {
    const args = ["check", "--remediation", "preflightGuard", "--seed", "7", "--runs", "60"];
    const [a, b] = await Promise.all([
      outageAsync([...args, "--out", "A"], dir),
      outageAsync([...args, "--out", "B"], dir),
    ]);
    expect(a.code).toBe(1);
    expect(a.stdout.replaceAll("A/", "B/")).toBe(b.stdout);
    const files = readdirSync(join(dir, "A"));
    expect(files.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, "B"))).toEqual(files);
    for (const f of files)
      expect(readFileSync(join(dir, "B", f), "utf8")).toBe(readFileSync(join(dir, "A", f), "utf8"));
  });

  test("replay and config print byte-identical output", async () => {
    const saved = readdirSync(join(dir, "A")).map((f) => join("A", f));
    const [[r1, r2], [c1, c2]] = await Promise.all([
      twice(["replay", ...saved]),
      twice(["config", "as-was"]),
    ]);
    expect(r1.code).toBe(0);
    expect(r1.stdout).toMatch(/^REPRODUCES/);
    expect(r1.stdout).toBe(r2.stdout);
    expect(c1.code).toBe(0);
    expect(c1.stdout).toBe(c2.stdout);
  });
});
