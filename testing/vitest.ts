// ---------------------------------------------------------------------------------------------------------
// testing: the package's `kinesis-outage-model/vitest` entry, for a user's own vitest suite. The property of
// an invariant (checker/property.ts), the saved corpus as fast-check `examples` (known failures replay first,
// as Hypothesis's example database does), and two matchers for `expect.extend`:
//   expect(ops).toHoldInvariant(spec, config, invariant)   these operations keep the invariant
//   expect(file).toReproduce()                             a saved counterexample still fails as saved
// ---------------------------------------------------------------------------------------------------------
import { readdirSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { corpusFolderOf, readText } from "../checker/corpus.ts";
import { decodeCounterexample, parseJson } from "../checker/counterexample.ts";
import { replayCounterexample } from "../checker/replay.ts";
import type { Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { runTrace } from "../checker/trace.ts";
import { loadSaved, onSaved } from "../specs/saved.ts";
import "vitest";

export {
  type InvariantPropertyOptions,
  invariantArbitrary,
  invariantHolds,
  invariantProperty,
} from "../checker/property.ts";

/**
 * The operations of every counterexample of `spec` saved under the corpus folder `dir` for `invariant`, in
 * the shape fast-check's `examples` option takes (`fc.assert(property, { examples })`), so they run first.
 * Files of other invariants are left out; a file that does not decode as `spec`'s is an error.
 */
export const savedExamples = <C, S, Op>(
  spec: Spec<C, S, Op>,
  dir: string,
  invariant: SpecInvariant<C, S>,
): Array<[ReadonlyArray<Op>]> => {
  const folder = corpusFolderOf(dir, spec);
  let names: ReadonlyArray<string>;
  try {
    names = readdirSync(folder).filter((f) => f.endsWith(".json") && f.startsWith(`${invariant.name}--`));
  } catch {
    return [];
  }
  return names.map((name): [ReadonlyArray<Op>] => {
    const path = join(folder, name);
    // readText names the file itself; the decoders' errors get its name here.
    const saved = pipe(
      readText(path),
      E.chain((text) =>
        pipe(
          parseJson(text),
          E.chain((json) => decodeCounterexample(spec, json)),
          E.mapLeft((e) => `${path}: ${e}`),
        ),
      ),
    );
    if (E.isLeft(saved)) throw new Error(saved.left);
    return [saved.right.ops];
  });
};

interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** The matchers, for `expect.extend(outageMatchers)`. */
export const outageMatchers = {
  toHoldInvariant<C, S, Op>(
    received: ReadonlyArray<Op>,
    spec: Spec<C, S, Op>,
    config: C,
    invariant: SpecInvariant<C, S>,
  ): MatcherResult {
    const v = runTrace(spec, config, received, [invariant]).violation;
    return v === undefined
      ? {
          pass: true,
          message: () => `expected ${invariant.name} to break within ${received.length} operations`,
        }
      : {
          pass: false,
          message: () => `${invariant.name} broke after step ${v.step}: ${v.violation.message}`,
        };
  },
  toReproduce(received: string): MatcherResult {
    const loaded = loadSaved(received);
    if (E.isLeft(loaded)) return { pass: false, message: () => loaded.left };
    const r = onSaved(loaded.right, (spec, saved) => replayCounterexample(spec, saved));
    return {
      pass: r.reproduces,
      message: () =>
        r.reproduces
          ? `expected ${received} no longer to reproduce: ${r.detail}`
          : `${received} no longer reproduces: ${r.detail} (see: npx outage explain ${received})`,
    };
  },
};

declare module "vitest" {
  interface Assertion<T> {
    /** The operations (the received value) keep `invariant` in every state they lead to. */
    toHoldInvariant<C, S, Op>(spec: Spec<C, S, Op>, config: C, invariant: SpecInvariant<C, S>): T;
    /** The saved counterexample file (the received path) still fails at its step with its message. */
    toReproduce(): T;
  }
}
