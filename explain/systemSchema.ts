// ---------------------------------------------------------------------------------------------------------
// explain: the published JSON Schema of system counterexample files (counterexamples/system/*.json, written
// by `npx outage check` for the dependents' invariants: checker/systemCounterexample.ts), generated into
// docs/system-counterexample.schema.json from the same lists the decoder uses (system invariant names, the
// dependents' operations, the shape of `asWasDependents`) and from the core schema's parts (schema.ts), so it
// cannot drift: `npm test` regenerates and compares it. The decoder stays the authority. Pure.
// ---------------------------------------------------------------------------------------------------------
/** TODO(one schema): the system files before the `spec` field. */
const SYSTEM_SCHEMA_VERSION = 1;

import { asWasDependents } from "../model/dependents/asWas.ts";
import { CONTAINER_SERVICES } from "../model/dependents/eventbridge.ts";
import type { DependentOpType } from "../model/system.ts";
import { SYSTEM_INVARIANT_NAMES } from "../properties/dependents/index.ts";
import {
  config,
  coreOpSchemas,
  counterexampleSchema,
  nat,
  object,
  type Schema,
  stepSchema,
} from "./schema.ts";

/** Each dependent operation's meaning (model/system.ts). Typed over DependentOpType, so a new one must be added. */
const DEPENDENT_OPS: { readonly [K in DependentOpType]: string } = {
  authRequested: "C2: an end user signs in or asks for credentials (through Cognito)",
  cognitoCapacityAdded: "C3: Cognito's engineers add capacity to buffer more calls (once)",
  loadChanged: "A1: the load on a customer's Auto Scaling group changes",
  functionInvoked: "L1: a Lambda function is invoked",
  clusterRequested: "E2: a customer asks ECS or EKS (`service`) to provision or scale a cluster",
  statusPostStarted: "H1: support operators start posting a status update to the Service Health Dashboard",
};

const SECTIONS: Readonly<Record<string, string>> = {
  kinesis: "what the dependents see of Kinesis (K8)",
  cognito: "C1–C3",
  cloudwatch: "W1, R10",
  autoscaling: "A1",
  lambda: "L1",
  eventbridge: "E1, E2",
  dashboard: "H1, R12",
  customer: "seed 000",
  remediations: "the dependents' remediation flags, all false in as-was",
};

/** The schema of a value shaped like `like`: integers ≥ 0 for numbers, booleans for flags (as the decoder checks). */
const shapeOf = (like: unknown, description?: string): Schema =>
  typeof like === "boolean"
    ? { type: "boolean" }
    : typeof like === "number"
      ? nat()
      : object(
          Object.fromEntries(Object.entries(like as object).map(([k, v]) => [k, shapeOf(v, SECTIONS[k])])),
          description,
        );

const dependentOpSchemas: ReadonlyArray<Schema> = Object.entries(DEPENDENT_OPS).map(([type, description]) =>
  object(
    {
      type: { const: type },
      ...(type === "clusterRequested" ? { service: { enum: [...CONTAINER_SERVICES] } } : {}),
    },
    description,
  ),
);

const systemConfig = (): Schema => {
  const core = config as { required: ReadonlyArray<string>; properties: Readonly<Record<string, Schema>> };
  return {
    ...config,
    description:
      "the system config the counterexample was found under: the core config (model/config.ts) plus `dependents` (model/dependents/config.ts; every number illustrative)",
    required: [...core.required, "dependents"],
    properties: {
      ...core.properties,
      dependents: shapeOf(asWasDependents, "the dependent services' parameters"),
    },
  };
};

/** The schema, as the object written to docs/system-counterexample.schema.json. */
export const systemCounterexampleSchema = (): Schema => {
  const base = counterexampleSchema() as {
    required: ReadonlyArray<string>;
    properties: Readonly<Record<string, Schema>>;
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "kinesis-outage-model system counterexample",
    description:
      "A shrunk, replayable counterexample to a dependent service's invariant, saved by `npx outage check` under counterexamples/system/ (checker/systemCounterexample.ts). Replay it with `npx outage replay FILE`, explain it with `npx outage explain FILE`. Loading also checks what this schema cannot: violationStep ≤ the number of ops, the core config's own cross-field rules (see counterexample.schema.json), and that replaying the ops reproduces the violation.",
    type: "object",
    additionalProperties: false,
    required: ["kind", ...base.required.filter((k) => k !== "$schema")],
    properties: {
      $schema: {
        type: "string",
        description: "where this schema is (../../docs/system-counterexample.schema.json)",
      },
      kind: {
        const: "system",
        description: "a counterexample over the whole system: the fleet and its dependents",
      },
      schemaVersion: { const: SYSTEM_SCHEMA_VERSION },
      invariant: {
        enum: [...SYSTEM_INVARIANT_NAMES],
        description: "the dependent invariant that fails (properties/dependents/index.ts)",
      },
      ...Object.fromEntries(
        ["message", "source", "seed", "path", "violationStep", "ops", "steps", "config"].map((k) => [
          k,
          base.properties[k] as Schema,
        ]),
      ),
    },
    $defs: {
      op: { oneOf: [...coreOpSchemas, ...dependentOpSchemas] },
      step: stepSchema,
      config: systemConfig(),
    },
  };
};

export const SYSTEM_SCHEMA_PATH = "docs/system-counterexample.schema.json";

/** The schema file's text: two-space indent, trailing newline. */
export const systemSchemaText = (): string => `${JSON.stringify(systemCounterexampleSchema(), null, 2)}\n`;
