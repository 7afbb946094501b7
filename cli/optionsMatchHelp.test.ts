// What each command accepts, against what its --help and the README's command table say it takes (issue 15:
// README, --help and docs match the tool). Accepted is asked of the command itself: a flag followed by a
// probe option nobody takes; parseArgs names the first unknown option (or the stray "1" after a switch), so
// the flag is named only when it was refused, and no command runs. The converse is checked over every flag USAGE names anywhere: a
// command accepts none that its own --help leaves out.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "./main.ts";
import { commandUsage, USAGE } from "./usage.ts";

const COMMANDS = [
  ...new Set([...USAGE.matchAll(/^ {2}npx outage ([a-z-]+)/gm)].map((m) => m[1] as string)),
].filter((c) => c !== "help" && !c.startsWith("-"));

/** The long flags named in a text, without --help and --version (answered before any command runs). */
const flagsIn = (text: string): ReadonlyArray<string> =>
  [...new Set([...text.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]))].filter(
    (f) => f !== "--help" && f !== "--version",
  );

/** Whether `command` accepts `flag` (with or without a value). */
const accepts = (command: string, flag: string): boolean => {
  const r = run([command, flag, "1", "--zz-probe"]);
  expect(r.code, `${command} ${flag}`).toBe(2);
  // Refused, parseArgs names the flag; accepted, it names the probe, or "1" when a switch left it positional.
  return !r.stderr.includes(`unknown option ${flag};`);
};

/** A command's synopsis in its --help (the lines before "Options:"). */
const synopsis = (command: string): string => (commandUsage(command) ?? "").split("\nOptions:")[0] ?? "";

/** The README's command table: each row's first cell, by command. */
const readmeRows = (): ReadonlyArray<readonly [string, string]> =>
  readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8")
    .split("\n")
    .flatMap((line) => {
      const m = /^\| `npx outage ([a-z-]+)([^`]*)`/.exec(line);
      return m === null ? [] : [[m[1] as string, m[2] as string] as const];
    });

describe("each command's options, its --help and the README agree", () => {
  test.each(COMMANDS)("%s accepts every option its --help names", (command) => {
    const named = flagsIn(synopsis(command));
    expect(named.filter((f) => !accepts(command, f))).toEqual([]);
  });

  test.each(COMMANDS)("%s accepts no option of USAGE that its --help leaves out", (command) => {
    const own = flagsIn(synopsis(command));
    const others = flagsIn(USAGE).filter((f) => !own.includes(f));
    expect(others.filter((f) => accepts(command, f))).toEqual([]);
  });

  test("every command in the README's table exists, and accepts every option the table names for it", () => {
    const rows = readmeRows();
    expect(rows.length).toBeGreaterThan(5);
    for (const [command, cell] of rows) {
      if (command === "help" || command.startsWith("-")) continue;
      expect(COMMANDS, command).toContain(command);
      expect(
        flagsIn(cell).filter((f) => !accepts(command, f)),
        command,
      ).toEqual([]);
    }
  });
});
