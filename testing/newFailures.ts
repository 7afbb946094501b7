// ---------------------------------------------------------------------------------------------------------
// testing: what a user's suite does with a NEW failure of an invariant, as Hypothesis's example database
// does: save it, and say how to look at it and how to replay it. A fast-check reporter (`saveNewFailures`,
// for `fc.assert` and `@fast-check/vitest`'s `test.prop`) saves the shrunk case as a counterexample file
// (atomically, content-addressed, checker/corpus.ts) into a folder the user chooses, by default
// counterexamples/new/, and fails with fast-check's own report plus the `npx outage explain FILE` command and
// the `{ seed, path, endOnFailure: true }` that regenerates the case. The file records the step limit and
// the versions, so `fc.assert(invariantProperty(spec, config, inv, { maxSteps }), { seed, path,
// endOnFailure: true })` reproduces it from the file alone (checker/property.ts).
// ---------------------------------------------------------------------------------------------------------
import { join } from "node:path";
import fc from "fast-check";
import { saveCounterexample } from "../checker/corpus.ts";
import { counterexampleFrom } from "../checker/counterexample.ts";
import type { InvariantPropertyOptions } from "../checker/property.ts";
import { minimize } from "../checker/search.ts";
import { invariantOf, type Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { runTrace } from "../checker/trace.ts";
import { packageVersion } from "../cli/version.ts";
import { narrate, savedSteps } from "../explain/narrate.ts";

/** Where new failures go unless the user says otherwise (relative to the working folder: the suite's root). */
export const NEW_FAILURES_DIR = join("counterexamples", "new");

export interface SaveNewFailuresOptions extends InvariantPropertyOptions {
  /** The corpus folder to save into (the spec's own subfolder is added, as in the CLI's `--out`). */
  readonly folder?: string;
}

/** What a saved failure is, for the message. */
export interface SavedFailure {
  readonly file: string;
  /** Whether the CLI can read it: `npx outage explain` knows the package's own invariants, not a user's. */
  readonly explainable: boolean;
  readonly seed: number;
  readonly path: string;
  readonly violationStep: number;
  readonly message: string;
}

/**
 * Saves the counterexample of a failed run of `invariantProperty(spec, config, invariant, options)` and
 * returns where; the saved operations are the shrunk case made 1-minimal, as `npx outage check` saves them.
 * Undefined when the failure is not `invariant`'s (the predicate threw for another reason).
 */
export const saveFailure = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invariant: SpecInvariant<C, S>,
  failed: { readonly seed: number; readonly path: string; readonly ops: ReadonlyArray<Op> },
  options: SaveNewFailuresOptions = {},
): SavedFailure | undefined => {
  const ops = minimize(spec, config, invariant, failed.ops);
  const trace = runTrace(spec, config, ops, [invariant]);
  const v = trace.violation;
  if (v === undefined) return undefined;
  const found = {
    seed: failed.seed,
    path: failed.path,
    ops,
    violationStep: v.step,
    message: v.violation.message,
  };
  const c = counterexampleFrom(spec, config, invariant, found, savedSteps(narrate(spec, config, trace)), {
    maxSteps: options.maxSteps ?? spec.defaultMaxSteps,
    versions: { tool: packageVersion(), fastCheck: fc.__version },
  });
  const file = saveCounterexample(options.folder ?? NEW_FAILURES_DIR, spec, c);
  return { ...found, file, explainable: invariantOf(spec, invariant.name) === invariant };
};

/** Where a failure was saved and the command that explains it. */
export const explainLine = (saved: SavedFailure): string =>
  saved.explainable
    ? `Saved as ${saved.file}; read it with: npx outage explain ${saved.file}`
    : `Saved as ${saved.file} (an invariant of your own: savedExamples reads it back; npx outage explain knows only the package's)`;

/** The lines a failure adds to fast-check's report: what broke, the file, how to read it, how to replay it. */
export const savedFailureLines = (invariantName: string, saved: SavedFailure): string =>
  [
    `${invariantName} broke after step ${saved.violationStep}: ${saved.message}`,
    explainLine(saved),
    `Replay it with fast-check: { seed: ${saved.seed}, path: ${JSON.stringify(saved.path)}, endOnFailure: true }`,
  ].join("\n");

/**
 * The lines saying where `save` saved a failure (`lines` of it), or why it could not: a folder that cannot be
 * written must not hide the failure itself. Undefined when there was nothing to save.
 */
export const savedOrWhyNot = (
  save: () => SavedFailure | undefined,
  invariantName: string,
  lines: (saved: SavedFailure) => string,
): string | undefined => {
  try {
    const saved = save();
    return saved === undefined ? undefined : lines(saved);
  } catch (e) {
    return `${invariantName}: the counterexample could not be saved (${e instanceof Error ? e.message : String(e)})`;
  }
};

/**
 * fast-check parameters for `invariantProperty(spec, config, invariant, options)` whose reporter, on a
 * failure, saves the counterexample and throws fast-check's report with the saved file's name, the explain
 * command and the replay parameters: `fc.assert(property, { ...saveNewFailures(...), examples })`, or
 * `test.prop([invariantArbitrary(...)], saveNewFailures(...))(name, invariantHolds(...))`. Pass the same
 * `maxSteps` to both, so the file's step limit is the property's.
 */
export const saveNewFailures = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invariant: SpecInvariant<C, S>,
  options: SaveNewFailuresOptions = {},
): fc.Parameters<[ReadonlyArray<Op>]> => ({
  reporter: (details) => {
    if (!details.failed) return;
    const report = fc.defaultReportMessage(details) ?? "Property failed";
    const ops = details.counterexample?.[0];
    const lines =
      ops === undefined
        ? undefined
        : savedOrWhyNot(
            () =>
              saveFailure(
                spec,
                config,
                invariant,
                { seed: details.seed, path: details.counterexamplePath ?? "", ops },
                options,
              ),
            invariant.name,
            (saved) => savedFailureLines(invariant.name, saved),
          );
    throw new Error(lines === undefined ? report : `${lines}\n\n${report}`, { cause: details.errorInstance });
  },
});
