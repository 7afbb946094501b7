// `outage COMMAND --help` (commandUsage in cli/main.ts): the command's own synopsis, and only the options it takes.
import { describe, expect, test } from "vitest";
import { commandUsage, USAGE } from "./usage.ts";

/** The option labels a --help text lists ("--out DIR", "--fleet N", "--add K", …). */
const listed = (help: string): ReadonlyArray<string> =>
  help
    .split("\n")
    .filter((l) => l.startsWith("  --"))
    .flatMap((l) => (l.trim().split(/ {3,}/)[0] ?? "").split(", "));

describe("commandUsage", () => {
  test.each([
    ["scenario", ["--config NAME|FILE", "--remediation NAME", "--json"], ["--seed N", "--runs N"]],
    [
      "recovery",
      ["--config NAME|FILE", "--remediation NAME", "--seed N", "--runs N", "--json"],
      ["--out DIR"],
    ],
    ["matrix", ["--check"], ["--out DIR", "--json"]],
    [
      "preflight",
      ["--fleet N", "--add K", "--search-limit N", "--config NAME|FILE"],
      ["--seed N", "--check"],
    ],
  ])("%s --help lists the options its synopsis takes, and not the others", (command, takes, not) => {
    const help = commandUsage(command) ?? "";
    for (const option of takes) expect(listed(help)).toContain(option);
    for (const option of not) expect(listed(help)).not.toContain(option);
  });

  test("every option any command's --help lists is in the full usage, and each is listed by some command", () => {
    const commands = [...USAGE.matchAll(/^ {2}npx outage ([a-z-]+)/gm)].map((m) => m[1] as string);
    const all = new Set(commands.flatMap((c) => listed(commandUsage(c) ?? "")));
    expect(new Set(listed(USAGE))).toEqual(all);
  });

  test("a command USAGE does not describe has no usage of its own", () => {
    expect(commandUsage("frobnicate")).toBeUndefined();
  });
});
