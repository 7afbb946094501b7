// docs/counterexample.schema.json, the one published schema of counterexample files of every spec: generated
// from the code, it accepts every committed file and every file the CLI saves today (schemaVersion 2, with its
// `spec`), the files written before the `spec` field (schemaVersion 1: the fleet's with no marker, the
// system's with `"kind": "system"`), and rejects what the decoder rejects.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, test } from "vitest";
import { corpusFiles, corpusFolderOf, DEFAULT_CORPUS_DIR } from "../checker/corpus.ts";
import { SCHEMA_VERSION } from "../checker/counterexample.ts";
import { run } from "../cli/main.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { loadSaved } from "../specs/saved.ts";
import { fleetCorpus, named, root, systemCorpus } from "../test/savedCorpus.ts";
import { SCHEMA_PATH, schemaText } from "./schema.ts";

type Json = Record<string, unknown>;

const committedSchema = JSON.parse(readFileSync(join(root, SCHEMA_PATH), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(committedSchema);
const read = (f: string): Json => JSON.parse(readFileSync(f, "utf8"));

const dir = mkdtempSync(join(tmpdir(), "outage-schema-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Fresh saves of today's CLI, in a corpus laid out as the repository's: `check` of a fleet and a system invariant, and `verify`'s shortest trace (seed 0, empty path). */
const freshCorpus = join(dir, DEFAULT_CORPUS_DIR);
const saves = [
  run(["check", "--invariant", "ThreadBudget,CloudWatchLosesNoDatapoint", "--out", freshCorpus]),
  run(["verify", "--config", "small", "--invariant", "RoutesToCurrentOwner", "--out", freshCorpus]),
];
const fresh = [
  ...corpusFiles(corpusFolderOf(freshCorpus, fleetSpec)),
  ...corpusFiles(corpusFolderOf(freshCorpus, systemSpec)),
];
const freshOf = (spec: string): string => {
  const f = fresh.find((x) => read(x).spec === spec);
  if (f === undefined) throw new Error(`no fresh save of the ${spec} spec`);
  return f;
};

/** Whether the decoder the CLI uses accepts `v` (written to a file and loaded, as `replay` does). */
const loads = (v: unknown): boolean => {
  const file = join(dir, "mutated.json");
  writeFileSync(file, JSON.stringify(v));
  return E.isRight(loadSaved(file));
};

const expectValid = (v: unknown): void => {
  const ok = validate(v);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
};

describe("docs/counterexample.schema.json", () => {
  test("is the schema generated from the code (run `npm run docs` after changing the file format)", () => {
    expect(readFileSync(join(root, SCHEMA_PATH), "utf8")).toBe(schemaText());
  });

  test("has a branch per spec, with that spec's invariants, and one per schemaVersion-1 kind of file", () => {
    for (const spec of [fleetSpec, systemSpec]) {
      const branch = committedSchema.$defs[spec.id];
      expect(branch.properties.spec).toMatchObject({ const: spec.id });
      expect(branch.properties.schemaVersion).toEqual({ const: SCHEMA_VERSION });
      expect(branch.properties.invariant.enum).toEqual(spec.invariants.map((i) => i.name));
    }
    expect(committedSchema.oneOf).toHaveLength(4);
  });

  test("the committed corpus holds files of both specs, and the fresh saves too", () => {
    expect(fleetCorpus.length).toBeGreaterThan(0);
    expect(systemCorpus.length).toBeGreaterThan(0);
    expect(saves.map((s) => s.code)).toEqual([1, 1]);
    expect(fresh.map((f) => read(f).spec).sort()).toEqual(["fleet", "fleet", "system"]);
  });

  test.each(named([...fleetCorpus, ...systemCorpus]))("committed %s validates and loads", (_n, f) => {
    expectValid(read(f));
    expect(loads(read(f))).toBe(true);
  });

  test.each(named(fresh))("freshly saved %s validates, and its $schema points at the schema", (_n, f) => {
    const v = read(f);
    expect(v.schemaVersion).toBe(SCHEMA_VERSION);
    expectValid(v);
    expect(join(dirname(f), v.$schema as string)).toBe(join(dirname(freshCorpus), SCHEMA_PATH));
  });

  test("a committed file's $schema points at the schema; a schemaVersion-1 system file's at the one this replaced", () => {
    for (const f of fleetCorpus)
      expect(join(dirname(f), read(f).$schema as string)).toBe(join(root, SCHEMA_PATH));
    for (const f of systemCorpus) {
      const v = read(f);
      const to = join(dirname(f), v.$schema as string);
      expect(to).toBe(
        v.schemaVersion === 1
          ? join(root, "docs/system-counterexample.schema.json")
          : join(root, SCHEMA_PATH),
      );
    }
    // The one counterexample schema (the system's own is gone), beside the config file's and the scenario file's.
    expect(readdirSync(join(root, "docs")).filter((n) => n.endsWith(".schema.json"))).toEqual([
      "config.schema.json",
      "counterexample.schema.json",
      "scenario.schema.json",
    ]);
  });
});

type Mutation = readonly [string, (c: Json) => unknown];

/** Breakages any file can have. */
const anyFile: ReadonlyArray<Mutation> = [
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
  ["an unknown schema version", (c) => ({ ...c, schemaVersion: 3 })],
];

/** Breakages of a file of schemaVersion 2. */
const current: ReadonlyArray<Mutation> = [
  ["no spec", ({ spec: _s, ...c }) => c],
  ["an unknown spec", (c) => ({ ...c, spec: "cloud" })],
  ["the other spec's name", (c) => ({ ...c, spec: c.spec === "fleet" ? "system" : "fleet" })],
];

const dependents = (c: Json) =>
  (c.config as { dependents: Record<string, Record<string, unknown>> }).dependents;
const withDependents = (c: Json, d: Json) => ({ ...c, config: { ...(c.config as object), dependents: d } });

/** Breakages of a system file. */
const systemFile: ReadonlyArray<Mutation> = [
  ["a fleet invariant", (c) => ({ ...c, invariant: "ThreadBudget" })],
  ["an unknown container service", (c) => ({ ...c, ops: [{ type: "clusterRequested", service: "ecr" }] })],
  ["a dependent op with a stray field", (c) => ({ ...c, ops: [{ type: "authRequested", frontend: 1 }] })],
  [
    "a negative buffer size",
    (c) => withDependents(c, { ...dependents(c), cognito: { ...dependents(c).cognito, bufferRecords: -1 } }),
  ],
  ["a config without its dependents", (c) => withDependents(c, undefined as unknown as Json)],
  [
    "an unknown dependent remediation",
    (c) =>
      withDependents(c, {
        ...dependents(c),
        remediations: { ...dependents(c).remediations, magic: true },
      }),
  ],
];

/** Breakages of a fleet file. */
const fleetFile: ReadonlyArray<Mutation> = [
  ["a dependent operation", (c) => ({ ...c, ops: [{ type: "authRequested" }] })],
  ["a config with dependents", (c) => withDependents(c, {})],
];

/** A file as schemaVersion 1 wrote it: no `spec`, step limit or versions; the system's said `"kind": "system"`. */
const version1 = (file: Json, kind: "system" | undefined): Json => {
  const { spec: _spec, maxSteps: _max, versions: _versions, ...rest } = file;
  return {
    ...rest,
    ...(kind === undefined ? {} : { $schema: "../../docs/system-counterexample.schema.json", kind }),
    schemaVersion: 1,
  };
};

describe("files as schemaVersion 1 wrote them", () => {
  test.each(named([...fleetCorpus, ...systemCorpus]))(
    "committed %s, written as version 1, validates and loads",
    (_n, f) => {
      const v = version1(read(f), fleetCorpus.includes(f) ? undefined : "system");
      expectValid(v);
      expect(loads(v)).toBe(true);
    },
  );
});

describe("the schema rejects what the decoder rejects", () => {
  const cases: ReadonlyArray<readonly [string, () => Json, ReadonlyArray<Mutation>]> = [
    [
      "a committed fleet file as schemaVersion 1 wrote it",
      () => version1(read(fleetCorpus[0] as string), undefined),
      [...anyFile, ...fleetFile],
    ],
    [
      "a committed system file as schemaVersion 1 wrote it",
      () => version1(read(systemCorpus[0] as string), "system"),
      [...anyFile, ...systemFile, ["no kind", ({ kind: _k, ...c }) => c]],
    ],
    ["a fresh fleet file", () => read(freshOf("fleet")), [...anyFile, ...current, ...fleetFile]],
    ["a fresh system file", () => read(freshOf("system")), [...anyFile, ...current, ...systemFile]],
  ];
  test.each(
    cases.flatMap(([what, file, mutations]) => mutations.map(([how, m]) => [what, how, file, m] as const)),
  )("%s with %s", (_what, _how, file, mutate) => {
    const bad = JSON.parse(JSON.stringify(mutate(file())));
    expect(validate(bad)).toBe(false);
    expect(loads(bad)).toBe(false);
  });
});
