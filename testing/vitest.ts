// ---------------------------------------------------------------------------------------------------------
// testing: the package's `kinesis-outage-model/vitest` entry, for a user's own vitest suite. The property of
// an invariant (checker/property.ts), the saved corpus as fast-check `examples` (known failures replay first,
// as Hypothesis's example database does), new failures saved with the commands that read and replay them
// (testing/newFailures.ts), and two matchers for `expect.extend`:
//   expect(ops).toHoldInvariant(spec, config, invariant)   these operations keep the invariant
//   expect(file).toReproduce()                             a saved counterexample still fails as saved
// ---------------------------------------------------------------------------------------------------------
import { readdirSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
// Types only: the augmentation below needs vitest's declarations, and the compiled entry must not load vitest
// (a user's test runner has it already; `node -e 'import("kinesis-outage-model/vitest")'` must work without it).
import type {} from "vitest";
import { corpusFolderOf, DEFAULT_CORPUS_DIR, readText } from "../checker/corpus.ts";
import { decodeCounterexample, parseJson } from "../checker/counterexample.ts";
import { replayCounterexample } from "../checker/replay.ts";
import { invariantOf, type Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { runTrace } from "../checker/trace.ts";
import { packageRoot } from "../cli/version.ts";
import { loadSaved, onSaved } from "../specs/saved.ts";
import { explainLine, savedOrWhyNot, saveFailure } from "./newFailures.ts";

export {
  type InvariantPropertyOptions,
  invariantArbitrary,
  invariantHolds,
  invariantProperty,
} from "../checker/property.ts";
export {
  NEW_FAILURES_DIR,
  type SavedFailure,
  type SaveNewFailuresOptions,
  saveFailure,
  saveNewFailures,
} from "./newFailures.ts";

/**
 * The corpus this package ships: the counterexamples of its own invariants under its built-in configs
 * (counterexamples/ in the installed package), for `savedExamples` and `toReproduce`.
 */
export const packageCorpus = (): string => join(packageRoot(), DEFAULT_CORPUS_DIR);

/** `spec` knowing `invariant` too, so a file saved for a user's own invariant decodes. */
const withInvariant = <C, S, Op>(spec: Spec<C, S, Op>, invariant: SpecInvariant<C, S>): Spec<C, S, Op> =>
  invariantOf(spec, invariant.name) === undefined
    ? { ...spec, invariants: [...spec.invariants, invariant] }
    : spec;

/**
 * The operations of every counterexample of `spec` saved under the corpus folder `dir` for `invariant` (the
 * package's or a user's own), in the shape fast-check's `examples` option takes (`fc.assert(property, {
 * examples })`), so they run first. Files of other invariants are left out; a file that does not decode as
 * `spec`'s is an error.
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
          E.chain((json) => decodeCounterexample(withInvariant(spec, invariant), json)),
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

/** Where `toHoldInvariant` saves the operations that break the invariant (default: NEW_FAILURES_DIR). */
export interface HoldInvariantOptions {
  readonly folder?: string;
}

/** The matchers, for `expect.extend(outageMatchers)`. */
export const outageMatchers = {
  /**
   * On a failure (not under `.not`, where breaking is what was asked) the operations are saved, 1-minimal,
   * as a counterexample file, and the message names it and the command that explains it. The file's seed is
   * 0 and its path empty: the operations were the test's, not fast-check's.
   */
  toHoldInvariant<C, S, Op>(
    this: { readonly isNot?: boolean },
    received: ReadonlyArray<Op>,
    spec: Spec<C, S, Op>,
    config: C,
    invariant: SpecInvariant<C, S>,
    options: HoldInvariantOptions = {},
  ): MatcherResult {
    const v = runTrace(spec, config, received, [invariant]).violation;
    if (v === undefined)
      return {
        pass: true,
        message: () => `expected ${invariant.name} to break within ${received.length} operations`,
      };
    const saved =
      this.isNot === true
        ? undefined
        : savedOrWhyNot(
            () => saveFailure(spec, config, invariant, { seed: 0, path: "", ops: received }, options),
            invariant.name,
            explainLine,
          );
    return {
      pass: false,
      message: () =>
        [
          `${invariant.name} broke after step ${v.step}: ${v.violation.message}`,
          ...(saved === undefined ? [] : [saved]),
        ].join("\n"),
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
    toHoldInvariant<C, S, Op>(
      spec: Spec<C, S, Op>,
      config: C,
      invariant: SpecInvariant<C, S>,
      options?: HoldInvariantOptions,
    ): T;
    /** The saved counterexample file (the received path) still fails at its step with its message. */
    toReproduce(): T;
  }
}
