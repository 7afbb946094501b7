// ---------------------------------------------------------------------------------------------------------
// explain: the published JSON Schema of a config file (`--config FILE`, as `npx outage config` prints it),
// docs/config.schema.json, so an editor validates a user's config as they type. Generated
// (@valibot/to-json-schema) from the format `--config FILE` is decoded with (model/dependents/configFormat.ts:
// the core config, model/configFormat.ts, and an optional `dependents`), so it cannot drift from the decoder.
// Pure.
// ---------------------------------------------------------------------------------------------------------
import { toJsonSchema } from "@valibot/to-json-schema";
import { ConfigFileFormat } from "../model/dependents/configFormat.ts";
import type { Schema } from "./schema.ts";

export const CONFIG_SCHEMA_PATH = "docs/config.schema.json";

/**
 * Where `npx outage config` points a printed config's `$schema`: the schema as the package installs it,
 * relative to the project that installed it (in this repository: docs/config.schema.json).
 */
export const CONFIG_SCHEMA_REF = "node_modules/kinesis-outage-model/docs/config.schema.json";

/** The schema, as the object written to docs/config.schema.json. */
export const configSchema = (): Schema => {
  const { $schema, ...format } = toJsonSchema(ConfigFileFormat, { target: "draft-2020-12" });
  return {
    $schema,
    title: "kinesis-outage-model config file",
    description:
      "A config for `npx outage COMMAND --config FILE` (model/config.ts): the fleet's numbers, its remediation flags and, optionally, the dependent services' numbers (`dependents`, as-was's when absent). Start from `npx outage config as-was > mine.json`. The decoder also checks what this schema cannot: fleet.maxSize ≥ fleet.initialSize and threads.threadLimit ≥ threads.baseThreads. shards.shardCount is at most 30: a frontend keeps its stale shard entries as one bit per shard of a 32-bit integer.",
    ...format,
  };
};

/** The schema file's text: two-space indent, trailing newline. */
export const configSchemaText = (): string => `${JSON.stringify(configSchema(), null, 2)}\n`;
