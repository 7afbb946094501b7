// ---------------------------------------------------------------------------------------------------------
// explain: each spec's part of the published counterexample schema (explain/schema.ts): its invariant names,
// its operations and its config, built from the same lists its decoder uses (the spec's invariants, the
// operation types, the config sections, the shape of `asWasDependents`), so the schema cannot drift. Pure.
// ---------------------------------------------------------------------------------------------------------
import { corpusFolderOf, DEFAULT_CORPUS_DIR } from "../checker/corpus.ts";
import type { Spec } from "../checker/spec.ts";
import { REMEDIATION_NAMES } from "../model/config.ts";
import { asWasDependents } from "../model/configs/asWasDependents.ts";
import { CONTAINER_SERVICES } from "../model/dependents/eventbridge.ts";
import type { Op } from "../model/ops.ts";
import type { DependentOpType } from "../model/system.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";

// ---------------------------------------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------------------------------------

export type Schema = Readonly<Record<string, unknown>>;

/** What the schema says of one spec's files: its invariants, operations and config, and where its files live. */
export interface SpecSchema {
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

export const fleet = specSchema(fleetSpec, {
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
  frontendJudgedUnhealthy:
    "K11: the health check judges the slow frontend at position `frontend` (modulo the fleet) unhealthy; it restarts",
};

const SECTIONS: Readonly<Record<string, string>> = {
  kinesis: "what the dependents see of Kinesis (K8)",
  load: "K2/K11/R7: the fleet's load and capacity in requests per tick (model/load.ts; illustrative; as-was's when absent)",
  cognito: "C1–C3",
  cloudwatch: "W1, R10",
  autoscaling: "A1",
  lambda: "L1",
  eventbridge: "E1, E2",
  dashboard: "H1, R12",
  customer: "seed 000",
  healthCheck: "K11",
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
      ...(type === "frontendJudgedUnhealthy" ? { frontend: nat() } : {}),
    },
    description,
  ),
);

/** `dependents.load` may be left out (the decoder gives as-was's): files written before it existed stay valid. */
const withOptionalLoad = (dependents: Schema): Schema => {
  const d = dependents as { readonly required: ReadonlyArray<string> };
  return { ...dependents, required: d.required.filter((k) => k !== "load") };
};

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
      dependents: withOptionalLoad(shapeOf(asWasDependents, "the dependent services' parameters")),
    },
  };
};

export const system = specSchema(systemSpec, {
  invariantsIn: "properties/dependents/index.ts",
  // A fleet operation is a system operation too.
  ops: [{ $ref: `#/$defs/${fleet.id}Op` }, ...dependentOps],
  config: systemConfig(),
});

/** Every spec this project ships, in the order of specs/index.ts. */
export const SPECS: ReadonlyArray<SpecSchema> = [fleet, system];
