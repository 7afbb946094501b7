// Test helpers: a saved counterexample file's text read back by one expected spec, through the steps
// specs/saved.ts takes for any file (parse, the spec it names, that spec's decoder), and counterexamples of
// each spec to read (random ones, the committed ones).
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { corpusFiles, corpusFolderOf, readText } from "../checker/corpus.ts";
import { type Counterexample, decodeCounterexample, parseJson, specIdOf } from "../checker/counterexample.ts";
import type { Spec } from "../checker/spec.ts";
import { legacySpecId } from "../specs/index.ts";

/** A file's text decoded as a counterexample of `spec`: the spec it names must be `spec`. */
export const parseAs = <C, S, Op>(
  spec: Spec<C, S, Op>,
  text: string,
): E.Either<string, Counterexample<C, Op>> =>
  pipe(
    parseJson(text),
    E.chain((json) =>
      pipe(
        specIdOf(json, legacySpecId),
        E.chain((id) => (id === spec.id ? E.right(json) : E.left(`spec ${id}, not ${spec.id}`))),
        E.chain((v) => decodeCounterexample(spec, v)),
      ),
    ),
  );

/** Any counterexample of `spec` under `config`, whatever its fields say (the codec does not replay). */
export const counterexampleArb = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
): fc.Arbitrary<Counterexample<C, Op>> =>
  fc.record({
    spec: fc.constant(spec.id),
    invariant: fc.constantFrom(...spec.invariants.map((i) => i.name)),
    message: fc.string(),
    source: fc.string(),
    config: fc.constant(config),
    seed: fc.integer(),
    path: fc.array(fc.nat(99), { minLength: 1, maxLength: 5 }).map((p) => p.join(":")),
    ops: spec.opsArb(config, 20),
    violationStep: fc.constant(0),
    steps: fc.array(fc.record({ step: fc.nat(), label: fc.string(), changes: fc.array(fc.string()) }), {
      maxLength: 3,
    }),
  });

/** The committed corpus (counterexamples/). */
export const CORPUS_DIR = join(import.meta.dirname, "..", "counterexamples");

/** The committed counterexamples of `spec`, decoded by it, with their files. */
export const committedOf = <C, S, Op>(
  spec: Spec<C, S, Op>,
): ReadonlyArray<{ readonly file: string; readonly c: Counterexample<C, Op> }> =>
  corpusFiles(corpusFolderOf(CORPUS_DIR, spec)).map((file) => {
    const c = pipe(
      readText(file),
      E.chain((text) => parseAs(spec, text)),
    );
    if (E.isLeft(c)) throw new Error(`${file}: ${c.left}`);
    return { file, c: c.right };
  });
