// ---------------------------------------------------------------------------------------------------------
// checker: the saved counterexample, a replayable, narrated file (style habit 14), and its decoder, for any
// spec. The `spec` field names the spec whose config and operations the file holds. The decoder is the
// boundary for untrusted files: a bad, truncated or corrupted file gets a one-line error naming the field,
// never a half-read value. The format is defined once (checker/counterexampleFormat.ts), and the published
// docs/counterexample.schema.json is generated from it (explain/schema.ts).
//
// Files written before the `spec` field (schemaVersion 1) still load: `legacySpecId` says whose they are.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { decodeWith } from "../model/format.ts";
import { oneLine } from "../model/oneLine.ts";
import { loadedFileFormat, SCHEMA_VERSION } from "./counterexampleFormat.ts";
import type { Spec } from "./spec.ts";

export { SCHEMA_VERSION } from "./counterexampleFormat.ts";

export interface SavedStep {
  readonly step: number;
  readonly label: string;
  readonly changes: ReadonlyArray<string>;
}

/** What a near-miss file records of its closest state: the invariant's closeness there, and what it measures. */
export interface NearMissMark {
  /** 0..1; 1 is on the edge of a violation (SpecInvariant.closeness), rounded to 4 decimals. */
  readonly closeness: number;
  readonly meaning: string;
}

export interface Counterexample<C, Op> {
  /** Which spec's config and operations these are (`Spec.id`). */
  readonly spec: string;
  readonly invariant: string;
  /** What was wrong in the state after `violationStep`. */
  readonly message: string;
  /** The source fact the invariant encodes. */
  readonly source: string;
  readonly config: C;
  /** fast-check seed and path of the search that found it (`--seed`, `fc.check(..., { seed, path })`); seed 0 and an empty path for a breadth-first trace. */
  readonly seed: number;
  readonly path: string;
  /** The minimal operations; replaying them from the initial state reproduces the violation. */
  readonly ops: ReadonlyArray<Op>;
  /**
   * The longest generated sequence of the search that found it: with `seed` and `path`, what fast-check needs
   * to regenerate the same case (`fc.assert(invariantProperty(spec, config, inv, { maxSteps }), { seed, path })`,
   * checker/property.ts). Absent for a breadth-first trace, and in files written before it was recorded.
   */
  readonly maxSteps?: number;
  /** The versions that wrote it: this tool's and fast-check's (a seed and path are fast-check's own). */
  readonly versions?: { readonly tool: string; readonly fastCheck: string };
  /** The step (1-based) after which the invariant first fails; 0 means the initial state already fails. */
  readonly violationStep: number;
  /**
   * Set on a near miss (`check --near-miss DIR`): the invariant held, and this is the run of the search that
   * came closest to breaking it, ending at its closest state (`violationStep`, whose `message` says how close).
   */
  readonly nearMiss?: NearMissMark;
  /** What changed at each step, in domain words. */
  readonly steps: ReadonlyArray<SavedStep>;
}

/** Where the schema is, relative to the file (`depth`: folders below the repository root). */
const schemaRef = (depth: number): string => `${"../".repeat(depth)}docs/counterexample.schema.json`;

/** The file's text: stable key order, two-space indent, trailing newline (same content, same bytes). */
export const encodeCounterexample = <C, Op>(c: Counterexample<C, Op>, depth: number): string =>
  `${JSON.stringify(
    {
      $schema: schemaRef(depth),
      spec: c.spec,
      schemaVersion: SCHEMA_VERSION,
      invariant: c.invariant,
      message: c.message,
      source: c.source,
      seed: c.seed,
      path: c.path,
      maxSteps: c.maxSteps,
      violationStep: c.violationStep,
      nearMiss: c.nearMiss,
      ops: c.ops,
      steps: c.steps,
      versions: c.versions,
      config: c.config,
    },
    null,
    2,
  )}\n`;

type Decoded<A> = E.Either<string, A>;
type Json = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

/** Decodes each of `xs` (found at `path`) with `each`, stopping at the first error. */
const decodeAll = <A>(
  path: string,
  xs: ReadonlyArray<unknown>,
  each: (p: string, x: unknown) => Decoded<A>,
): Decoded<ReadonlyArray<A>> => {
  const out: A[] = [];
  for (const [i, x] of xs.entries()) {
    const d = each(`${path}[${i}]`, x);
    if (E.isLeft(d)) return d;
    out.push(d.right);
  }
  return E.right(out);
};

/**
 * The spec a parsed file names: its `spec` field; for a file of schemaVersion 1, which had none, `legacy`
 * says whose it is from its other fields.
 */
export const specIdOf = (v: unknown, legacy: (file: Json) => string): Decoded<string> => {
  if (!isRecord(v)) return E.left("the file must hold a JSON object");
  if (v.schemaVersion === 1 && v.spec === undefined) return E.right(legacy(v));
  if (v.schemaVersion !== SCHEMA_VERSION)
    return E.left(
      `schemaVersion must be ${SCHEMA_VERSION}, got ${JSON.stringify(v.schemaVersion) ?? "nothing"}`,
    );
  return isString(v.spec) ? E.right(v.spec) : E.left("spec must be a string naming the spec");
};

/** Decodes a parsed counterexample file of `spec` (whose id `specIdOf` read from it). */
export const decodeCounterexample = <C, S, Op>(
  spec: Spec<C, S, Op>,
  v: unknown,
): Decoded<Counterexample<C, Op>> => {
  if (!isRecord(v)) return E.left("the file must hold a JSON object");
  // The spec the file names (schemaVersion 1 said it as `kind`, and only for a spec other than the first).
  const named = v.spec ?? v.kind;
  if (named !== undefined && named !== spec.id)
    return E.left(`the file is a counterexample of spec ${JSON.stringify(named)}, not of ${spec.id}`);
  return pipe(
    v,
    decodeWith(loadedFileFormat(spec.invariants.map((i) => i.name)), { root: "the file", got: false }),
    E.chain((f) =>
      pipe(
        E.Do,
        E.apS(
          "ops",
          decodeAll("ops", f.ops, (p, x) => spec.decodeOp(p, x)),
        ),
        E.apS(
          "config",
          pipe(
            spec.configs.decode(f.config),
            E.mapLeft((e) => `config: ${e}`),
          ),
        ),
        E.map(({ ops, config }) => ({ ...f, ops, config })),
      ),
    ),
    E.chain((f) =>
      f.violationStep > f.ops.length
        ? E.left(`violationStep (${f.violationStep}) is past the end of ops (${f.ops.length})`)
        : E.right({
            spec: spec.id,
            invariant: f.invariant,
            message: f.message,
            source: f.source,
            seed: f.seed,
            path: f.path,
            violationStep: f.violationStep,
            ops: f.ops,
            steps: f.steps,
            config: f.config,
            ...(f.maxSteps === undefined ? {} : { maxSteps: f.maxSteps }),
            ...(f.versions === undefined ? {} : { versions: f.versions }),
            ...(f.nearMiss === undefined ? {} : { nearMiss: f.nearMiss }),
          }),
    ),
  );
};

/** Parses a file's text as JSON, with a one-line error. */
export const parseJson = (text: string): Decoded<unknown> =>
  pipe(
    E.tryCatch(
      () => JSON.parse(text) as unknown,
      (e) => `not valid JSON (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
    ),
    E.mapLeft(oneLine),
  );

/** The counterexample for a violation found by a search. */
export const counterexampleFrom = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invariant: { readonly name: string; readonly source: string },
  found: {
    readonly seed: number;
    readonly path: string;
    readonly ops: ReadonlyArray<Op>;
    readonly violationStep: number;
    readonly message: string;
  },
  steps: ReadonlyArray<SavedStep>,
  /** For a random search's counterexample: its step limit, and the versions that found it. */
  provenance: Pick<Counterexample<C, Op>, "maxSteps" | "versions"> = {},
): Counterexample<C, Op> => ({
  spec: spec.id,
  invariant: invariant.name,
  message: found.message,
  source: invariant.source,
  config,
  seed: found.seed,
  path: found.path,
  ops: found.ops,
  violationStep: found.violationStep,
  steps,
  ...provenance,
});
