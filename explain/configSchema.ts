// ---------------------------------------------------------------------------------------------------------
// explain: the published JSON Schema of a config file (`--config FILE`, as `npx outage config` prints it),
// docs/config.schema.json, so an editor validates a user's config as they type. Built from the same parts as
// the counterexample schema's configs (explain/specSchemas.ts: the decoder's sections and the shape of
// `asWasDependents`), so it cannot drift from the decoder. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Schema } from "./specSchemas.ts";
import { fleet, system } from "./specSchemas.ts";

export const CONFIG_SCHEMA_PATH = "docs/config.schema.json";

/**
 * Where `npx outage config` points a printed config's `$schema`: the schema as the package installs it,
 * relative to the project that installed it (in this repository: docs/config.schema.json).
 */
export const CONFIG_SCHEMA_REF = "node_modules/kinesis-outage-model/docs/config.schema.json";

type ObjectSchema = Schema & {
  readonly required: ReadonlyArray<string>;
  readonly properties: Readonly<Record<string, Schema>>;
};

/** The schema, as the object written to docs/config.schema.json. */
export const configSchema = (): Schema => {
  const core = fleet.config as ObjectSchema;
  const withDependents = system.config as ObjectSchema;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "kinesis-outage-model config file",
    description:
      "A config for `npx outage COMMAND --config FILE` (model/config.ts): the fleet's numbers, its remediation flags and, optionally, the dependent services' numbers (`dependents`, as-was's when absent). Start from `npx outage config as-was > mine.json`. The decoder also checks what this schema cannot: fleet.maxSize ≥ fleet.initialSize and threads.threadLimit ≥ threads.baseThreads. shards.shardCount is at most 30: a frontend keeps its stale shard entries as one bit per shard of a 32-bit integer.",
    type: "object",
    additionalProperties: false,
    required: core.required,
    properties: {
      $schema: { type: "string", description: "where this schema is, for editors; ignored by the decoder" },
      ...core.properties,
      dependents: withDependents.properties.dependents,
    },
  };
};

/** The schema file's text: two-space indent, trailing newline. */
export const configSchemaText = (): string => `${JSON.stringify(configSchema(), null, 2)}\n`;
