// Issue 15's input and I/O errors, run in this process: negative numbers are values, not options; every
// parse error is one clean line; an output the tool cannot write is exit 2 naming the path; no output file
// overwrites an input; `explain FILE` writes only what it is asked to.

import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { joinNegativeValues, run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A committed counterexample, read and never written. */
const CORPUS_FILE = resolve("counterexamples/ThreadBudget--as-was--ebffbf949d.json");

/** One line on stderr, with balanced quotes, and exit 2. */
const expectOneLineError = (r: ReturnType<typeof run>, pattern: RegExp): void => {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^outage: [^\n]*\n$/);
  expect(r.stderr).toMatch(pattern);
  expect((r.stderr.match(/'/g) ?? []).length % 2).toBe(0);
  expect((r.stderr.match(/"/g) ?? []).length % 2).toBe(0);
};

describe("negative and malformed numbers", () => {
  // Enough runs to reach every non-vacuity property, so the verdict is a HOLDS (exit 0), not VACUOUS (4).
  const quick = ["--invariant", "WellFormed", "--runs", "30", "--no-save", "--json"];

  test("--seed -1 is a seed like --seed=-1, not an ambiguous option", () => {
    const spaced = run(["check", "--seed", "-1", ...quick]);
    const joined = run(["check", "--seed=-1", ...quick]);
    expect(spaced.stderr).toBe("");
    expect(spaced.code).toBe(0);
    expect(JSON.parse(spaced.stdout).seed).toBe(-1);
    expect(spaced.stdout).toBe(joined.stdout);
  });

  test.each([
    [["check", "--seed", "-1.5"], /^outage: --seed -1\.5: must be an integer/],
    [["check", "--seed", "-99999999999"], /^outage: --seed -99999999999: must be an integer/],
    [["check", "--runs", "-3"], /^outage: --runs -3: must be an integer from 1/],
    [["verify", "--max-depth", "-3"], /^outage: --max-depth -3: must be an integer/],
    [["preflight", "--fleet", "-4", "--add", "1"], /^outage: --fleet -4: must be an integer/],
    [["check", "--seed", "-abc"], /^outage: check: --seed needs a value/],
    [["check", "--seed"], /^outage: check: --seed needs a value/],
  ])("%j is the usual one-line error", (args, pattern) => {
    expectOneLineError(run(args), pattern);
  });

  test("an unknown option is one clean line naming it and the command's help", () => {
    const r = run(["check", "--bogus"]);
    expectOneLineError(r, /unknown option --bogus/);
    expect(r.stderr).toBe("outage: check: unknown option --bogus; see npx outage check --help\n");
  });

  test("only a flag followed by a negative number is joined, and nothing after --", () => {
    expect(joinNegativeValues(["--seed", "-1", "--runs", "3"])).toEqual(["--seed=-1", "--runs", "3"]);
    expect(joinNegativeValues(["--json", "--seed", "-abc"])).toEqual(["--json", "--seed", "-abc"]);
    expect(joinNegativeValues(["--", "--seed", "-1"])).toEqual(["--", "--seed", "-1"]);
  });
});

describe("I/O errors are exit 2, one line naming the path", () => {
  test.each([
    [["check", "--invariant", "ThreadBudget", "--out", "/dev/null/x"], "--out /dev/null/x"],
    [["verify", "--invariant", "ThreadBudget", "--out", "/dev/null/x"], "--out /dev/null/x"],
    [["scenario", "2020-11-25", "--save-corpus", "/dev/null/x.json"], "--save-corpus /dev/null/x.json"],
    [["explain", CORPUS_FILE, "--out", "/dev/null/x.md"], "--out /dev/null/x.md"],
    [["explain", CORPUS_FILE, "--html", "/dev/null/x.html"], "--html /dev/null/x.html"],
  ])("%j: cannot write, not an internal error", (args, named) => {
    const r = run(args);
    expectOneLineError(r, /cannot write \(not a directory\)/);
    expect(r.stderr).toBe(`outage: ${named}: cannot write (not a directory)\n`);
  });
});

describe("output files never overwrite an input; explain writes only what it is asked to", () => {
  /** A fresh copy of a committed counterexample, and its bytes. */
  const input = (name: string): { readonly path: string; readonly text: string } => {
    const text = readFileSync(CORPUS_FILE, "utf8");
    const path = join(dir, name);
    writeFileSync(path, text);
    return { path, text };
  };

  test.each([["--out"], ["--html"], ["--svg"], ["--chart"]])(
    "explain a.json %s a.json is refused and writes nothing",
    (flag) => {
      const a = input(`same${flag}.json`);
      const before = readdirSync(dir).sort();
      const r = run(["explain", a.path, flag, a.path]);
      expectOneLineError(r, /is the input file/);
      expect(readFileSync(a.path, "utf8")).toBe(a.text);
      expect(readdirSync(dir).sort()).toEqual(before);
    },
  );

  test("the same file by another spelling (relative, or through a link) is the input too", () => {
    const a = input("spelled.json");
    const link = join(dir, "link.json");
    symlinkSync(a.path, link);
    expectOneLineError(run(["explain", link, "--out", a.path]), /is the input file/);
    expectOneLineError(
      run(["explain", a.path, "--html", relative(process.cwd(), a.path)]),
      /is the input file/,
    );
    expect(readFileSync(a.path, "utf8")).toBe(a.text);
  });

  test("--out a.md's chart (a.svg) may not be the input, nor may two outputs be one file", () => {
    const a = input("page.svg");
    expectOneLineError(run(["explain", a.path, "--out", join(dir, "page.md")]), /is the input file/);
    expect(readFileSync(a.path, "utf8")).toBe(a.text);
    const b = input("two.json");
    const same = join(dir, "two.out");
    expectOneLineError(run(["explain", b.path, "--html", same, "--svg", same]), /name the same file/);
  });

  test("--svg and its old name --chart together are refused: one option, given once", () => {
    const a = input("both.json");
    const r = run(["explain", a.path, "--svg", join(dir, "x.svg"), "--chart", join(dir, "y.svg")]);
    expectOneLineError(
      r,
      /^outage: --svg and --chart are one option \(--chart is its old name\); give one\n$/,
    );
    expect(readdirSync(dir)).not.toContain("x.svg");
  });
});

describe("exit codes", () => {
  test("help documents every exit code the tool returns, 3 as a bug in the tool", () => {
    const help = run(["help"]).stdout;
    const codes = help.slice(help.indexOf("Exit codes:"));
    expect(codes).toMatch(/\b0 holds/);
    expect(codes).toMatch(/\b1 violated/);
    expect(codes).toMatch(/\b2 bad input or an I\/O error/);
    expect(codes).toMatch(/\b3 internal error: a bug in the tool/);
    expect(run(["check", "--help"]).stdout).toMatch(/3 internal error/);
  });
});
