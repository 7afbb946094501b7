// ---------------------------------------------------------------------------------------------------------
// explain: the one published JSON Schema of counterexample files (docs/counterexample.schema.json), for every
// spec: a file of schemaVersion 2 names its spec in `spec`, and the schema has one branch per spec with that
// spec's invariant names, operations and config (explain/specSchemas.ts, built from the lists its decoder
// uses), so it cannot drift: `npm test` regenerates it and compares it with the committed file. Files written
// before the `spec` field (schemaVersion 1: the fleet's with no marker, the system's with `"kind": "system"`)
// have a branch each, since the committed corpus holds them and the decoder still loads them (specs/saved.ts).
// The decoder stays the authority and also checks what a schema cannot say (see `description`). Pure.
// ---------------------------------------------------------------------------------------------------------
import { SCHEMA_VERSION } from "../checker/counterexample.ts";
import { fleet, nat, object, type Schema, SPECS, type SpecSchema, system } from "./specSchemas.ts";

// ---------------------------------------------------------------------------------------------------------
// the file
// ---------------------------------------------------------------------------------------------------------

export const SCHEMA_PATH = "docs/counterexample.schema.json";

/** A narrated step of a saved trace. */
const stepSchema: Schema = object({
  step: nat(),
  label: { type: "string" },
  changes: { type: "array", items: { type: "string" } },
});

/** The fields every file has, whatever its spec and version (checker/counterexample.ts). */
const commonFields = (s: SpecSchema): Readonly<Record<string, Schema>> => ({
  invariant: { enum: [...s.invariants], description: `the invariant that fails (${s.invariantsIn})` },
  message: { type: "string", description: "what was wrong in the state after violationStep" },
  source: {
    type: "string",
    description: "the source fact the invariant encodes (a domain.md ID or a seed file)",
  },
  seed: {
    type: "integer",
    minimum: -2147483648,
    maximum: 2147483647,
    description: "fast-check seed of the search (0 for a shortest trace found by `npx outage verify`)",
  },
  path: {
    type: "string",
    pattern: "^(\\d+(:\\d+)*)?$",
    description: "fast-check path of the shrunk case, e.g. 3:0:1 (empty for `npx outage verify`)",
  },
  violationStep: nat("the 1-based step after which the invariant first fails; 0 = the initial state fails"),
  ops: {
    type: "array",
    items: { $ref: `#/$defs/${s.id}Op` },
    description: "the minimal operations; replaying them from the initial state reproduces the violation",
  },
  steps: {
    type: "array",
    items: { $ref: "#/$defs/step" },
    description: "what changed at each step, in domain words",
  },
  config: { $ref: `#/$defs/${s.id}Config` },
});

/** A file of spec `s` with `marker` (its `spec` or `kind` field and its schemaVersion). */
const fileOf = (
  s: SpecSchema,
  description: string,
  marker: Readonly<Record<string, Schema>>,
  schemaAt: string,
): Schema => {
  const fields = { ...marker, ...commonFields(s) };
  return {
    ...object(fields, description),
    properties: {
      $schema: { type: "string", description: `where a schema is, relative to the file (${schemaAt})` },
      ...fields,
    },
  };
};

/** Where the schema is from a spec's corpus folder, as the encoder writes it. */
const schemaFrom = (s: SpecSchema): string => `${"../".repeat(s.folder.split("/").length)}${SCHEMA_PATH}`;

/** What a random search's file records besides (optional: a breadth-first trace has no step limit). */
const PROVENANCE: Readonly<Record<string, Schema>> = {
  maxSteps: {
    type: "integer",
    minimum: 1,
    description:
      "the longest generated sequence of the search that found it: with seed and path, what fast-check needs to regenerate the case (checker/property.ts)",
  },
  versions: {
    ...object({ tool: { type: "string" }, fastCheck: { type: "string" } }),
    description: "the versions of this tool and of fast-check that wrote the file",
  },
  nearMiss: {
    ...object({
      closeness: { type: "number", minimum: 0, maximum: 1 },
      meaning: { type: "string" },
    }),
    description:
      "set on a near miss (`npx outage check --near-miss DIR`): the invariant held; the file is the run that came closest, ending at its closest state (violationStep), with the invariant's closeness there (1 = on the edge) and what it measures",
  },
};

/** The file of spec `s` as written today. */
const current = (s: SpecSchema): Schema => {
  const file = fileOf(
    s,
    `a counterexample of the ${s.id} spec (saved in ${s.folder}/)`,
    {
      spec: { const: s.id, description: "the spec whose config and operations the file holds" },
      schemaVersion: { const: SCHEMA_VERSION },
    },
    schemaFrom(s),
  );
  return { ...file, properties: { ...(file.properties as Record<string, Schema>), ...PROVENANCE } };
};

/** The files written before the `spec` field: the fleet's had no marker, the system's `"kind": "system"`. */
const LEGACY: Readonly<Record<string, Schema>> = {
  [`${fleet.id}Version1`]: fileOf(
    fleet,
    "schemaVersion 1, written before the `spec` field: a file with no `kind` is the fleet's",
    { schemaVersion: { const: 1 } },
    schemaFrom(fleet),
  ),
  [`${system.id}Version1`]: fileOf(
    system,
    "schemaVersion 1, written before the `spec` field: `kind` said it was the system's; its `$schema` names docs/system-counterexample.schema.json, which this schema replaced",
    {
      kind: { const: "system", description: "a counterexample over the whole system" },
      schemaVersion: { const: 1 },
    },
    "../../docs/system-counterexample.schema.json",
  ),
};

/** The schema, as the object written to docs/counterexample.schema.json. */
export const counterexampleSchema = (): Schema => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "kinesis-outage-model counterexample",
  description:
    "A shrunk, replayable counterexample saved by `npx outage check` or `npx outage verify` (checker/counterexample.ts), for any spec: its `spec` field names the spec, and its invariant, operations and config are that spec's. Replay it with `npx outage replay FILE`, explain it with `npx outage explain FILE`. Files of schemaVersion 1, written before the `spec` field, still load. Loading also checks what this schema cannot: violationStep ≤ the number of ops, fleet.maxSize ≥ fleet.initialSize, threads.threadLimit ≥ threads.baseThreads, and that replaying the ops reproduces the violation.",
  oneOf: [...SPECS.map((s) => s.id), ...Object.keys(LEGACY)].map((name) => ({ $ref: `#/$defs/${name}` })),
  $defs: {
    ...Object.fromEntries(SPECS.map((s) => [s.id, current(s)])),
    ...LEGACY,
    ...Object.fromEntries(SPECS.map((s) => [`${s.id}Op`, { oneOf: s.ops }])),
    ...Object.fromEntries(SPECS.map((s) => [`${s.id}Config`, s.config])),
    step: stepSchema,
  },
});

/** The schema file's text: two-space indent, trailing newline. */
export const schemaText = (): string => `${JSON.stringify(counterexampleSchema(), null, 2)}\n`;
