import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test as it } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import { INVARIANTS } from "../properties/index.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { opArb } from "../specs/fleet/arbitraries.ts";
import {
  type Counterexample,
  counterexampleFrom,
  encodeCounterexample,
  parseCounterexample,
} from "./counterexample.ts";
import { DEFAULT_SEED, searchInvariant } from "./search.ts";

const found = (() => {
  const r = searchInvariant(asWas, threadBudget, { seed: DEFAULT_SEED, runs: 100, maxSteps: 40 });
  if (r.status !== "violated") throw new Error("as-was must violate ThreadBudget");
  return counterexampleFrom(asWas, threadBudget, r.found);
})();

const counterexampleArb: fc.Arbitrary<Counterexample> = fc.record({
  schemaVersion: fc.constant(1),
  invariant: fc.constantFrom(...INVARIANTS.map((i) => i.name)),
  message: fc.string(),
  source: fc.string(),
  config: fc.constant(asWas),
  seed: fc.integer(),
  path: fc.array(fc.nat(99), { minLength: 1, maxLength: 5 }).map((p) => p.join(":")),
  ops: fc.array(opArb(asWas), { maxLength: 20 }),
  violationStep: fc.constant(0),
  steps: fc.array(fc.record({ step: fc.nat(), label: fc.string(), changes: fc.array(fc.string()) }), {
    maxLength: 3,
  }),
});

describe("counterexample files", () => {
  test.prop({ c: counterexampleArb })("read back equal to what was written", ({ c }) => {
    expect(parseCounterexample(encodeCounterexample(c))).toEqual(E.right(c));
  });

  test.prop({ cut: fc.nat() })("a truncated file is rejected, not half-read", ({ cut }) => {
    const text = encodeCounterexample(found);
    const at = cut % (text.trimEnd().length - 1);
    expect(E.isLeft(parseCounterexample(text.slice(0, at)))).toBe(true);
  });

  it("names the field when an operation is corrupted", () => {
    const text = encodeCounterexample(found).replace('"type": "capacityAdded"', '"type": "capacityRemoved"');
    expect(parseCounterexample(text)).toEqual(
      E.left(expect.stringMatching(/^ops\[0\]\.type must be one of/)),
    );
  });

  it("names the field when the embedded config is bad", () => {
    const text = encodeCounterexample(found).replace('"threadLimit": 11', '"threadLimit": -11');
    expect(parseCounterexample(text)).toEqual(E.left(expect.stringMatching(/^config: threads\.threadLimit/)));
  });
});
