// ---------------------------------------------------------------------------------------------------------
// checker: a saved counterexample to a dependent invariant: the system counterpart of counterexample.ts,
// with the same fields plus `kind: "system"`, system operations and a system config. Decoded at the boundary
// with one-line errors naming the field. Saved under counterexamples/system/ so the core corpus stays as is.
// ---------------------------------------------------------------------------------------------------------

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { SystemConfig } from "../model/dependents/config.ts";
import { decodeSystemConfig } from "../model/dependents/configDecoder.ts";
import { DEPENDENT_OP_TYPES, type SystemOp } from "../model/system.ts";
import { SYSTEM_INVARIANT_NAMES, type SystemInvariantName } from "../properties/dependents/index.ts";
import { corpusFiles, DEFAULT_CORPUS_DIR, writeFileAtomic } from "./corpus.ts";
import { decodeOp, type SavedStep } from "./counterexample.ts";

export const SYSTEM_SCHEMA_VERSION = 1;
export const SYSTEM_CORPUS_SUBDIR = "system";

export interface SystemCounterexample {
  readonly kind: "system";
  readonly schemaVersion: number;
  readonly invariant: SystemInvariantName;
  readonly message: string;
  readonly source: string;
  readonly config: SystemConfig;
  readonly seed: number;
  readonly path: string;
  readonly ops: ReadonlyArray<SystemOp>;
  readonly violationStep: number;
  readonly steps: ReadonlyArray<SavedStep>;
}

/** Stable key order, two-space indent, trailing newline. */
export const encodeSystemCounterexample = (c: SystemCounterexample): string =>
  `${JSON.stringify(
    {
      kind: c.kind,
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

/** A dependent op: a known type and exactly its fields; anything else is decoded as a core op. */
export const decodeSystemOp = (path: string, v: unknown): Decoded<SystemOp> => {
  if (!isRecord(v) || !(DEPENDENT_OP_TYPES as ReadonlyArray<unknown>).includes(v.type))
    return decodeOp(path, v);
  const wanted = v.type === "clusterRequested" ? ["type", "service"] : ["type"];
  const extra = Object.keys(v).find((k) => !wanted.includes(k));
  if (extra !== undefined) return E.left(`${path} has an unknown field ${extra}`);
  if (v.type === "clusterRequested" && v.service !== "ecs" && v.service !== "eks")
    return E.left(`${path}.service must be ecs or eks`);
  return E.right(v as unknown as SystemOp);
};

const decodeList = <A>(
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

const KEYS = [
  "kind",
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

export const decodeSystemCounterexample = (v: unknown): Decoded<SystemCounterexample> => {
  if (!isRecord(v)) return E.left("the file must hold a JSON object");
  const unknown = Object.keys(v).find((k) => !KEYS.includes(k));
  if (unknown !== undefined) return E.left(`unknown key ${unknown}`);
  if (v.kind !== "system") return E.left('kind must be "system"');
  if (v.schemaVersion !== SYSTEM_SCHEMA_VERSION)
    return E.left(`schemaVersion must be ${SYSTEM_SCHEMA_VERSION}`);
  if (!isString(v.invariant) || !(SYSTEM_INVARIANT_NAMES as ReadonlyArray<string>).includes(v.invariant))
    return E.left(`invariant must be one of ${SYSTEM_INVARIANT_NAMES.join(", ")}`);
  if (!isString(v.message)) return E.left("message must be a string");
  if (!isString(v.source)) return E.left("source must be a string");
  if (typeof v.seed !== "number" || !Number.isSafeInteger(v.seed)) return E.left("seed must be an integer");
  if (!isString(v.path) || !/^(\d+(:\d+)*)?$/.test(v.path))
    return E.left("path must be a fast-check path like 3:0:1");
  if (!isNat(v.violationStep)) return E.left("violationStep must be a non-negative integer");
  const { invariant, message, source, seed, path, violationStep } = v;
  return pipe(
    E.Do,
    E.apS("ops", decodeList("ops", v.ops, decodeSystemOp)),
    E.apS("steps", decodeList("steps", v.steps, decodeStep)),
    E.apS(
      "config",
      pipe(
        decodeSystemConfig(v.config),
        E.mapLeft((e) => `config: ${e}`),
      ),
    ),
    E.chain(({ ops, steps, config }) =>
      violationStep > ops.length
        ? E.left(`violationStep (${violationStep}) is past the end of ops (${ops.length})`)
        : E.right({
            kind: "system" as const,
            schemaVersion: SYSTEM_SCHEMA_VERSION,
            invariant: invariant as SystemInvariantName,
            message,
            source,
            seed,
            path,
            violationStep,
            ops,
            steps,
            config,
          }),
    ),
  );
};

export const parseSystemCounterexample = (text: string): Decoded<SystemCounterexample> =>
  pipe(
    E.tryCatch(
      () => JSON.parse(text) as unknown,
      (e) => `not valid JSON (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
    ),
    E.chain(decodeSystemCounterexample),
  );

/** Whether a parsed file is a system counterexample (has `kind: "system"`). */
export const isSystemCounterexampleText = (text: string): boolean => {
  try {
    const v = JSON.parse(text) as unknown;
    return isRecord(v) && v.kind === "system";
  } catch {
    return false;
  }
};

/** `<Invariant>--<config>--<first 10 hex of sha256 of the content>.json`, as for the core corpus. */
export const systemCounterexampleFileName = (c: SystemCounterexample): string => {
  const hash = createHash("sha256")
    .update(JSON.stringify({ invariant: c.invariant, config: c.config, ops: c.ops }))
    .digest("hex")
    .slice(0, 10);
  return `${c.invariant}--${c.config.name.replace(/[^A-Za-z0-9._+-]/g, "_")}--${hash}.json`;
};

/** Saves into `<dir>/system/` atomically (corpus.ts `writeFileAtomic`); returns the path. */
export const saveSystemCounterexample = (dir: string, c: SystemCounterexample): string => {
  const path = join(dir, SYSTEM_CORPUS_SUBDIR, systemCounterexampleFileName(c));
  writeFileAtomic(path, encodeSystemCounterexample(c));
  return path;
};

export const loadSystemCounterexample = (path: string): Decoded<SystemCounterexample> => {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return E.left(`${path}: cannot be read`);
  }
  return pipe(
    parseSystemCounterexample(text),
    E.mapLeft((e) => `${path}: ${e}`),
  );
};

/** The committed system corpus. */
export const systemCorpusFiles = (dir: string = DEFAULT_CORPUS_DIR): ReadonlyArray<string> =>
  corpusFiles(join(dir, SYSTEM_CORPUS_SUBDIR));
