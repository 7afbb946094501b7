// ---------------------------------------------------------------------------------------------------------
// explain: the config parameters that matter for each invariant, with their meaning and source, so the
// Markdown names the few numbers a reviewer must question instead of dumping the config. An invariant not
// listed here (for example one added later) gets every numeric parameter. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import type { InvariantName } from "../properties/index.ts";

export interface Parameter<C = Config> {
  readonly path: string;
  readonly value: (c: C) => number | boolean;
  readonly meaning: string;
}

export const PARAMETERS: ReadonlyArray<Parameter> = [
  {
    path: "fleet.initialSize",
    value: (c) => c.fleet.initialSize,
    meaning: "frontends at the start (K15; illustrative)",
  },
  {
    path: "fleet.maxSize",
    value: (c) => c.fleet.maxSize,
    meaning: "largest fleet the capacity plan may reach (K16)",
  },
  {
    path: "threads.threadLimit",
    value: (c) => c.threads.threadLimit,
    meaning: "OS thread limit per server (K7; never published, illustrative)",
  },
  {
    path: "threads.baseThreads",
    value: (c) => c.threads.baseThreads,
    meaning: "threads before any peer (K5; illustrative)",
  },
  {
    path: "threads.threadsPerPeer",
    value: (c) => c.threads.threadsPerPeer,
    meaning: "threads per other frontend (K5)",
  },
  {
    path: "membership.propagationDelayTicks",
    value: (c) => c.membership.propagationDelayTicks,
    meaning: 'ticks to learn of a new member ("up to an hour", K6)',
  },
  { path: "tickMinutes", value: (c) => c.tickMinutes, meaning: "minutes per tick" },
  { path: "shards.shardCount", value: (c) => c.shards.shardCount, meaning: "shards routed (K1)" },
  {
    path: "shards.backendClusters",
    value: (c) => c.shards.backendClusters,
    meaning: "back-end clusters that own shards (K1)",
  },
  {
    path: "coldStart.bootstrapTicks",
    value: (c) => c.coldStart.bootstrapTicks,
    meaning: "ticks to build a map after a restart (K11)",
  },
  {
    path: "coldStart.maxConcurrentBootstraps",
    value: (c) => c.coldStart.maxConcurrentBootstraps,
    meaning: "restarts that can bootstrap at once (K15)",
  },
  {
    path: "coldStart.cacheSelfHealsAfterTriggerRemoval",
    value: (c) => c.coldStart.cacheSelfHealsAfterTriggerRemoval,
    meaning: "a useless map rebuilds by itself once threads fit (K14; assumed)",
  },
];

const RELEVANT: Partial<Record<InvariantName, ReadonlyArray<string>>> = {
  ThreadBudget: [
    "fleet.initialSize",
    "fleet.maxSize",
    "threads.threadLimit",
    "threads.baseThreads",
    "threads.threadsPerPeer",
  ],
  ServesOnlyWithCompleteMap: [
    "fleet.initialSize",
    "threads.threadLimit",
    "threads.baseThreads",
    "threads.threadsPerPeer",
    "coldStart.bootstrapTicks",
    "coldStart.cacheSelfHealsAfterTriggerRemoval",
  ],
  RoutesToCurrentOwner: [
    "shards.shardCount",
    "shards.backendClusters",
    "threads.threadLimit",
    "threads.baseThreads",
  ],
  PeersLearnedWithin: [
    "fleet.initialSize",
    "threads.threadLimit",
    "threads.baseThreads",
    "threads.threadsPerPeer",
    "membership.propagationDelayTicks",
    "tickMinutes",
  ],
};

/** The parameters that matter for `invariant`. */
export const parametersFor = (invariant: string): ReadonlyArray<Parameter> => {
  const paths = RELEVANT[invariant as InvariantName];
  return paths === undefined ? PARAMETERS : PARAMETERS.filter((p) => paths.includes(p.path));
};
