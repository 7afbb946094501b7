// ---------------------------------------------------------------------------------------------------------
// explain: the published JSON Schema of a scenario file (`npx outage scenario FILE`), docs/scenario.schema.json,
// so an editor checks a user's scenario as they type. Generated (@valibot/to-json-schema) from the format the
// file is decoded with (model/scenarios/scenarioFormat.ts), so it cannot drift from the decoder; the scenario's
// operations are one definition (`$defs.op`) both lists refer to. Pure.
// ---------------------------------------------------------------------------------------------------------
import { toJsonSchema } from "@valibot/to-json-schema";
import { ScenarioFormat, ScenarioOpFormat } from "../model/scenarios/scenarioFormat.ts";
import type { Schema } from "./schema.ts";

export const SCENARIO_SCHEMA_PATH = "docs/scenario.schema.json";

/** The schema, as the object written to docs/scenario.schema.json. */
export const scenarioSchema = (): Schema => {
  const { $schema, ...format } = toJsonSchema(ScenarioFormat, {
    target: "draft-2020-12",
    definitions: { op: ScenarioOpFormat },
    // The format's rules between an object's keys are said in JSON Schema by the metadata beside each check.
    ignoreActions: ["check"],
  });
  return {
    $schema,
    title: "kinesis-outage-model scenario file",
    description:
      "A day of operator actions for `npx outage scenario FILE` (model/scenarios/scenarioFile.ts). examples/scenarios/2020-11-25.json is the built-in day. Each action happens at its tick, before that tick's clock step; an action carries at most one of ops, pacedRestart and deploy, or only a record. The decoder also checks what this schema cannot: each action's tick is below endTick.",
    ...format,
  };
};

/** The schema file's text: two-space indent, trailing newline. */
export const scenarioSchemaText = (): string => `${JSON.stringify(scenarioSchema(), null, 2)}\n`;
