// ---------------------------------------------------------------------------------------------------------
// model: the scenario file format (`npx outage scenario FILE`), defined once (issue 16): this valibot schema
// is the decoder (scenarioDecoder.ts) and the published JSON Schema (docs/scenario.schema.json, through
// explain/scenarioSchema.ts). Its operations are the op formats' (model/opFormat.ts, model/systemOpFormat.ts)
// without the clock. A rule between an object's own keys (an action has at most one kind, a deployment changes
// something) is checked here and said in the JSON Schema by the same helper; a rule across the file (an action's
// tick below endTick) is checked after it, in scenarioDecoder.ts. Meanings: scenarioFile.ts.
// ---------------------------------------------------------------------------------------------------------
import * as v from "valibot";
import { REMEDIATION_NAMES, type RemediationName } from "../config.ts";
import { SCHEMA_KEY } from "../configFormat.ts";
import { DEPENDENT_REMEDIATION_NAMES, type DependentRemediationName } from "../dependents/config.ts";
import { atLeast, type Format, integerIn, KEYED, list, matching, oneOf, section } from "../format.ts";
import { OP_VARIANTS, opMessage } from "../opFormat.ts";
import { OP_TYPES } from "../ops.ts";
import type { SystemOp } from "../system.ts";
import { DEPENDENT_OP_TYPES } from "../system.ts";
import { DEPENDENT_OP_VARIANTS } from "../systemOpFormat.ts";

/** The longest scenario accepted: a week of 5-minute ticks (a guard against a typo running for hours). */
export const MAX_END_TICK = 7 * 24 * 12;

/** Every remediation a deployment may switch on: the fleet's and the dependents'. */
export const DEPLOYABLE: ReadonlyArray<RemediationName | DependentRemediationName> = [
  ...REMEDIATION_NAMES,
  ...DEPENDENT_REMEDIATION_NAMES,
];

/** A name or a note: one line, not empty. */
const line = (description: string) => matching(/^[^\r\n]+$/, "a non-empty one-line string", description);

/** An operation's types in a scenario: every system operation's but the clock's. */
const ACTION_OP_TYPES = [...OP_TYPES.filter((t) => t !== "tick"), ...DEPENDENT_OP_TYPES];

/** A scenario's operation: any system operation but the clock (time passes by itself), from the op formats. */
export const ScenarioOpFormat = v.pipe(
  v.variant(
    "type",
    [...OP_VARIANTS.filter((_, i) => OP_TYPES[i] !== "tick"), ...DEPENDENT_OP_VARIANTS],
    (issue) =>
      issue.path !== undefined && issue.input === "tick"
        ? "{path} tick is not an action: time passes by itself; give the action's tick instead"
        : opMessage(ACTION_OP_TYPES)(issue),
  ),
  v.description("a system operation other than the clock: a fleet operation or a dependent's event"),
) as unknown as Format<SystemOp>;

const ops = list(
  ScenarioOpFormat,
  "operations, applied in order at the action's tick (the clock is not one: time passes by itself)",
);

/** The keys of `o` among `keys`. */
const present = (o: object, keys: ReadonlyArray<string>): ReadonlyArray<string> => keys.filter((k) => k in o);

/** `schema` with at most one of `keys`: the check, and the same rule said in JSON Schema (`not` any two). */
const atMostOneOf = <S extends v.GenericSchema<unknown, object>>(
  schema: S,
  keys: ReadonlyArray<string>,
  description: string,
) => {
  const pairs = keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [a, b]));
  return v.pipe(
    schema,
    v.check<v.InferOutput<S>, (issue: v.CheckIssue<v.InferOutput<S>>) => string>(
      (o) => present(o, keys).length <= 1,
      (issue) =>
        `{path} must have at most one of ${keys.join(", ")} (has ${present(issue.input, keys).join(", ")})`,
    ),
    v.metadata<v.InferOutput<S>, { readonly not: object }>({
      not: {
        anyOf: pairs.map((pair) => ({
          required: pair,
          properties: Object.fromEntries(pair.map((k) => [k, true])),
        })),
      },
    }),
    v.description(description),
  );
};

/** `schema` with at least one of `keys`: the check with `message`, and the same rule said in JSON Schema. */
const atLeastOneOf = <S extends v.GenericSchema<unknown, object>>(
  schema: S,
  keys: ReadonlyArray<string>,
  message: string,
  description: string,
) =>
  v.pipe(
    schema,
    v.check<v.InferOutput<S>, string>((o) => present(o, keys).length > 0, message),
    v.metadata<v.InferOutput<S>, { readonly anyOf: object }>({
      anyOf: keys.map((k) => ({ required: [k], properties: { [k]: true } })),
    }),
    v.description(description),
  );

/** K12/K15: a restart of part of the fleet at a pace. */
const PacedRestartFormat = section(
  {
    first: v.optional(atLeast(0, "position of the first frontend restarted"), 0),
    frontends: atLeast(1, "how many frontends are restarted in all"),
    perStep: v.optional(atLeast(1, "frontends restarted together at each step"), 1),
    everyTicks: atLeast(1, "ticks between two steps"),
  },
  "K12/K15: a restart of part of the fleet at a pace: perStep frontends every everyTicks ticks",
);

/** A configuration change rolled out at a tick. */
const DeployFormat = atLeastOneOf(
  section({
    remediations: v.optional(
      v.pipe(
        list(oneOf(DEPLOYABLE)),
        v.minLength(1, "{path} must not be empty"),
        v.description("remediation flags switched on from this tick (e.g. the in-event fixes)"),
      ),
    ),
    threadLimit: v.optional(
      atLeast(1, "K7: the OS thread limit from this tick on (AWS did not raise it untested)"),
    ),
  }),
  ["remediations", "threadLimit"],
  "{path} must switch on a remediation or set threadLimit",
  "a configuration change rolled out at this tick",
);

/** An operator action or a note from the record, at its tick. */
const ActionFormat = atMostOneOf(
  section({
    tick: atLeast(0, "when (must be below endTick)"),
    record: v.optional(line("what the public record says happened then; printed, does not affect the run")),
    ops: v.optional(ops),
    pacedRestart: v.optional(PacedRestartFormat),
    deploy: v.optional(DeployFormat),
  }),
  ["ops", "pacedRestart", "deploy"],
  "an operator action or a note from the record",
);

/** Operations repeated every `everyTicks` ticks from `fromTick` to the end. */
const BackgroundFormat = section(
  { fromTick: atLeast(0, "first tick"), everyTicks: atLeast(1, "period in ticks"), ops },
  "a repeating set of operations",
);

/** A scenario file, as a user writes it (optional fields not yet filled in: scenarioDecoder.ts does). */
export const ScenarioFormat = section(
  {
    ...SCHEMA_KEY,
    name: line("the scenario's name, printed in the report"),
    description: v.optional(line("what the scenario is and how it differs from the record")),
    startMinute: integerIn(0, 24 * 60 - 1, "minutes past midnight at tick 0 (02:40 = 160)"),
    endTick: integerIn(1, MAX_END_TICK, "the scenario runs ticks 0 … endTick − 1"),
    background: v.optional(
      list(
        BackgroundFormat,
        "operations repeated every everyTicks ticks from fromTick to the end (background demand)",
      ),
      [],
    ),
    actions: list(ActionFormat),
  },
  undefined,
  KEYED,
);
