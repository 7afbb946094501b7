// `check --near-miss DIR` (issue 15: a near miss can be opened as a trace): for each invariant that holds, the
// run that came closest is saved as a file that `replay` reproduces and `explain` opens at its closest state.
// Run in this process (`run` in cli/main.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-near-miss-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHECK = [
  "check",
  "--remediation",
  "preflightGuard",
  "--invariant",
  "ThreadBudget",
  "--runs",
  "40",
  "--no-save",
];

describe("check --near-miss DIR", () => {
  const folder = join(dir, "near");
  const r = run([...CHECK, "--near-miss", folder]);
  const files = readdirSync(folder).map((f) => join(folder, f));

  test("saves the near miss of each invariant that holds, and says how to step through it", () => {
    expect(r.code).toBe(0);
    expect(files).toHaveLength(1);
    const file = files[0] as string;
    expect(file).toMatch(/ThreadBudget--near-miss--as-was\+preflightGuard--[0-9a-f]{10}\.json$/);
    expect(r.stdout).toContain(`  near miss saved: ${file}\n`);
    expect(r.stdout).toContain(`  step through it: npx outage explain ${file} --html near-miss.html\n`);
    const saved = JSON.parse(readFileSync(file, "utf8")) as { nearMiss: unknown; message: string };
    expect(saved.nearMiss).toEqual({
      closeness: 1,
      meaning: "highest thread demand of any frontend, as a fraction of the OS limit",
    });
    expect(saved.message).toMatch(/^near miss: 100% .* ThreadBudget held on every step$/);
  });

  test("without --near-miss the report is unchanged: no near-miss lines, no file", () => {
    const plain = run(CHECK);
    expect(plain.stdout).toBe(r.stdout.replace(/ {2}near miss saved: .*\n {2}step through it: .*\n/, ""));
  });

  test("replay reproduces it, and explain opens its explorer at the closest step", () => {
    const file = files[0] as string;
    const replay = run(["replay", file]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain("REPRODUCES");
    const html = join(dir, "near.html");
    const explained = run(["explain", file, "--html", html]);
    expect(explained.code).toBe(0);
    const page = readFileSync(html, "utf8");
    const data = JSON.parse(
      (/<script type="application\/json" id="trace-data">(.*?)<\/script>/s.exec(page) ?? [])[1] ?? "{}",
    ) as {
      title: string;
      openAt: number;
      frames: ReadonlyArray<{ index: number; nearMiss: string | null; violation: string | null }>;
    };
    const saved = JSON.parse(readFileSync(file, "utf8")) as { violationStep: number; message: string };
    expect(data.title).toBe("ThreadBudget held under as-was+preflightGuard: its near miss");
    expect(data.frames[data.openAt]).toMatchObject({ index: saved.violationStep, nearMiss: saved.message });
    expect(data.frames.every((f) => f.violation === null)).toBe(true);
    const md = run(["explain", file]);
    expect(md.stdout).toMatch(/^# ThreadBudget held under `as-was\+preflightGuard`: its near miss\n/);
    expect(md.stdout).toContain("**How close it came.**");
  });

  test("refuses the counterexamples' folder, which holds violations only: exit 2, one line", () => {
    const bad = run([...CHECK.slice(0, -1), "--out", join(dir, "cx"), "--near-miss", join(dir, "cx")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^outage: --near-miss .*: give a folder other than the counterexamples' \(--out\)/,
    );
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
