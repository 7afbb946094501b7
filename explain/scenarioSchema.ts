// ---------------------------------------------------------------------------------------------------------
// explain: the published JSON Schema of a scenario file (`npx outage scenario FILE`), docs/scenario.schema.json,
// so an editor checks a user's scenario as they type. The operations come from the op formats
// (model/opFormat.ts, model/systemOpFormat.ts), so they cannot drift from the op decoders; the rest mirrors
// model/scenarios/scenarioDecoder.ts, and explain/scenarioSchema.test.ts checks both accept and reject alike.
// ---------------------------------------------------------------------------------------------------------
import { type JsonSchema, toJsonSchema } from "@valibot/to-json-schema";
import * as v from "valibot";
import { OP_VARIANTS } from "../model/opFormat.ts";
import { OP_TYPES } from "../model/ops.ts";
import { DEPLOYABLE, MAX_END_TICK } from "../model/scenarios/scenarioDecoder.ts";
import { DEPENDENT_OP_VARIANTS } from "../model/systemOpFormat.ts";
import type { Schema } from "./schema.ts";

/** A scenario's operation: any system operation but the clock (time passes by itself), from the op formats. */
const ScenarioOpFormat = v.variant("type", [
  ...OP_VARIANTS.filter((_, i) => OP_TYPES[i] !== "tick"),
  ...DEPENDENT_OP_VARIANTS,
]);

export const SCENARIO_SCHEMA_PATH = "docs/scenario.schema.json";

const int = (minimum: number, description: string, maximum?: number): Schema => ({
  type: "integer",
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
  description,
});
const line = (description: string): Schema => ({
  type: "string",
  minLength: 1,
  pattern: "^[^\\r\\n]*$",
  description,
});
const closed = (
  properties: Readonly<Record<string, Schema>>,
  required: ReadonlyArray<string>,
  description: string,
  extra: Schema = {},
): Schema => ({ type: "object", description, additionalProperties: false, required, properties, ...extra });

const ops: Schema = {
  type: "array",
  items: { $ref: "#/$defs/op" },
  description:
    "operations, applied in order at the action's tick (the clock is not one: time passes by itself)",
};

/** A schema without its `$schema` key, to sit under `$defs` (the dialect is said once, at the top). */
const withoutDialect = ({ $schema: _dialect, ...rest }: JsonSchema): Schema => rest;

/** The schema, as the object written to docs/scenario.schema.json. */
export const scenarioSchema = (): Schema => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "kinesis-outage-model scenario file",
  description:
    "A day of operator actions for `npx outage scenario FILE` (model/scenarios/scenarioFile.ts). examples/scenarios/2020-11-25.json is the built-in day. Each action happens at its tick, before that tick's clock step; an action carries at most one of ops, pacedRestart and deploy, or only a record.",
  type: "object",
  additionalProperties: false,
  required: ["name", "startMinute", "endTick", "actions"],
  properties: {
    $schema: { type: "string", description: "where this schema is, for editors; ignored by the decoder" },
    name: line("the scenario's name, printed in the report"),
    description: line("what the scenario is and how it differs from the record"),
    startMinute: int(0, "minutes past midnight at tick 0 (02:40 = 160)", 24 * 60 - 1),
    endTick: int(1, "the scenario runs ticks 0 … endTick − 1", MAX_END_TICK),
    background: {
      type: "array",
      description: "operations repeated every everyTicks ticks from fromTick to the end (background demand)",
      items: closed(
        { fromTick: int(0, "first tick"), everyTicks: int(1, "period in ticks"), ops },
        ["fromTick", "everyTicks", "ops"],
        "a repeating set of operations",
      ),
    },
    actions: {
      type: "array",
      items: closed(
        {
          tick: int(0, "when (must be below endTick)"),
          record: line("what the public record says happened then; printed, does not affect the run"),
          ops,
          pacedRestart: closed(
            {
              first: int(0, "position of the first frontend restarted (default 0)"),
              frontends: int(1, "how many frontends are restarted in all"),
              perStep: int(1, "frontends restarted together at each step (default 1)"),
              everyTicks: int(1, "ticks between two steps"),
            },
            ["frontends", "everyTicks"],
            "K12/K15: a restart of part of the fleet at a pace: perStep frontends every everyTicks ticks",
          ),
          deploy: closed(
            {
              remediations: {
                type: "array",
                minItems: 1,
                items: { enum: [...DEPLOYABLE] },
                description: "remediation flags switched on from this tick (e.g. the in-event fixes)",
              },
              threadLimit: int(
                1,
                "K7: the OS thread limit from this tick on (AWS did not raise it untested)",
              ),
            },
            [],
            "a configuration change rolled out at this tick",
            { minProperties: 1 },
          ),
        },
        ["tick"],
        "an operator action or a note from the record",
        {
          not: {
            anyOf: [
              ["ops", "pacedRestart"],
              ["ops", "deploy"],
              ["pacedRestart", "deploy"],
            ].map((pair) => ({ required: pair, properties: Object.fromEntries(pair.map((k) => [k, true])) })),
          },
        },
      ),
    },
  },
  $defs: {
    op: {
      ...withoutDialect(toJsonSchema(ScenarioOpFormat, { target: "draft-2020-12" })),
      description: "a system operation other than the clock: a fleet operation or a dependent's event",
    },
  },
});

/** The schema file's text: two-space indent, trailing newline. */
export const scenarioSchemaText = (): string => `${JSON.stringify(scenarioSchema(), null, 2)}\n`;
