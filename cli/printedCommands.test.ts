// Every command `check` and `verify` print for the user to run next does what the report says it does. For
// each config and spec that prints one, the `search again:` command of every violated invariant, run as
// printed, finds the same invariant VIOLATED with the same shrunk trace (the same block of the report, and
// the same saved file), and the `replay:` command says REPRODUCES. Runs in this process (`run` in
// cli/main.ts); printed paths are absolute because the test gives absolute ones.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-printed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A violated invariant's block of a human report: its lines, and the commands and file it names. */
interface Violated {
  readonly invariant: string;
  readonly lines: ReadonlyArray<string>;
  readonly saved?: string;
  readonly replay?: string;
  readonly searchAgain?: string;
}

/** The VIOLATED blocks of a human report: a line `Name  VIOLATED …` and the indented lines under it. */
const violatedBlocks = (report: string): ReadonlyArray<Violated> => {
  const blocks: string[][] = [];
  for (const line of report.split("\n")) {
    if (/^\S+\s+VIOLATED\b/.test(line)) blocks.push([line]);
    else if (line.startsWith("  ") && /^\S+\s+VIOLATED\b/.test(blocks.at(-1)?.[0] ?? ""))
      blocks.at(-1)?.push(line);
    else blocks.push([]);
  }
  const after = (lines: ReadonlyArray<string>, label: string) =>
    lines.find((l) => l.startsWith(`  ${label}: `))?.slice(label.length + 4);
  return blocks
    .filter((b) => b.length > 0)
    .map((lines) => {
      const invariant = (lines[0] ?? "").split(/\s+/)[0] ?? "";
      const saved = after(lines, "saved");
      const replay = after(lines, "replay");
      const searchAgain = after(lines, "search again");
      return {
        invariant,
        lines,
        ...(saved === undefined ? {} : { saved }),
        ...(replay === undefined ? {} : { replay }),
        ...(searchAgain === undefined ? {} : { searchAgain }),
      };
    });
};

/**
 * A printed `npx outage …` command as the arguments a POSIX shell would pass: words split at spaces, each
 * plain or in single quotes (`'\''` for a quote inside), as `shellWord` prints them; anything else fails.
 */
const argvOf = (command: string): ReadonlyArray<string> => {
  expect(command.startsWith("npx outage ")).toBe(true);
  const words: string[] = [];
  const word = /(?:[A-Za-z0-9_.,:/+=@-]+|'[^']*'|\\')+/y;
  const rest = command.slice("npx outage ".length);
  for (let at = 0; at < rest.length; ) {
    word.lastIndex = at;
    const m = word.exec(rest);
    if (m === null) throw new Error(`${command}: a word a shell would change, at "${rest.slice(at)}"`);
    words.push(m[0].replace(/'([^']*)'|\\(')/g, (_, quoted, quote) => quoted ?? quote));
    at = word.lastIndex;
    if (at < rest.length) {
      expect(rest[at], command).toBe(" ");
      at += 1;
    }
  }
  return words;
};

/** Runs `args` with counterexamples saved under a fresh folder; its report and the folder. */
const checkInto = (name: string, args: ReadonlyArray<string>) => {
  const out = join(dir, name);
  const r = run([...args, "--out", out]);
  return { ...r, out };
};

const small = JSON.parse(run(["config", "small"]).stdout);
// In a folder whose name a shell would split: the printed commands must quote it.
const configFile = join(dir, "a user's configs", "my small.json");
mkdirSync(join(dir, "a user's configs"));
writeFileSync(configFile, JSON.stringify({ ...small, name: "my-small" }));

/** Each way to ask for a check that prints commands; [what, arguments, how many it finds violated at least]. */
const CHECKS: ReadonlyArray<readonly [string, ReadonlyArray<string>, number]> = [
  ["as-was, every invariant of both specs (no --config given)", ["check"], 13],
  ["small, every invariant of both specs", ["check", "--config", "small"], 13],
  [
    "as-was with --remediation preflightGuard (the fleet's invariants that still fail, and the dependents')",
    ["check", "--remediation", "preflightGuard"],
    4,
  ],
  ["a config file", ["check", "--config", configFile], 13],
  [
    "dependent invariants with --config small",
    ["check", "--config", "small", "--invariant", "CognitoNeverBlocksOnKinesisBuffer,AlarmsHaveData"],
    2,
  ],
  [
    "core and dependent remediations, --seed, --runs and --max-steps",
    [
      "check",
      "--config",
      "small",
      "--remediation",
      "preflightGuard,cognitoNonBlockingBuffer",
      "--seed",
      "7",
      "--runs",
      "60",
      "--max-steps",
      "40",
    ],
    5,
  ],
  ["--path", ["check", "--invariant", "RoutesToCurrentOwner", "--path", "5"], 1],
];

describe("the commands `check` prints", () => {
  test.each(CHECKS.map(([what, args, n], i) => [what, args, n, i] as const))(
    "%s: every `search again` finds the same violation with the same trace, every `replay` reproduces",
    (_what, args, atLeast, i) => {
      const first = checkInto(`check-${i}`, args);
      expect(first.code, first.stderr).toBe(1);
      const violated = violatedBlocks(first.stdout);
      expect(violated.length).toBeGreaterThanOrEqual(atLeast);
      for (const v of violated) {
        if (v.searchAgain === undefined || v.replay === undefined || v.saved === undefined)
          throw new Error(`${v.invariant}: no search again, replay or saved line:\n${v.lines.join("\n")}`);
        expect(argvOf(v.replay)).toEqual(["replay", v.saved]);
        const replayed = run(argvOf(v.replay));
        expect(replayed.code, replayed.stdout).toBe(0);
        expect(replayed.stdout).toMatch(/^REPRODUCES {2}/);

        const again = checkInto(`again-${i}-${v.invariant}`, argvOf(v.searchAgain));
        expect(again.code, again.stderr).toBe(1);
        const [found, ...more] = violatedBlocks(again.stdout);
        expect(more).toEqual([]);
        // The same block: the same runs and shrink, the same trace and message, the same search-again command,
        // and the same file saved under the same name (only the folder differs).
        expect(found?.lines.join("\n").replaceAll(again.out, first.out)).toBe(v.lines.join("\n"));
        expect(basename(found?.saved ?? "")).toBe(basename(v.saved));
        expect(readFileSync(found?.saved ?? "", "utf8")).toBe(readFileSync(v.saved, "utf8"));
      }
    },
  );
});

describe("the commands `verify` prints", () => {
  test.each([
    ["small, every fleet invariant", ["verify", "--config", "small"]],
    [
      "small-system, a dependent invariant",
      ["verify", "--config", "small-system", "--invariant", "CognitoNeverBlocksOnKinesisBuffer"],
    ],
  ] as const)("%s: every `replay` reproduces", (_what, args) => {
    const r = checkInto(`verify-${args.length}`, args);
    expect(r.code, r.stderr).toBe(1);
    const violated = violatedBlocks(r.stdout);
    expect(violated.length).toBeGreaterThan(0);
    for (const v of violated) {
      if (v.replay === undefined) throw new Error(`${v.invariant}: no replay line`);
      const replayed = run(argvOf(v.replay));
      expect(replayed.code, replayed.stdout).toBe(0);
      expect(replayed.stdout).toMatch(/^REPRODUCES {2}/);
    }
  });
});

describe("the near miss's command", () => {
  test("a holding invariant's `replay that run` command reaches the same near miss", () => {
    const first = run([
      "check",
      "--config",
      configFile,
      "--remediation",
      "all",
      "--invariant",
      "ThreadBudget",
      "--runs",
      "50",
      "--no-save",
    ]);
    expect(first.code, first.stderr).toBe(0);
    const line = first.stdout.split("\n").find((l) => l.includes("replay that run: "));
    if (line === undefined) throw new Error(`no near miss in:\n${first.stdout}`);
    const [closeness] = /near miss: \d+%/.exec(line) ?? [];
    const command = line.slice(line.indexOf("replay that run: ") + "replay that run: ".length);
    const again = run([...argvOf(command), "--no-save"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(closeness);
    expect(again.stdout).toContain(`replay that run: ${command}`);
  });
});
