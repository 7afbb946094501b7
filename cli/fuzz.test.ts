// Fuzzing the CLI's input handling (issue 7): arbitrary flags and values either work or get one line naming
// the problem with exit code 2; never a stack trace, never an internal error, never a hang. The flag
// parsers are fuzzed one by one, and whole command lines through `main` (cli/main.ts), in this process: the
// real process adds only the streams and the exit code, which cli/process.test.ts checks.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import { INVARIANT_NAMES } from "../properties/index.ts";
import { FUZZ_RUNS, mutatedJson } from "../test/jsonMutations.ts";
import { applyRemediations, BadInput, intFlag, loadConfig, selectInvariants } from "./input.ts";
import { run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `f`; a BadInput must be one line starting with `prefix`; anything else thrown fails the test. */
const valueOrBadInput = <A>(f: () => A, prefix: string): A | undefined => {
  try {
    return f();
  } catch (e) {
    expect(e).toBeInstanceOf(BadInput);
    expect((e as Error).message.startsWith(prefix)).toBe(true);
    expect((e as Error).message).not.toMatch(/[\r\n]/);
    return undefined;
  }
};

const flagText = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.string({ unit: "binary", maxLength: 12 }),
);

describe("CLI flag parsers, fuzzed in-process", () => {
  fcTest.prop({ v: flagText }, { numRuns: FUZZ_RUNS })(
    "--runs: an integer in range or one line naming the flag",
    ({ v }) => {
      const n = valueOrBadInput(() => intFlag("--runs", v, 300, 1, 10_000_000), "--runs ");
      if (n !== undefined) expect(Number.isSafeInteger(n) && n >= 1 && n <= 10_000_000).toBe(true);
    },
  );

  fcTest.prop(
    { vs: fc.array(fc.oneof(flagText, fc.constantFrom("all", "preflightGuard", ",,"))) },
    { numRuns: FUZZ_RUNS },
  )("--remediation: a config or one line naming the unknown remediation", ({ vs }) => {
    valueOrBadInput(() => applyRemediations(asWas, vs), "--remediation ");
  });

  fcTest.prop(
    { vs: fc.array(fc.oneof(flagText, fc.constantFrom(...INVARIANT_NAMES))) },
    { numRuns: FUZZ_RUNS },
  )("--invariant: invariants or one line naming the unknown one", ({ vs }) => {
    valueOrBadInput(() => selectInvariants(vs), "--invariant ");
  });

  fcTest.prop(
    {
      text: fc.oneof(
        mutatedJson(asWas).map((v) => JSON.stringify(v)),
        fc.string({ unit: "binary" }),
      ),
    },
    { numRuns: 200 },
  )("--config FILE: a config or one line naming the file and the field", ({ text }) => {
    const file = join(dir, "fuzzed.json");
    writeFileSync(file, text);
    valueOrBadInput(() => loadConfig(file), `config ${file}: `);
  });
});

const FLAGS = [
  "--config",
  "--remediation",
  "--invariant",
  "--seed",
  "--runs",
  "--max-steps",
  "--out",
  "--no-save",
  "--json",
];
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -3, max: 30 }).map(String),
  fc.constantFrom("as-was", "all", "waitForCompleteMap", "ThreadBudget", "nope", "1e3", "0x10", ""),
);
const argument = fc.oneof(
  fc.tuple(fc.constantFrom(...FLAGS), value).map(([f, v]) => [f, v]),
  fc.constantFrom(...FLAGS, "--bogus", "-x").map((f) => [f]),
  value.map((v) => [v]),
);
const commandLine = fc
  .tuple(
    fc.constantFrom("check", "check", "replay", "config", "help", "chek"),
    fc.array(argument, { maxLength: 4 }),
  )
  .map(([command, args]) => [
    command,
    // Keep a valid `check` quick: the fuzzed flags come after, so they still override these.
    ...(command === "check" ? ["--runs", "2", "--max-steps", "5"] : []),
    ...args.flat(),
  ]);

/** Command lines the CLI fuzz runs; docs/trust.md reports the figure. */
const CLI_FUZZ_CASES = 200;

describe("npx outage with fuzzed command lines (in this process)", () => {
  // A fuzzed `check` saves where its flags say, relative to the working folder (counterexamples/ by default):
  // the temporary folder, not the repository. (Vitest runs each test file in a process of its own.)
  const home = process.cwd();
  beforeAll(() => process.chdir(dir));
  afterAll(() => process.chdir(home));

  test(`${CLI_FUZZ_CASES} random command lines: exit 0, 1, 2 or 4; exit 2 is one line; no stack trace, no internal error`, () => {
    const lines = fc.sample(commandLine, { seed: 20201125, numRuns: CLI_FUZZ_CASES });
    const results = lines.map((args) => run(args));
    for (const [i, r] of results.entries()) {
      const what = JSON.stringify(lines[i]);
      expect([0, 1, 2, 4], `${what} exited ${r.code}: ${r.stderr}`).toContain(r.code);
      expect(r.stderr, what).not.toMatch(/^\s+at |internal error/m);
      if (r.code === 2) expect(r.stderr, what).toMatch(/^outage: [^\n]+\n$/);
    }
    // The sample reaches both sides: some lines are rejected and some run.
    expect(results.some((r) => r.code === 2)).toBe(true);
    expect(results.some((r) => r.code !== 2)).toBe(true);
  });
});
