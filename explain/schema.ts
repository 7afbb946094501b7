// ---------------------------------------------------------------------------------------------------------
// explain: the one published JSON Schema of counterexample files (docs/counterexample.schema.json), for every
// spec, generated (@valibot/to-json-schema) from the formats the decoder reads files with: the file's fields
// (checker/counterexampleFormat.ts, `counterexampleFormat`) and each spec's operations and config
// (explain/specSchemas.ts), so it cannot drift: `npm test` regenerates it and compares it with the committed
// file. A file of schemaVersion 2
// names its spec in `spec`, and the schema has one branch per spec. Files written before the `spec` field
// (schemaVersion 1: the fleet's with no marker, the system's with `"kind": "system"`) have a branch each,
// since the committed corpus holds them and the decoder still loads them (specs/saved.ts). The decoder also
// checks what a schema cannot say (see `description`). Pure.
// ---------------------------------------------------------------------------------------------------------
import { toJsonSchemaDefs } from "@valibot/to-json-schema";
import * as v from "valibot";
import { commonEntries, StepFormat, schemaKey } from "../checker/counterexampleFormat.ts";
import { section } from "../model/format.ts";
import { fileFormatOf, fleet, SPECS, schemaFrom, system } from "./specSchemas.ts";

export { SCHEMA_PATH } from "./specSchemas.ts";

export type Schema = Readonly<Record<string, unknown>>;

/** The files written before the `spec` field: the fleet's had no marker, the system's `"kind": "system"`. */
const LEGACY = {
  [`${fleet.id}Version1`]: section(
    { ...schemaKey(schemaFrom(fleet)), schemaVersion: v.literal(1), ...commonEntries(fleet) },
    "schemaVersion 1, written before the `spec` field: a file with no `kind` is the fleet's",
  ),
  [`${system.id}Version1`]: section(
    {
      ...schemaKey("../../docs/system-counterexample.schema.json"),
      kind: v.pipe(v.literal("system"), v.description("a counterexample over the whole system")),
      schemaVersion: v.literal(1),
      ...commonEntries(system),
    },
    "schemaVersion 1, written before the `spec` field: `kind` said it was the system's; its `$schema` names docs/system-counterexample.schema.json, which this schema replaced",
  ),
};

/** The schema, as the object written to docs/counterexample.schema.json. */
export const counterexampleSchema = (): Schema => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "kinesis-outage-model counterexample",
  description:
    "A shrunk, replayable counterexample saved by `npx outage check` or `npx outage verify` (checker/counterexample.ts), for any spec: its `spec` field names the spec, and its invariant, operations and config are that spec's. Replay it with `npx outage replay FILE`, explain it with `npx outage explain FILE`. Files of schemaVersion 1, written before the `spec` field, still load. Loading also checks what this schema cannot: violationStep ≤ the number of ops, fleet.maxSize ≥ fleet.initialSize, threads.threadLimit ≥ threads.baseThreads, and that replaying the ops reproduces the violation.",
  oneOf: [...SPECS.map((s) => s.id), ...Object.keys(LEGACY)].map((name) => ({ $ref: `#/$defs/${name}` })),
  $defs: toJsonSchemaDefs(
    {
      ...Object.fromEntries(SPECS.map((s) => [s.id, fileFormatOf(s)])),
      ...LEGACY,
      ...Object.fromEntries(SPECS.map((s) => [`${s.id}Op`, s.op])),
      ...Object.fromEntries(SPECS.map((s) => [`${s.id}Config`, s.config])),
      step: StepFormat,
    },
    { target: "draft-2020-12" },
  ),
});

/** The schema file's text: two-space indent, trailing newline. */
export const schemaText = (): string => `${JSON.stringify(counterexampleSchema(), null, 2)}\n`;
