// ---------------------------------------------------------------------------------------------------------
// explain: the published JSON Schema of counterexample files (docs/counterexample.schema.json), built from
// the same lists the decoder in checker/counterexample.ts uses (invariant names, operation types, config
// sections), so it cannot drift: `npm test` regenerates it and compares it with the committed file. The
// decoder stays the authority and also checks what a schema cannot say (see `description`). Pure.
// ---------------------------------------------------------------------------------------------------------
import { SCHEMA_VERSION } from "../checker/counterexample.ts";
import { REMEDIATION_NAMES } from "../model/config.ts";
import type { Op } from "../model/ops.ts";
import { INVARIANT_NAMES } from "../properties/index.ts";

export type Schema = Readonly<Record<string, unknown>>;

export const nat = (description?: string): Schema => ({
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
export const object = (properties: Readonly<Record<string, Schema>>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

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

const oneLine: Schema = { type: "string", minLength: 1, maxLength: 200, pattern: "^[^\\r\\n]*$" };

export const config = object(
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

/** One schema per core operation (model/ops.ts). */
export const coreOpSchemas: ReadonlyArray<Schema> = Object.entries(OPS).map(([type, o]) =>
  object(
    {
      type: { const: type },
      ...Object.fromEntries(o.fields.map((f) => [f, f === "count" ? atLeast(1) : nat()])),
    },
    o.description,
  ),
);

/** A narrated step of a saved trace. */
export const stepSchema: Schema = object({
  step: nat(),
  label: { type: "string" },
  changes: { type: "array", items: { type: "string" } },
});

/** The schema, as the object written to docs/counterexample.schema.json. */
export const counterexampleSchema = (): Schema => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "kinesis-outage-model counterexample",
  description:
    "A shrunk, replayable counterexample saved by `npx outage check` (checker/counterexample.ts). Replay it with `npx outage replay FILE`, explain it with `npx outage explain FILE`. Loading also checks what this schema cannot: violationStep ≤ the number of ops, fleet.maxSize ≥ fleet.initialSize, threads.threadLimit ≥ threads.baseThreads, and that replaying the ops reproduces the violation.",
  type: "object",
  additionalProperties: false,
  required: [
    "schemaVersion",
    "invariant",
    "message",
    "source",
    "seed",
    "path",
    "violationStep",
    "ops",
    "steps",
    "config",
  ],
  properties: {
    $schema: { type: "string", description: "where this schema is (../docs/counterexample.schema.json)" },
    schemaVersion: { const: SCHEMA_VERSION },
    invariant: { enum: [...INVARIANT_NAMES], description: "the invariant that fails (properties/index.ts)" },
    message: { type: "string", description: "what was wrong in the state after violationStep" },
    source: {
      type: "string",
      description: "the source fact the invariant encodes (a domain.md ID or a seed file)",
    },
    seed: {
      type: "integer",
      minimum: -2147483648,
      maximum: 2147483647,
      description: "fast-check seed of the search",
    },
    path: {
      type: "string",
      pattern: "^(\\d+(:\\d+)*)?$",
      description: "fast-check path of the shrunk case, e.g. 3:0:1",
    },
    violationStep: nat("the 1-based step after which the invariant first fails; 0 = the initial state fails"),
    ops: {
      type: "array",
      items: { $ref: "#/$defs/op" },
      description: "the minimal operations; replaying them from the initial state reproduces the violation",
    },
    steps: {
      type: "array",
      items: { $ref: "#/$defs/step" },
      description: "what changed at each step, in domain words",
    },
    config: { $ref: "#/$defs/config" },
  },
  $defs: {
    op: { oneOf: coreOpSchemas },
    step: stepSchema,
    config,
  },
});

export const SCHEMA_PATH = "docs/counterexample.schema.json";

/** The schema file's text: two-space indent, trailing newline. */
export const schemaText = (): string => `${JSON.stringify(counterexampleSchema(), null, 2)}\n`;
