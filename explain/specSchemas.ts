// ---------------------------------------------------------------------------------------------------------
// explain: each spec's part of the published counterexample schema (explain/schema.ts): its invariant names,
// where its files are saved, and the formats its decoder reads its operations and config with (the one
// definition of each, model/opFormat.ts, model/systemOpFormat.ts, model/configFormat.ts,
// model/dependents/configFormat.ts), so the schema cannot drift from the decoder. Pure.
// ---------------------------------------------------------------------------------------------------------
import { corpusFolderOf, DEFAULT_CORPUS_DIR } from "../checker/corpus.ts";
import { counterexampleFormat, type SpecFileParts } from "../checker/counterexampleFormat.ts";
import type { Spec } from "../checker/spec.ts";
import { ConfigFormat } from "../model/configFormat.ts";
import { SystemConfigFormat } from "../model/dependents/configFormat.ts";
import { OpFormat } from "../model/opFormat.ts";
import { SystemOpFormat } from "../model/systemOpFormat.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";

/** What the schema says of one spec's files: its invariants, operations and config, and where its files live. */
export type SpecSchema = SpecFileParts<unknown, unknown>;

/** Where the published schema of counterexample files is, in the package. */
export const SCHEMA_PATH = "docs/counterexample.schema.json";

/** Where the schema is from a spec's corpus folder, as the encoder writes it. */
export const schemaFrom = (s: SpecSchema): string =>
  `${"../".repeat(s.folder.split("/").length)}${SCHEMA_PATH}`;

/** A spec's part of the schema: its own invariants and corpus folder, and the formats of its operations and config. */
const specSchema = <C, S, O>(
  spec: Spec<C, S, O>,
  parts: Pick<SpecFileParts<C, O>, "invariantsIn" | "op" | "config">,
): SpecSchema => ({
  id: spec.id,
  invariants: spec.invariants.map((i) => i.name),
  folder: corpusFolderOf(DEFAULT_CORPUS_DIR, spec),
  ...parts,
});

export const fleet = specSchema(fleetSpec, {
  invariantsIn: "properties/index.ts",
  op: OpFormat,
  config: ConfigFormat,
});

export const system = specSchema(systemSpec, {
  invariantsIn: "properties/dependents/index.ts",
  op: SystemOpFormat,
  config: SystemConfigFormat,
});

/** Every spec this project ships, in the order of specs/index.ts. */
export const SPECS: ReadonlyArray<SpecSchema> = [fleet, system];

/** A file of spec `s` as `npx outage check` writes it today, its operations and config included. */
export const fileFormatOf = (s: SpecSchema) => counterexampleFormat(s, schemaFrom(s));

/** The counterexample file format of each shipped spec, by spec id (docs/counterexample.schema.json's branches). */
export const COUNTEREXAMPLE_FORMATS = {
  fleet: fileFormatOf(fleet),
  system: fileFormatOf(system),
} as const;
