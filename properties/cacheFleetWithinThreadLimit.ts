// ---------------------------------------------------------------------------------------------------------
// properties: CacheFleetWithinThreadLimit. R5's own limit. AWS would move the shard-map cache to a dedicated
// fleet, so that a frontend takes its map from the cache and no longer opens threads for every other frontend
// (domain.md R5): its threads stop growing with the fleet. Seed 001 warns that the remediations "may … surface
// other limits": the O(N) does not vanish, it moves. Each frontend now holds a connection to the cache fleet,
// and the cache fleet holds a thread for each of them (K5's per-peer threads, now per client), under the same
// kind of OS limit (K7). MODEL CHOICE: the cache fleet's servers pool their threads (connections are spread
// over them) and its own base threads are counted once, so it fits while
//   baseThreads + cacheThreadsPerFrontend × live frontends ≤ cacheFleetServers × the limit in force.
// The cache fleet's size is fixed by the config: nothing in the record says it grows with the frontends, and
// if it did not, adding frontends is what breaks it. All numbers illustrative (docs/remediation-limits.md).
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import type { Frontend, State } from "../model/state.ts";
import { threadLimitInForce } from "../model/threadFormula.ts";
import { countWhere } from "./count.ts";
import type { Invariant } from "./invariant.ts";

/** R5's numbers when R5 is on and the config models its cache fleet, else undefined (no such limit). */
export const cacheFleet = (
  config: Config,
): { readonly servers: number; readonly threadsPerFrontend: number } | undefined => {
  const m = config.remediationLimits;
  return config.remediations.cacheOnDedicatedFleet &&
    m?.cacheFleetServers !== undefined &&
    m.cacheThreadsPerFrontend !== undefined
    ? { servers: m.cacheFleetServers, threadsPerFrontend: m.cacheThreadsPerFrontend }
    : undefined;
};

const live = (f: Frontend): boolean => f.status !== "stopped";

/** R5: the threads the cache fleet needs for the live frontends of `state` (0 when R5 models no cache fleet). */
export const cacheThreadsNeeded = (config: Config, state: State): number => {
  const c = cacheFleet(config);
  return c === undefined
    ? 0
    : config.threads.baseThreads + c.threadsPerFrontend * countWhere(state.frontends, live);
};

/** R5: the threads the cache fleet has: its servers × the OS limit in force (+∞ when it is not modelled). */
export const cacheThreadCapacity = (config: Config): number => {
  const c = cacheFleet(config);
  return c === undefined ? Number.POSITIVE_INFINITY : c.servers * threadLimitInForce(config);
};

export const cacheFleetWithinThreadLimit: Invariant = {
  name: "CacheFleetWithinThreadLimit",
  sentence:
    "With the shard-map cache on a dedicated fleet (R5), the cache fleet's threads fit: its base threads + threads per frontend × live frontends ≤ its servers × the OS limit.",
  source:
    'domain.md R5, K5, K7; seed 001 "may trigger future outages or surface other limits"; numbers illustrative',
  check: (config, state) => {
    const c = cacheFleet(config);
    const need = cacheThreadsNeeded(config, state);
    const has = cacheThreadCapacity(config);
    if (c === undefined || need <= has) return O.none;
    const n = countWhere(state.frontends, live);
    return O.some({
      invariant: "CacheFleetWithinThreadLimit",
      message: `the shard-map cache fleet serves ${n} live frontends and needs ${config.threads.baseThreads} + ${c.threadsPerFrontend} × ${n} = ${need} threads, over its ${c.servers} servers × ${threadLimitInForce(config)} = ${has}`,
      source: cacheFleetWithinThreadLimit.source,
    });
  },
  closeness: (config, state) => cacheThreadsNeeded(config, state) / cacheThreadCapacity(config),
  closenessMeaning:
    "threads the cache fleet needs, as a fraction of what its servers have (0 without R5 or without its numbers)",
};
