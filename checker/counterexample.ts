// ---------------------------------------------------------------------------------------------------------
// checker: the saved counterexample, a replayable, narrated file (style habit 14), and its decoder, for any
// spec. The `spec` field names the spec whose config and operations the file holds. The decoder is the
// boundary for untrusted files: a bad, truncated or corrupted file gets a one-line error naming the field,
// never a half-read value. Schema: docs/counterexample.schema.json (explain/schema.ts writes it).
//
// Files written before the `spec` field (schemaVersion 1) still load: `legacySpecId` says whose they are.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { oneLine } from "../model/oneLine.ts";
import type { Spec } from "./spec.ts";

export const SCHEMA_VERSION = 2;

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
const isNat = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isString = (v: unknown): v is string => typeof v === "string";

const decodeAll = <A>(
  path: string,
  v: unknown,
  each: (p: string, x: unknown) => Decoded<A>,
): Decoded<ReadonlyArray<A>> => {
  if (!Array.isArray(v)) return E.left(`${path} must be an array`);
  const out: A[] = [];
  for (const [i, x] of v.entries()) {
    const d = each(`${path}[${i}]`, x);
    if (E.isLeft(d)) return d;
    out.push(d.right);
  }
  return E.right(out);
};

const decodeStep = (path: string, v: unknown): Decoded<SavedStep> =>
  isRecord(v) && isNat(v.step) && isString(v.label) && Array.isArray(v.changes) && v.changes.every(isString)
    ? E.right({ step: v.step, label: v.label, changes: v.changes as ReadonlyArray<string> })
    : E.left(`${path} must be {step, label, changes: string[]}`);

const field = <A>(o: Json, name: string, ok: (v: unknown) => v is A, what: string): Decoded<A> =>
  ok(o[name]) ? E.right(o[name] as A) : E.left(`${name} must be ${what}`);

/** The optional near-miss mark: absent, or {closeness in 0..1, meaning}. */
const decodeNearMiss = (v: unknown): Decoded<NearMissMark | undefined> =>
  v === undefined
    ? E.right(undefined)
    : isRecord(v) &&
        typeof v.closeness === "number" &&
        v.closeness >= 0 &&
        v.closeness <= 1 &&
        isString(v.meaning) &&
        Object.keys(v).length === 2
      ? E.right({ closeness: v.closeness, meaning: v.meaning })
      : E.left("nearMiss must be {closeness: a number from 0 to 1, meaning: a string}");

const KNOWN_KEYS = [
  "$schema",
  "spec",
  "kind",
  "schemaVersion",
  "invariant",
  "message",
  "source",
  "seed",
  "path",
  "maxSteps",
  "violationStep",
  "nearMiss",
  "ops",
  "steps",
  "versions",
  "config",
];

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
  const unknown = Object.keys(v).find((k) => !KNOWN_KEYS.includes(k));
  if (unknown !== undefined) return E.left(`unknown key ${unknown}`);
  // The spec the file names (schemaVersion 1 said it as `kind`, and only for a spec other than the first).
  const named = v.spec ?? v.kind;
  if (named !== undefined && named !== spec.id)
    return E.left(`the file is a counterexample of spec ${JSON.stringify(named)}, not of ${spec.id}`);
  const names = spec.invariants.map((i) => i.name);
  return pipe(
    E.Do,
    E.apS(
      "invariant",
      field(
        v,
        "invariant",
        (x): x is string => isString(x) && names.includes(x),
        `one of ${names.join(", ")}`,
      ),
    ),
    E.apS("message", field(v, "message", isString, "a string")),
    E.apS("source", field(v, "source", isString, "a string")),
    E.apS(
      "seed",
      field(v, "seed", (x): x is number => typeof x === "number" && Number.isSafeInteger(x), "an integer"),
    ),
    E.apS(
      "path",
      field(
        v,
        "path",
        (x): x is string => isString(x) && /^(\d+(:\d+)*)?$/.test(x),
        "a fast-check path like 3:0:1",
      ),
    ),
    E.apS("violationStep", field(v, "violationStep", isNat, "a non-negative integer")),
    E.apS(
      "provenance",
      v.maxSteps !== undefined && !(isNat(v.maxSteps) && v.maxSteps >= 1)
        ? E.left("maxSteps must be a positive integer")
        : v.versions !== undefined &&
            !(
              isRecord(v.versions) &&
              isString(v.versions.tool) &&
              isString(v.versions.fastCheck) &&
              Object.keys(v.versions).length === 2
            )
          ? E.left("versions must be {tool, fastCheck}, two strings")
          : E.right({
              ...(v.maxSteps === undefined ? {} : { maxSteps: v.maxSteps as number }),
              ...(v.versions === undefined
                ? {}
                : { versions: v.versions as { readonly tool: string; readonly fastCheck: string } }),
            }),
    ),
    E.apS("nearMiss", decodeNearMiss(v.nearMiss)),
    E.apS(
      "ops",
      decodeAll("ops", v.ops, (p, x) => spec.decodeOp(p, x)),
    ),
    E.apS("steps", decodeAll("steps", v.steps, decodeStep)),
    E.apS(
      "config",
      pipe(
        spec.configs.decode(v.config),
        E.mapLeft((e) => `config: ${e}`),
      ),
    ),
    E.chain(({ provenance, nearMiss, ...c }) =>
      c.violationStep > c.ops.length
        ? E.left(`violationStep (${c.violationStep}) is past the end of ops (${c.ops.length})`)
        : E.right({ spec: spec.id, ...c, ...provenance, ...(nearMiss === undefined ? {} : { nearMiss }) }),
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
