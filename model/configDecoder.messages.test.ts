// The config decoder's exact one-line errors at each boundary (issue 7: survivors of the measured mutation run;
// the CLI's fuzz tests check the same messages end to end, but they spawn processes that Stryker cannot
// mutate). Each edit starts from the as-was config printed as JSON.
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { parseConfig } from "./configDecoder.ts";
import { asWas } from "./configs/asWas.ts";

type Json = Record<string, Record<string, unknown> | unknown>;

const edited = (edit: (c: Json) => void): string => {
  const c = JSON.parse(JSON.stringify(asWas)) as Json;
  edit(c);
  return JSON.stringify(c);
};
const section = (c: Json, key: string): Record<string, unknown> => c[key] as Record<string, unknown>;

const outcome = (text: string): string => {
  const r = parseConfig(text);
  return E.isLeft(r) ? r.left : `accepted ${r.right.name}`;
};

describe("the config decoder's messages", () => {
  test.each([
    [
      "null",
      (c: Json) => {
        c.name = null;
      },
      "name must be a one-line string of 1 to 200 characters, got null",
    ],
    [
      "an array",
      (c: Json) => {
        c.name = [];
      },
      "name must be a one-line string of 1 to 200 characters, got an array",
    ],
    [
      "an empty name",
      (c: Json) => {
        c.name = "";
      },
      'name must be a one-line string of 1 to 200 characters, got ""',
    ],
    [
      "a two-line name",
      (c: Json) => {
        c.name = "a\nb";
      },
      'name must be a one-line string of 1 to 200 characters, got "a\\nb"',
    ],
    [
      "a 201-character name",
      (c: Json) => {
        c.name = "x".repeat(201);
      },
      `name must be a one-line string of 1 to 200 characters, got "${"x".repeat(201)}"`,
    ],
    [
      "a number for a flag",
      (c: Json) => {
        section(c, "remediations").preflightGuard = 1;
      },
      "remediations.preflightGuard must be true or false, got 1",
    ],
    [
      "a fraction for a count",
      (c: Json) => {
        section(c, "fleet").initialSize = 1.5;
      },
      "fleet.initialSize must be an integer ≥ 1, got 1.5",
    ],
    [
      "a string for a count",
      (c: Json) => {
        section(c, "fleet").initialSize = "8";
      },
      'fleet.initialSize must be an integer ≥ 1, got "8"',
    ],
    [
      "an unknown top-level key",
      (c: Json) => {
        c.extra = 1;
      },
      "unknown key extra (expected one of: name, description, tickMinutes, fleet, threads, shards, membership, coldStart, remediations, remediationParameters, remediationLimits)",
    ],
    [
      "a missing top-level key",
      (c: Json) => {
        delete c.fleet;
      },
      "missing key fleet",
    ],
    [
      "a missing nested key",
      (c: Json) => {
        delete section(c, "fleet").maxSize;
      },
      "missing key fleet.maxSize",
    ],
    [
      "a limit below the base threads",
      (c: Json) => {
        section(c, "threads").threadLimit = 3;
      },
      "threads.threadLimit (3) is below threads.baseThreads (4)",
    ],
    [
      "a plan below the fleet",
      (c: Json) => {
        section(c, "fleet").maxSize = 7;
      },
      "fleet.maxSize (7) is below fleet.initialSize (8)",
    ],
    [
      "a plan past the supported size",
      (c: Json) => {
        section(c, "fleet").maxSize = 100_001;
      },
      "fleet.maxSize (100001) is above the supported 100000",
    ],
    [
      "too many shards",
      (c: Json) => {
        section(c, "shards").shardCount = 31;
      },
      "shards.shardCount (31) is above the supported 30: each frontend keeps its stale shard entries as one bit per shard of a 32-bit integer",
    ],
  ])("%s", (_what, edit, message) => {
    expect(outcome(edited(edit))).toBe(message);
  });

  test.each([
    [
      "a 200-character name",
      (c: Json) => {
        c.name = "x".repeat(200);
      },
    ],
    [
      "a limit equal to the base threads",
      (c: Json) => {
        section(c, "threads").threadLimit = 4;
      },
    ],
    [
      "a plan equal to the fleet",
      (c: Json) => {
        section(c, "fleet").maxSize = 8;
      },
    ],
    [
      "a plan of exactly the supported size",
      (c: Json) => {
        section(c, "fleet").maxSize = 100_000;
      },
    ],
    [
      "exactly 30 shards",
      (c: Json) => {
        section(c, "shards").shardCount = 30;
      },
    ],
  ])("the boundary is accepted: %s", (_what, edit) => {
    expect(outcome(edited(edit))).toMatch(/^accepted /);
  });

  test("malformed JSON names the parser's complaint", () => {
    expect(outcome("{")).toMatch(/^not valid JSON \(.+\)$/);
  });
});
