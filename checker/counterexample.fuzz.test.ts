// Fuzzing the counterexample parser (issue 7) beyond counterexample.test.ts: mutations of a real saved file,
// byte corruption, and arbitrary Unicode text, for each spec's files. A file either decodes whole or is
// rejected with one line naming the problem; it is never half-read.
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { narrate, savedSteps } from "../explain/narrate.ts";
import { withAllRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { DEPENDENT_REMEDIATION_NAMES, withDependentRemediations } from "../model/dependents/config.ts";
import { servesOnlyWithCompleteMap } from "../properties/servesOnlyWithCompleteMap.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { committedOf, parseAs } from "../test/counterexamples.ts";
import { FUZZ_RUNS, mutatedJson } from "../test/jsonMutations.ts";
import { counterexampleFileName } from "./corpus.ts";
import { type Counterexample, counterexampleFrom, encodeCounterexample } from "./counterexample.ts";
import { DEFAULT_SEED } from "./defaults.ts";
import { searchInvariant } from "./search.ts";
import type { Spec } from "./spec.ts";

const fleetSaved = (() => {
  const r = searchInvariant(fleetSpec, asWas, servesOnlyWithCompleteMap, {
    seed: DEFAULT_SEED,
    runs: 100,
    maxSteps: 40,
  });
  if (r.status !== "violated") throw new Error("as-was must violate ServesOnlyWithCompleteMap");
  return counterexampleFrom(
    fleetSpec,
    asWas,
    servesOnlyWithCompleteMap,
    r.found,
    savedSteps(narrate(fleetSpec, asWas, r.found.trace)),
  );
})();

const systemSaved = (() => {
  const [first] = committedOf(systemSpec);
  if (first === undefined) throw new Error("the corpus holds system counterexamples");
  return first.c;
})();

/** The fuzz properties of `spec`'s files, around a real saved file `saved`; `configs`: two of its configs. */
const fuzzTests = <C, S, Op>(
  spec: Spec<C, S, Op>,
  saved: Counterexample<C, Op>,
  configs: readonly [C, C],
): void => {
  const text = encodeCounterexample(saved, 1);
  const keys = Object.keys(JSON.parse(text) as object).map((k) => k.replace("$", "\\$"));

  /** One line that names the problem: a field of the file, or the JSON itself. */
  const namesTheProblem = (e: string): void => {
    expect(e).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(e).toMatch(
      new RegExp(`^(the file |unknown key |missing key |not valid JSON|(${keys.join("|")})[.:\\[\\s])`),
    );
  };

  /** A decoded file is whole: it re-encodes to a file that decodes to the same value. */
  const isWhole = (c: Counterexample<C, Op>): void => {
    expect(parseAs(spec, encodeCounterexample(c, 1))).toEqual(E.right(c));
  };

  describe(`counterexample files of the ${spec.id}, fuzzed`, () => {
    test.prop({ v: mutatedJson(JSON.parse(text)) }, { numRuns: FUZZ_RUNS })(
      "a mutated saved file decodes whole or gets a one-line error naming the field",
      ({ v }) => {
        const r = parseAs(spec, JSON.stringify(v));
        if (E.isLeft(r)) namesTheProblem(r.left);
        else isWhole(r.right);
      },
    );

    test.prop(
      { at: fc.nat(), by: fc.string({ unit: "binary", minLength: 1, maxLength: 2 }) },
      { numRuns: FUZZ_RUNS },
    )(
      "a file with a corrupted character is rejected, or decodes whole with every operation",
      ({ at, by }) => {
        const i = at % text.length;
        const corrupted = text.slice(0, i) + by + text.slice(i + 1);
        const r = parseAs(spec, corrupted);
        if (E.isLeft(r)) namesTheProblem(r.left);
        else {
          isWhole(r.right);
          const raw = JSON.parse(corrupted) as { ops: unknown[]; steps: unknown[] };
          expect(r.right.ops).toHaveLength(raw.ops.length);
          expect(r.right.steps).toHaveLength(raw.steps.length);
        }
      },
    );

    test.prop({ t: fc.string({ unit: "binary", maxLength: 300 }) }, { numRuns: FUZZ_RUNS })(
      "arbitrary Unicode text gets a one-line error, never a throw",
      ({ t }) => {
        const r = parseAs(spec, t);
        expect(E.isLeft(r)).toBe(true);
        if (E.isLeft(r)) namesTheProblem(r.left);
      },
    );
  });

  describe(`counterexample file names of the ${spec.id}`, () => {
    const variant = fc.record({
      invariant: fc.constantFrom(...spec.invariants.map((i) => i.name)),
      config: fc.constantFrom(...configs),
      ops: spec.opsArb(configs[0], 6),
    });
    const nameOf = (c: Counterexample<C, Op>): string =>
      counterexampleFileName(c, spec.configs.nameOf(c.config));
    test.prop({ a: variant, b: variant, seed: fc.integer() }, { numRuns: FUZZ_RUNS })(
      "two runs get the same name only for the same result, so neither clobbers the other's different one",
      ({ a, b, seed }) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(nameOf({ ...saved, ...a }) === nameOf({ ...saved, ...b, seed })).toBe(same);
      },
    );
  });
};

fuzzTests(fleetSpec, fleetSaved, [asWas, withAllRemediations(asWas)]);
fuzzTests(systemSpec, systemSaved, [
  asWasSystem,
  withDependentRemediations(asWasSystem, DEPENDENT_REMEDIATION_NAMES),
]);
