// ---------------------------------------------------------------------------------------------------------
// model: the config file format, defined once (issue 16): this valibot schema is the decoder
// (model/configDecoder.ts) and the published JSON Schema (docs/config.schema.json, and each spec's config in
// docs/counterexample.schema.json). What a schema cannot say (one field against another) is checked after it,
// in configDecoder.ts. Numbers' meanings: model/config.ts.
// ---------------------------------------------------------------------------------------------------------
import * as v from "valibot";
import { type LaterRemediationName, REMEDIATION_NAMES, type RemediationName } from "./config.ts";
import { atLeast, between, flag, nat, oneLineText, section, text } from "./format.ts";

/** The most shards a config may have: a frontend's stale entries are a bit mask in a 32-bit integer. */
export const MAX_SHARD_COUNT = 30;

/** The largest fleet a config may plan for. */
export const MAX_FLEET_SIZE = 100_000;

/** Remediations added in issue 14 (R3, R5): a file may leave them out (off), and files saved before it do. */
const LATER_REMEDIATIONS: ReadonlyArray<RemediationName> = ["testedHigherLimit", "cacheOnDedicatedFleet"];

const remediations = section(
  Object.fromEntries(
    REMEDIATION_NAMES.map((n) => [n, LATER_REMEDIATIONS.includes(n) ? v.optional(flag()) : flag()]),
  ) as {
    readonly [K in Exclude<RemediationName, LaterRemediationName>]: ReturnType<typeof flag>;
  } & { readonly [K in LaterRemediationName]: v.OptionalSchema<ReturnType<typeof flag>, undefined> },
  "remediation flags, all false in as-was",
);

/** The sections of a config, in the order the file lists them. */
export const CONFIG_ENTRIES = {
  name: oneLineText("config name, shown in reports"),
  description: oneLineText(),
  tickMinutes: atLeast(1, "wall-clock minutes per tick"),
  fleet: section(
    {
      initialSize: atLeast(1),
      maxSize: between(1, MAX_FLEET_SIZE, ""),
    },
    "K15/K16 fleet size",
  ),
  threads: section({
    threadLimit: atLeast(1, "K7: the OS thread limit"),
    baseThreads: nat("K5: threads before any peer"),
    threadsPerPeer: atLeast(1, "K5: threads per peer"),
  }),
  // A frontend's stale shard entries are one bit each of a 32-bit integer (model/shardMap.ts, `1 << shard`),
  // and the search draws shards 0..31: 30 keeps both exact. A limit of the model, said in the error and docs.
  shards: section(
    {
      shardCount: between(
        1,
        MAX_SHARD_COUNT,
        ": each frontend keeps its stale shard entries as one bit per shard of a 32-bit integer",
      ),
      backendClusters: atLeast(1),
    },
    "K1",
  ),
  membership: section({ propagationDelayTicks: atLeast(1, 'K6: "up to an hour"') }),
  coldStart: section(
    {
      bootstrapTicks: atLeast(1),
      maxConcurrentBootstraps: atLeast(1),
      cacheSelfHealsAfterTriggerRemoval: flag(),
    },
    "K11, K14, K15",
  ),
  remediations,
  remediationParameters: section({
    largerServerFactor: atLeast(1, "R1"),
    cellSize: atLeast(1, "R7"),
    testedThreadLimit: v.optional(
      atLeast(1, "R3: the higher OS thread limit once tested (default: twice threads.threadLimit)"),
    ),
  }),
  // Optional (model/config.ts): absent in files saved before issue 14, which model no such limit.
  remediationLimits: v.optional(
    section(
      {
        largerServerMemoryMiB: atLeast(1, "R1: the memory of one larger server, in MiB"),
        threadStackMiB: atLeast(0, "R1: the memory one thread's stack takes, in MiB"),
        bufferMiBPerUnit: atLeast(0, "R1: request buffers per 2020-size unit of capacity served, in MiB"),
        metadataStoreBootstraps: atLeast(1, "R8: bootstraps the metadata store serves at once"),
        serverMemoryMiB: v.optional(atLeast(1, "R3: the memory of one 2020-size server, in MiB")),
        cacheFleetServers: v.optional(atLeast(1, "R5: servers in the dedicated shard-map cache fleet")),
        cacheThreadsPerFrontend: v.optional(
          atLeast(1, "R5: connection threads the cache fleet holds per frontend"),
        ),
      },
      "each remediation's own new limit (seed 001; docs/remediation-limits.md); illustrative numbers",
    ),
  ),
};

/** Where a config file names its JSON Schema, for editors (`npx outage config` prints it); dropped when decoded. */
export const SCHEMA_KEY = {
  $schema: v.optional(text("where this schema is, for editors; ignored by the decoder")),
};

/** A core config file: the sections, and optionally `$schema`. */
export const ConfigFormat = section({ ...SCHEMA_KEY, ...CONFIG_ENTRIES });
