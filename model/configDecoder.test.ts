import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test as it } from "vitest";
import { withRemediations } from "./config.ts";
import { decodeConfig, parseConfig } from "./configDecoder.ts";
import { asWas } from "./configs/asWas.ts";

const errorOf = (text: string): string => {
  const r = parseConfig(text);
  if (E.isRight(r)) throw new Error("expected an error");
  return r.left;
};

const edited = (edit: (c: Record<string, unknown>) => void): string => {
  const c = JSON.parse(JSON.stringify(asWas)) as Record<string, unknown>;
  edit(c);
  return JSON.stringify(c);
};

describe("decodeConfig", () => {
  it("accepts the built-in as-was config printed as JSON", () => {
    expect(parseConfig(JSON.stringify(asWas))).toEqual(E.right(asWas));
  });

  it.each([
    [
      "an unknown key",
      edited((c) => (c.fleet = { ...(c.fleet as object), size: 3 })),
      /unknown key fleet\.size/,
    ],
    [
      "a negative count",
      edited((c) => (c.fleet = { ...(c.fleet as object), initialSize: -1 })),
      /fleet\.initialSize must be an integer ≥ 1, got -1/,
    ],
    [
      "a non-integer count",
      edited((c) => (c.shards = { ...(c.shards as object), shardCount: 2.5 })),
      /shards\.shardCount must be an integer/,
    ],
    [
      "more shards than the model's 30 (a stale-entry bit mask of 32 bits), said with the reason",
      edited((c) => (c.shards = { ...(c.shards as object), shardCount: 31 })),
      /shards\.shardCount \(31\) is above the supported 30: each frontend keeps its stale shard entries as one bit per shard of a 32-bit integer/,
    ],
    [
      "a thread limit below base threads",
      edited((c) => (c.threads = { ...(c.threads as object), threadLimit: 3 })),
      /threads\.threadLimit \(3\) is below threads\.baseThreads \(4\)/,
    ],
    ["a missing key", edited((c) => delete c.membership), /missing key membership/],
    ["malformed JSON", '{"name": "x",', /not valid JSON/],
    [
      "a string where a number belongs",
      edited((c) => (c.tickMinutes = "5")),
      /tickMinutes must be an integer/,
    ],
  ])("rejects %s with a one-line error naming the field", (_what, text, pattern) => {
    const e = errorOf(text);
    expect(e).toMatch(pattern);
    expect(e).not.toContain("\n");
  });

  test.prop({ v: fc.jsonValue() })("decodes any JSON value into a config or a one-line error", ({ v }) => {
    const r = decodeConfig(v);
    if (E.isLeft(r)) expect(r.left).not.toMatch(/[\r\n]/);
    else expect(r.right.threads.threadLimit).toBeGreaterThanOrEqual(r.right.threads.baseThreads);
  });

  test.prop({ text: fc.string() })(
    "parses any string into a config or a one-line error, never a throw",
    ({ text }) => {
      const r = parseConfig(text);
      expect(E.isLeft(r) ? r.left : "ok").not.toMatch(/[\r\n]/);
    },
  );
});

describe("a config file written before R3 and R5 (issue 14)", () => {
  it("decodes to exactly the config it was saved with (absent flags are off), so its content-addressed name stays its own", () => {
    const { testedHigherLimit: _r3, cacheOnDedicatedFleet: _r5, ...flags } = asWas.remediations;
    const { testedThreadLimit: _t, ...parameters } = asWas.remediationParameters;
    const old = { ...asWas, remediations: flags, remediationParameters: parameters };
    const decoded = decodeConfig(JSON.parse(JSON.stringify(old)));
    expect(decoded).toStrictEqual(E.right(old));
    if (E.isRight(decoded))
      expect(withRemediations(decoded.right, ["testedHigherLimit"]).remediations.testedHigherLimit).toBe(
        true,
      );
  });
});
