// Fuzzing the config parser (issue 7) beyond configDecoder.test.ts: mutations of the valid as-was file reach
// every field's decoder; full-Unicode text and keys probe the one-line promise.
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { FUZZ_RUNS, mutatedJson } from "../test/jsonMutations.ts";
import { decodeConfig, parseConfig } from "./configDecoder.ts";
import { asWas } from "./configs/asWas.ts";

const TOP_KEYS = Object.keys(asWas);
const fullUnicodeJson = fc
  .jsonValue({ depthSize: "small" })
  .chain((v) => fc.dictionary(fc.string({ unit: "binary", maxLength: 8 }), fc.constant(v), { maxKeys: 3 }));

/** A decoder error must be one line that names the problem: a field path, a key, or the JSON itself. */
const namesTheProblem = (e: string): void => {
  expect(e).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(e).toMatch(
    new RegExp(`^(the config |unknown key |missing key |not valid JSON|(${TOP_KEYS.join("|")})[.\\s])`),
  );
};

describe("config files, fuzzed", () => {
  test.prop({ v: mutatedJson(asWas) }, { numRuns: FUZZ_RUNS })(
    "a mutated as-was config decodes to a config that round-trips, or to a one-line error naming the field",
    ({ v }) => {
      const r = decodeConfig(v);
      if (E.isLeft(r)) namesTheProblem(r.left);
      else expect(parseConfig(JSON.stringify(r.right))).toEqual(r);
    },
  );

  test.prop({ v: fullUnicodeJson }, { numRuns: FUZZ_RUNS })(
    "JSON with arbitrary Unicode keys gets a one-line error naming the problem",
    ({ v }) => {
      const r = decodeConfig(v);
      expect(E.isLeft(r)).toBe(true);
      if (E.isLeft(r)) namesTheProblem(r.left);
    },
  );

  test.prop({ text: fc.string({ unit: "binary", maxLength: 200 }) }, { numRuns: FUZZ_RUNS })(
    "arbitrary Unicode text parses or gets a one-line error, never a throw",
    ({ text }) => {
      const r = parseConfig(text);
      if (E.isLeft(r)) namesTheProblem(r.left);
    },
  );

  test.prop({ cut: fc.nat(), text: fc.constant(JSON.stringify(asWas, null, 2)) }, { numRuns: FUZZ_RUNS })(
    "a truncated config file is rejected, not half-read",
    ({ cut, text }) => {
      const r = parseConfig(text.slice(0, cut % text.length));
      expect(E.isLeft(r)).toBe(true);
      if (E.isLeft(r)) namesTheProblem(r.left);
    },
  );
});
