// `npx outage` as a real process (bin/outage.js, the compiled dist/cli/outage.js bundled in dist/bundle/): what only the process shows, in a few runs. Every
// other CLI test runs `main` in its own process (`run` in cli/main.ts). Here: the exit codes 0, 1 and 2 reach
// the shell; bad input is one line on stderr with no stack trace; two processes given the same seed and config
// print the same bytes and save the same files under the same names, and leave no temp file behind (writes are
// atomic: checker/corpus.kill.test.ts kills a writer mid-write); their files replay in a third.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { INVARIANT_NAMES } from "../properties/names.ts";
import { outageAsync } from "../test/spawnOutage.ts";
import { run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-process-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npx outage as a process", () => {
  test("the same check in two processes at once: exit 1, byte-identical reports, identical files under identical names, no temp file left; they replay with exit 0", async () => {
    // The fleet's invariants: under preflightGuard the system's load invariants (K11, R7) would add a system/ folder.
    const fleetOnly = ["--invariant", INVARIANT_NAMES.join(",")];
    const args = ["check", "--remediation", "preflightGuard", "--seed", "7", "--runs", "60", ...fleetOnly];
    const [a, b] = await Promise.all([
      outageAsync([...args, "--out", "A"], dir),
      outageAsync([...args, "--out", "B"], dir),
    ]);
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect(a.stdout.replaceAll("A/", "B/")).toBe(b.stdout);
    const files = readdirSync(join(dir, "A"));
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f.endsWith(".json") && !f.startsWith("."))).toBe(true);
    expect(readdirSync(join(dir, "B"))).toEqual(files);
    for (const f of files)
      expect(readFileSync(join(dir, "B", f), "utf8")).toBe(readFileSync(join(dir, "A", f), "utf8"));

    const replay = await outageAsync(["replay", ...files.map((f) => join("A", f))], dir);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/^REPRODUCES/);
    expect(replay.stdout).not.toMatch(/DOES NOT REPRODUCE/);
  });

  test("bad input: exit 2, one line on stderr, no stack trace, nothing on stdout", async () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, RegExp]> = [
      [["check", "--bogus"], /^outage: check: unknown option --bogus;/],
      [["check", "--runs", "1.5"], /^outage: --runs 1.5: must be an integer/],
      [["replay", "missing.json"], /^outage: missing.json: no such file/],
    ];
    const outcomes = await Promise.all(cases.map(([args]) => outageAsync(args, dir)));
    for (const [i, r] of outcomes.entries()) {
      const [args, message] = cases[i] as (typeof cases)[number];
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^outage: [^\n]+\n$/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe("");
    }
  });

  test("the help and the version come from the process's short path (cli/usage.ts) and say what main says", async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"));
    const [help, check, v] = await Promise.all([
      outageAsync(["--help"], dir),
      outageAsync(["check", "--help"], dir),
      outageAsync(["-V"], dir),
    ]);
    expect(help).toEqual({ code: 0, stdout: run(["--help"]).stdout, stderr: "" });
    expect(check).toEqual({ code: 0, stdout: run(["check", "--help"]).stdout, stderr: "" });
    expect(v).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});
