// Issue 15's input and I/O errors, run in this process: negative numbers are values, not options; every
// parse error is one clean line; an output the tool cannot write is exit 2 naming the path; no output file
// overwrites an input; `explain FILE` writes only what it is asked to.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { joinNegativeValues, run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
  const quick = ["--invariant", "WellFormed", "--runs", "2", "--no-save", "--json"];

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
