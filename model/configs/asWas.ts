import { type Config, NO_REMEDIATIONS } from "../config.ts";

/**
 * `as-was`: the Kinesis front-end fleet as it stood on 25 Nov 2020, scaled down so the checker's search is fast.
 *
 * ILLUSTRATIVE NUMBERS. The public record gives no thread limit, no base thread count and no fleet size
 * (domain.md §(e): "OS thread limit: unknown", "fleet size: many thousands, order of magnitude only").
 * domain.md's suggested default scenario is N = 3000, k = 1, base = 200 and a limit placed just above
 * base + k·(N − 1), so that a "relatively small addition of capacity" (K16) crosses it. We keep that shape and
 * scale it down about 375 times:
 *
 *   - 8 frontends, 1 thread per peer, 4 base threads: each frontend needs 4 + 1·7 = 11 threads;
 *   - the limit is 11, exactly the 2020 fleet's need, so the fleet sits on the edge the way the record implies
 *     (the addition "caused all of the servers in the fleet to exceed the maximum", [AWS-v] 09:39);
 *   - the search may grow the fleet to 12, i.e. a 50 % addition at most (the real one was "relatively small").
 *
 * Time: one tick is 5 minutes. Learning of a new member takes "up to an hour" (K6) = 12 ticks. The full
 * restart ran 10:07 → 22:23, about 12 h, at "a few hundred servers an hour" (K15): with 8 frontends restarted
 * one at a time, 90 minutes (18 ticks) of bootstrap each gives the same 12 hours.
 *
 * Each remediation's own limit (docs/remediation-limits.md), illustrative too: a larger server (R1) holds four
 * 2020 servers' request buffers (4 × 16 MiB) and 8 MiB per thread stack in 104 MiB, exactly what the two larger
 * servers of the planned fleet need (4 + 1·1 threads): no headroom, the shape the record implies for the thread
 * limit; the authoritative metadata store (R8) bootstraps 4 frontends at once, half the fleet. R3's tested
 * limit is 14: K8 then fires at a fleet of 12 instead of 9 (4 + 1·11 = 15 > 14), and a 2020-size server's
 * 112 MiB holds its 16 MiB of buffers and 12 stacks of 8 MiB, so a frontend's 13th thread (a fleet of 10) is
 * over its memory first. R5's cache fleet of 2 servers pools 2 × 11 = 22 threads and holds 4 + 2 per frontend:
 * the fleet of 8 needs 20, a fleet of 10 needs 24.
 *
 * Override any of it with your own config file: `npx outage config as-was > mine.json`, edit, `--config mine.json`.
 */
export const asWas: Config = {
  name: "as-was",
  description:
    "The 2020 front-end fleet, scaled down (illustrative: the thread limit, base threads and fleet size were never published)",
  tickMinutes: 5,
  fleet: { initialSize: 8, maxSize: 12 },
  threads: { threadLimit: 11, baseThreads: 4, threadsPerPeer: 1 },
  shards: { shardCount: 4, backendClusters: 2 },
  membership: { propagationDelayTicks: 12 },
  coldStart: { bootstrapTicks: 18, maxConcurrentBootstraps: 1, cacheSelfHealsAfterTriggerRemoval: false },
  remediations: NO_REMEDIATIONS,
  // R1: a server four times larger serves what four 2020 servers did. R7: cells of 4 keep the per-peer threads
  // inside a tested range (4 + 1·3 = 7 threads, under the limit of 11).
  remediationParameters: { largerServerFactor: 4, cellSize: 4, testedThreadLimit: 14 },
  remediationLimits: {
    largerServerMemoryMiB: 104,
    threadStackMiB: 8,
    bufferMiBPerUnit: 16,
    metadataStoreBootstraps: 4,
    serverMemoryMiB: 112,
    cacheFleetServers: 2,
    cacheThreadsPerFrontend: 2,
  },
};
