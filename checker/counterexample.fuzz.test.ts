// Fuzzing the counterexample parser (issue 7) beyond counterexample.test.ts: mutations of a real saved file,
// byte corruption, and arbitrary Unicode text. A file either decodes whole or is rejected with one line
// naming the problem; it is never half-read.
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { withAllRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { INVARIANTS } from "../properties/index.ts";
import { servesOnlyWithCompleteMap } from "../properties/servesOnlyWithCompleteMap.ts";
import { opArb } from "../specs/fleet/arbitraries.ts";
import { FUZZ_RUNS, mutatedJson } from "../test/jsonMutations.ts";
import { counterexampleFileName } from "./corpus.ts";
import {
  type Counterexample,
  counterexampleFrom,
  decodeCounterexample,
  encodeCounterexample,
  parseCounterexample,
} from "./counterexample.ts";
import { DEFAULT_SEED, searchInvariant } from "./search.ts";

const saved: Counterexample = (() => {
  const r = searchInvariant(asWas, servesOnlyWithCompleteMap, {
    seed: DEFAULT_SEED,
    runs: 100,
    maxSteps: 40,
  });
  if (r.status !== "violated") throw new Error("as-was must violate ServesOnlyWithCompleteMap");
  return counterexampleFrom(asWas, servesOnlyWithCompleteMap, r.found);
})();
const text = encodeCounterexample(saved);
const KEYS = Object.keys(JSON.parse(text) as object).filter((k) => k !== "$schema");

/** One line that names the problem: a field of the file, or the JSON itself. */
const namesTheProblem = (e: string): void => {
  expect(e).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(e).toMatch(new RegExp(`^(the file |unknown key |not valid JSON|(${KEYS.join("|")})[.:\\[\\s])`));
};

/** A decoded file is whole: it re-encodes to a file that decodes to the same value. */
const isWhole = (c: Counterexample): void => {
  expect(parseCounterexample(encodeCounterexample(c))).toEqual(E.right(c));
};

describe("counterexample files, fuzzed", () => {
  test.prop({ v: mutatedJson(JSON.parse(text)) }, { numRuns: FUZZ_RUNS })(
    "a mutated saved file decodes whole or gets a one-line error naming the field",
    ({ v }) => {
      const r = decodeCounterexample(v);
      if (E.isLeft(r)) namesTheProblem(r.left);
      else isWhole(r.right);
    },
  );

  test.prop(
    { at: fc.nat(), by: fc.string({ unit: "binary", minLength: 1, maxLength: 2 }) },
    { numRuns: FUZZ_RUNS },
  )("a file with a corrupted character is rejected, or decodes whole with every operation", ({ at, by }) => {
    const i = at % text.length;
    const corrupted = text.slice(0, i) + by + text.slice(i + 1);
    const r = parseCounterexample(corrupted);
    if (E.isLeft(r)) namesTheProblem(r.left);
    else {
      isWhole(r.right);
      const raw = JSON.parse(corrupted) as { ops: unknown[]; steps: unknown[] };
      expect(r.right.ops).toHaveLength(raw.ops.length);
      expect(r.right.steps).toHaveLength(raw.steps.length);
    }
  });

  test.prop({ t: fc.string({ unit: "binary", maxLength: 300 }) }, { numRuns: FUZZ_RUNS })(
    "arbitrary Unicode text gets a one-line error, never a throw",
    ({ t }) => {
      const r = parseCounterexample(t);
      expect(E.isLeft(r)).toBe(true);
      if (E.isLeft(r)) namesTheProblem(r.left);
    },
  );
});

describe("counterexample file names", () => {
  const variant = fc.record({
    invariant: fc.constantFrom(...INVARIANTS.map((i) => i.name)),
    config: fc.constantFrom(asWas, withAllRemediations(asWas)),
    ops: fc.array(opArb(asWas), { maxLength: 6 }),
  });
  test.prop({ a: variant, b: variant, seed: fc.integer() }, { numRuns: FUZZ_RUNS })(
    "two runs get the same name only for the same result, so neither clobbers the other's different one",
    ({ a, b, seed }) => {
      const same = JSON.stringify(a) === JSON.stringify(b);
      const nameA = counterexampleFileName({ ...saved, ...a });
      const nameB = counterexampleFileName({ ...saved, ...b, seed });
      expect(nameA === nameB).toBe(same);
    },
  );
});
