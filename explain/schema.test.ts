import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { corpusFiles } from "../checker/corpus.ts";
import { decodeCounterexample, SCHEMA_REF } from "../checker/counterexample.ts";
import {
  decodeSystemCounterexample,
  SYSTEM_SCHEMA_REF,
  systemCorpusFiles,
} from "../checker/systemCounterexample.ts";
import { SCHEMA_PATH, schemaText } from "./schema.ts";
import { SYSTEM_SCHEMA_PATH, systemSchemaText } from "./systemSchema.ts";

const root = join(import.meta.dirname, "..");
const committedSchema = JSON.parse(readFileSync(join(root, SCHEMA_PATH), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(committedSchema);
const corpus = corpusFiles(join(root, "counterexamples"));
const read = (f: string) => JSON.parse(readFileSync(f, "utf8"));

describe("docs/counterexample.schema.json", () => {
  test("is the schema generated from the code (run `npm run docs` after changing the file format)", () => {
    expect(readFileSync(join(root, SCHEMA_PATH), "utf8")).toBe(schemaText());
  });

  test("is where the files' $schema field points", () => {
    expect(join(root, "counterexamples", SCHEMA_REF)).toBe(join(root, SCHEMA_PATH));
  });

  test("the corpus is not empty", () => expect(corpus.length).toBeGreaterThan(0));

  test.each(corpus.map((f) => [f.split("/").pop(), f]))("committed %s validates against it", (_n, f) => {
    const ok = validate(read(f as string));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  const first = read(corpus[0] as string);
  const broken: ReadonlyArray<readonly [string, (c: Record<string, unknown>) => unknown]> = [
    ["a missing message", ({ message: _m, ...c }) => c],
    ["an unknown key", (c) => ({ ...c, extra: 1 })],
    ["an unknown invariant", (c) => ({ ...c, invariant: "NoSuchThing" })],
    ["a negative violation step", (c) => ({ ...c, violationStep: -1 })],
    ["an operation of an unknown type", (c) => ({ ...c, ops: [{ type: "explode" }] })],
    ["an operation with a wrong field", (c) => ({ ...c, ops: [{ type: "tick", frontend: 1 }] })],
    ["a zero capacity addition", (c) => ({ ...c, ops: [{ type: "capacityAdded", count: 0 }] })],
    [
      "a config without its threads",
      (c) => ({ ...c, config: { ...(c.config as object), threads: undefined } }),
    ],
    ["a wrong schema version", (c) => ({ ...c, schemaVersion: 2 })],
  ];
  test.each(broken)("rejects a file with %s, as the loader does", (_what, mutate) => {
    const bad = JSON.parse(JSON.stringify(mutate(first)));
    expect(validate(bad)).toBe(false);
    expect(E.isLeft(decodeCounterexample(bad))).toBe(true);
  });
});

describe("docs/system-counterexample.schema.json (counterexamples/system/)", () => {
  const committedSystem = JSON.parse(readFileSync(join(root, SYSTEM_SCHEMA_PATH), "utf8"));
  const validateSystem = new Ajv2020({ allErrors: true, strict: true }).compile(committedSystem);
  const systemCorpus = systemCorpusFiles(join(root, "counterexamples"));

  test("is the schema generated from the code (run `npm run docs` after changing the file format)", () => {
    expect(readFileSync(join(root, SYSTEM_SCHEMA_PATH), "utf8")).toBe(systemSchemaText());
  });

  test("is where the system files' $schema field points", () => {
    expect(join(root, "counterexamples", "system", SYSTEM_SCHEMA_REF)).toBe(join(root, SYSTEM_SCHEMA_PATH));
  });

  test("the system corpus is not empty", () => expect(systemCorpus.length).toBeGreaterThan(0));

  test.each(systemCorpus.map((f) => [f.split("/").pop(), f]))(
    "committed %s validates against it",
    (_n, f) => {
      const v = read(f as string);
      expect(v.$schema).toBe(SYSTEM_SCHEMA_REF);
      const ok = validateSystem(v);
      expect(validateSystem.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  test("a core file does not validate against it, nor a system file against the core schema", () => {
    expect(validateSystem(read(corpus[0] as string))).toBe(false);
    expect(validate(read(systemCorpus[0] as string))).toBe(false);
  });

  const first = read(systemCorpus[0] as string);
  const dependents = (c: Record<string, unknown>) =>
    (c.config as { dependents: Record<string, Record<string, unknown>> }).dependents;
  const broken: ReadonlyArray<readonly [string, (c: Record<string, unknown>) => unknown]> = [
    ["no kind", ({ kind: _k, ...c }) => c],
    ["a core invariant", (c) => ({ ...c, invariant: "ThreadBudget" })],
    ["an unknown container service", (c) => ({ ...c, ops: [{ type: "clusterRequested", service: "ecr" }] })],
    ["a dependent op with a stray field", (c) => ({ ...c, ops: [{ type: "authRequested", frontend: 1 }] })],
    [
      "a negative buffer size",
      (c) => {
        const d = dependents(c);
        return {
          ...c,
          config: {
            ...(c.config as object),
            dependents: { ...d, cognito: { ...d.cognito, bufferRecords: -1 } },
          },
        };
      },
    ],
    [
      "a config without its dependents",
      (c) => ({ ...c, config: { ...(c.config as object), dependents: undefined } }),
    ],
    [
      "an unknown dependent remediation",
      (c) => {
        const d = dependents(c);
        return {
          ...c,
          config: {
            ...(c.config as object),
            dependents: { ...d, remediations: { ...d.remediations, magic: true } },
          },
        };
      },
    ],
  ];
  test.each(broken)("rejects a system file with %s, as the loader does", (_what, mutate) => {
    const bad = JSON.parse(JSON.stringify(mutate(first)));
    expect(validateSystem(bad)).toBe(false);
    expect(E.isLeft(decodeSystemCounterexample(bad))).toBe(true);
  });
});
