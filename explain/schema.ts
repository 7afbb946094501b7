// ---------------------------------------------------------------------------------------------------------
// explain: the one published JSON Schema of counterexample files (docs/counterexample.schema.json), for every
// spec: a file of schemaVersion 2 names its spec in `spec`, and the schema has one branch per spec with that
// spec's invariant names, operations and config, built from the same lists its decoder uses (the spec's
// invariants, the operation types, the config sections, the shape of `asWasDependents`), so it cannot drift:
// `npm test` regenerates it and compares it with the committed file. Files written before the `spec` field
// (schemaVersion 1: the fleet's with no marker, the system's with `"kind": "system"`) have a branch each,
// since the committed corpus holds them and the decoder still loads them (specs/saved.ts). The decoder stays
// the authority and also checks what a schema cannot say (see `description`). Pure.
// ---------------------------------------------------------------------------------------------------------
import { corpusFolderOf, DEFAULT_CORPUS_DIR } from "../checker/corpus.ts";
import { SCHEMA_VERSION } from "../checker/counterexample.ts";
import type { Spec } from "../checker/spec.ts";
import { REMEDIATION_NAMES } from "../model/config.ts";
import { asWasDependents } from "../model/dependents/asWas.ts";
import { CONTAINER_SERVICES } from "../model/dependents/eventbridge.ts";
import type { Op } from "../model/ops.ts";
import type { DependentOpType } from "../model/system.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";

// ---------------------------------------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------------------------------------

export type Schema = Readonly<Record<string, unknown>>;

/** What the schema says of one spec's files: its invariants, operations and config, and where its files live. */
interface SpecSchema {
  readonly id: string;
  readonly invariants: ReadonlyArray<string>;
  /** Where the invariants are registered, for the reader. */
  readonly invariantsIn: string;
  /** The corpus folder its files are saved in (counterexamples/, or a folder under it). */
  readonly folder: string;
  /** Its operations: each a schema, or a reference to another spec's list. */
  readonly ops: ReadonlyArray<Schema>;
  readonly config: Schema;
}

// ---------------------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------------------

const nat = (description?: string): Schema => ({
  type: "integer",
  minimum: 0,
  ...(description ? { description } : {}),
});
const atLeast = (minimum: number, description?: string, maximum?: number): Schema => ({
  type: "integer",
  minimum,
  ...(maximum !== undefined ? { maximum } : {}),
  ...(description ? { description } : {}),
});
const object = (properties: Readonly<Record<string, Schema>>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});
const oneLine: Schema = { type: "string", minLength: 1, maxLength: 200, pattern: "^[^\\r\\n]*$" };

// ---------------------------------------------------------------------------------------------------------
// the fleet's operations and config
// ---------------------------------------------------------------------------------------------------------

/** Each operation's fields and meaning (model/ops.ts). Typed over Op, so a new operation must be added. */
const OPS: {
  readonly [K in Op["type"]]: { readonly fields: ReadonlyArray<string>; readonly description: string };
} = {
  capacityAdded: {
    fields: ["count"],
    description: "K16: operators add `count` (≥ 1) 2020-size servers' worth of capacity",
  },
  frontendRemoved: {
    fields: ["frontend"],
    description: "operators remove the frontend at position `frontend` (modulo the fleet size)",
  },
  frontendRestarted: {
    fields: ["frontend"],
    description: "K12: operators restart the frontend at position `frontend`",
  },
  frontendCrashed: { fields: ["frontend"], description: "the frontend at position `frontend` crashes" },
  peerLearned: {
    fields: ["frontend"],
    description: "K6: the frontend at position `frontend` learns one membership change",
  },
  shardMoved: {
    fields: ["shard"],
    description: "K1: the back-end moves shard `shard` (modulo the shard count) to another cluster",
  },
  requestRouted: {
    fields: ["frontend", "shard"],
    description: "K2: a request for `shard` arrives at the frontend at position `frontend`",
  },
  tick: { fields: [], description: "time passes by one tick" },
};

const fleetOps: ReadonlyArray<Schema> = Object.entries(OPS).map(([type, o]) =>
  object(
    {
      type: { const: type },
      ...Object.fromEntries(o.fields.map((f) => [f, f === "count" ? atLeast(1) : nat()])),
    },
    o.description,
  ),
);

const fleetConfig = object(
  {
    name: { ...oneLine, description: "config name, shown in reports" },
    description: oneLine,
    tickMinutes: atLeast(1, "wall-clock minutes per tick"),
    fleet: object({ initialSize: atLeast(1), maxSize: atLeast(1, undefined, 100_000) }, "K15/K16 fleet size"),
    threads: object({
      threadLimit: atLeast(1, "K7: the OS thread limit"),
      baseThreads: nat("K5: threads before any peer"),
      threadsPerPeer: atLeast(1, "K5: threads per peer"),
    }),
    shards: object({ shardCount: atLeast(1, undefined, 30), backendClusters: atLeast(1) }, "K1"),
    membership: object({ propagationDelayTicks: atLeast(1, 'K6: "up to an hour"') }),
    coldStart: object(
      {
        bootstrapTicks: atLeast(1),
        maxConcurrentBootstraps: atLeast(1),
        cacheSelfHealsAfterTriggerRemoval: { type: "boolean" },
      },
      "K11, K14, K15",
    ),
    remediations: object(
      Object.fromEntries(REMEDIATION_NAMES.map((n) => [n, { type: "boolean" }])),
      "remediation flags, all false in as-was",
    ),
    remediationParameters: object({ largerServerFactor: atLeast(1, "R1"), cellSize: atLeast(1, "R7") }),
  },
  "the config the counterexample was found under (model/config.ts), in the same format as --config FILE",
);

/** A spec's part of the schema: its own invariants and corpus folder, and the schemas of its operations and config. */
const specSchema = <C, S, O>(
  spec: Spec<C, S, O>,
  parts: Pick<SpecSchema, "invariantsIn" | "ops" | "config">,
): SpecSchema => ({
  id: spec.id,
  invariants: spec.invariants.map((i) => i.name),
  folder: corpusFolderOf(DEFAULT_CORPUS_DIR, spec),
  ...parts,
});

const fleet = specSchema(fleetSpec, {
  invariantsIn: "properties/index.ts",
  ops: fleetOps,
  config: fleetConfig,
});

// ---------------------------------------------------------------------------------------------------------
// the system's: the fleet's and the dependents'
// ---------------------------------------------------------------------------------------------------------

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

const dependentOps: ReadonlyArray<Schema> = Object.entries(DEPENDENT_OPS).map(([type, description]) =>
  object(
    {
      type: { const: type },
      ...(type === "clusterRequested" ? { service: { enum: [...CONTAINER_SERVICES] } } : {}),
    },
    description,
  ),
);

const systemConfig = (): Schema => {
  const core = fleetConfig as {
    required: ReadonlyArray<string>;
    properties: Readonly<Record<string, Schema>>;
  };
  return {
    ...fleetConfig,
    description:
      "the system config the counterexample was found under: the fleet's config (model/config.ts) plus `dependents` (model/dependents/config.ts; every number illustrative)",
    required: [...core.required, "dependents"],
    properties: {
      ...core.properties,
      dependents: shapeOf(asWasDependents, "the dependent services' parameters"),
    },
  };
};

const system = specSchema(systemSpec, {
  invariantsIn: "properties/dependents/index.ts",
  // A fleet operation is a system operation too.
  ops: [{ $ref: `#/$defs/${fleet.id}Op` }, ...dependentOps],
  config: systemConfig(),
});

/** Every spec this project ships, in the order of specs/index.ts. */
const SPECS: ReadonlyArray<SpecSchema> = [fleet, system];

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

/** The file of spec `s` as written today. */
const current = (s: SpecSchema): Schema =>
  fileOf(
    s,
    `a counterexample of the ${s.id} spec (saved in ${s.folder}/)`,
    {
      spec: { const: s.id, description: "the spec whose config and operations the file holds" },
      schemaVersion: { const: SCHEMA_VERSION },
    },
    schemaFrom(s),
  );

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
