// ---------------------------------------------------------------------------------------------------------
// checker: the saved counterexample, a replayable, narrated file (style habit 14), and its decoder. The
// decoder is the boundary for untrusted files: a bad, truncated or corrupted file gets a one-line error
// naming the field, never a half-read value. Schema: docs/counterexample.schema.json.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { Config } from "../model/config.ts";
import { decodeConfig } from "../model/configDecoder.ts";
import { oneLine } from "../model/oneLine.ts";
import { OP_TYPES, type Op } from "../model/ops.ts";
import { INVARIANT_NAMES, type InvariantName } from "../properties/index.ts";

export const SCHEMA_VERSION = 1;
export const SCHEMA_REF = "../docs/counterexample.schema.json";

export interface SavedStep {
  readonly step: number;
  readonly label: string;
  readonly changes: ReadonlyArray<string>;
}

export interface Counterexample {
  readonly schemaVersion: number;
  readonly invariant: InvariantName;
  /** What was wrong in the state after `violationStep`. */
  readonly message: string;
  /** The source fact the invariant encodes. */
  readonly source: string;
  readonly config: Config;
  /** fast-check seed and path of the search that found it (`--seed`, `fc.check(..., { seed, path })`). */
  readonly seed: number;
  readonly path: string;
  /** The minimal operations; replaying them from the initial state reproduces the violation. */
  readonly ops: ReadonlyArray<Op>;
  /** The step (1-based) after which the invariant first fails; 0 means the initial state already fails. */
  readonly violationStep: number;
  /** What changed at each step, in domain words. */
  readonly steps: ReadonlyArray<SavedStep>;
}

/** The file's text: stable key order, two-space indent, trailing newline (same content, same bytes). */
export const encodeCounterexample = (c: Counterexample): string =>
  `${JSON.stringify(
    {
      $schema: SCHEMA_REF,
      schemaVersion: c.schemaVersion,
      invariant: c.invariant,
      message: c.message,
      source: c.source,
      seed: c.seed,
      path: c.path,
      violationStep: c.violationStep,
      ops: c.ops,
      steps: c.steps,
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

const OP_FIELDS: { readonly [K in Op["type"]]: ReadonlyArray<string> } = {
  capacityAdded: ["count"],
  frontendRemoved: ["frontend"],
  frontendRestarted: ["frontend"],
  frontendCrashed: ["frontend"],
  peerLearned: ["frontend"],
  shardMoved: ["shard"],
  requestRouted: ["frontend", "shard"],
  tick: [],
};

/** Decodes one operation: a known `type` and exactly its fields, each a non-negative integer. */
export const decodeOp = (path: string, v: unknown): Decoded<Op> => {
  if (!isRecord(v)) return E.left(`${path} must be an object`);
  const type = v.type;
  if (!isString(type) || !(OP_TYPES as ReadonlyArray<string>).includes(type))
    return E.left(`${path}.type must be one of ${OP_TYPES.join(", ")}`);
  const wanted = OP_FIELDS[type as Op["type"]];
  const extra = Object.keys(v).find((k) => k !== "type" && !wanted.includes(k));
  if (extra !== undefined) return E.left(`${path} has an unknown field ${extra}`);
  const bad = wanted.find((k) => !isNat(v[k]) || (k === "count" && v[k] === 0));
  return bad === undefined
    ? E.right(v as unknown as Op)
    : E.left(`${path}.${bad} must be a non-negative integer`);
};

const decodeAll = <A>(
  path: string,
  v: unknown,
  each: (p: string, x: unknown) => Decoded<A>,
): Decoded<ReadonlyArray<A>> =>
  Array.isArray(v)
    ? v.reduce<Decoded<ReadonlyArray<A>>>(
        (acc, x, i) =>
          pipe(
            acc,
            E.chain((xs) =>
              pipe(
                each(`${path}[${i}]`, x),
                E.map((a) => [...xs, a]),
              ),
            ),
          ),
        E.right([]),
      )
    : E.left(`${path} must be an array`);

const decodeStep = (path: string, v: unknown): Decoded<SavedStep> =>
  isRecord(v) && isNat(v.step) && isString(v.label) && Array.isArray(v.changes) && v.changes.every(isString)
    ? E.right({ step: v.step, label: v.label, changes: v.changes as ReadonlyArray<string> })
    : E.left(`${path} must be {step, label, changes: string[]}`);

const field = <A>(o: Json, name: string, ok: (v: unknown) => v is A, what: string): Decoded<A> =>
  ok(o[name]) ? E.right(o[name] as A) : E.left(`${name} must be ${what}`);

const KNOWN_KEYS = [
  "$schema",
  "schemaVersion",
  "invariant",
  "message",
  "source",
  "seed",
  "path",
  "violationStep",
  "ops",
  "steps",
  "config",
];

/** Decodes a parsed counterexample file. */
export const decodeCounterexample = (v: unknown): Decoded<Counterexample> => {
  if (!isRecord(v)) return E.left("the file must hold a JSON object");
  const unknown = Object.keys(v).find((k) => !KNOWN_KEYS.includes(k));
  if (unknown !== undefined) return E.left(`unknown key ${unknown}`);
  if (v.schemaVersion !== SCHEMA_VERSION)
    return E.left(
      `schemaVersion must be ${SCHEMA_VERSION}, got ${JSON.stringify(v.schemaVersion) ?? "nothing"}`,
    );
  return pipe(
    E.Do,
    E.apS(
      "invariant",
      field(
        v,
        "invariant",
        (x): x is InvariantName => isString(x) && (INVARIANT_NAMES as ReadonlyArray<string>).includes(x),
        `one of ${INVARIANT_NAMES.join(", ")}`,
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
    E.apS("ops", decodeAll("ops", v.ops, decodeOp)),
    E.apS("steps", decodeAll("steps", v.steps, decodeStep)),
    E.apS(
      "config",
      pipe(
        decodeConfig(v.config),
        E.mapLeft((e) => `config: ${e}`),
      ),
    ),
    E.chain((c) =>
      c.violationStep > c.ops.length
        ? E.left(`violationStep (${c.violationStep}) is past the end of ops (${c.ops.length})`)
        : E.right({ ...c, schemaVersion: SCHEMA_VERSION }),
    ),
  );
};

/** Parses and decodes a counterexample file's text. */
export const parseCounterexample = (text: string): Decoded<Counterexample> =>
  pipe(
    E.tryCatch(
      () => JSON.parse(text) as unknown,
      (e) => `not valid JSON (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
    ),
    E.chain(decodeCounterexample),
    E.mapLeft(oneLine),
  );

/** The counterexample for a violation found by the search. */
export const counterexampleFrom = (
  config: Config,
  invariant: { readonly name: InvariantName; readonly source: string },
  found: {
    readonly seed: number;
    readonly path: string;
    readonly ops: ReadonlyArray<Op>;
    readonly violationStep: number;
    readonly message: string;
    readonly trace: { readonly steps: ReadonlyArray<SavedStep> };
  },
): Counterexample => ({
  schemaVersion: SCHEMA_VERSION,
  invariant: invariant.name,
  message: found.message,
  source: invariant.source,
  config,
  seed: found.seed,
  path: found.path,
  ops: found.ops,
  violationStep: found.violationStep,
  steps: found.trace.steps.map((s) => ({ step: s.step, label: s.label, changes: s.changes })),
});
