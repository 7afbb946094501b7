import { type Config, NO_REMEDIATIONS } from "../config.ts";

/**
 * `small`: the checking config for exhaustive verification (`npx outage verify`), in the spirit of TLA+'s
 * `MCPaxos.cfg` (style habit 2): the same model as `as-was`, with numbers small enough that breadth-first search
 * visits every reachable state (about 4,000 of them) in well under a second per remediation set.
 *
 * ILLUSTRATIVE NUMBERS, chosen to keep the shape of the 2020 fleet (domain.md §(e)):
 *
 *   - 2 frontends, 2 base threads, 1 thread per peer: each needs 2 + 1·1 = 3 threads, and the limit is 3, so the
 *     fleet sits exactly on the edge as the record implies ([AWS-v] 09:39: the addition made *all* servers exceed
 *     the limit); the plan allows one more server (maxSize 3), which crosses it (K7/K8);
 *   - 1 shard over 2 back-end clusters: enough for a move to leave a stale entry (K1, K4(c));
 *   - learning a membership change takes at most 1 tick (K6's "up to an hour", scaled) and bootstrap 1 tick;
 *   - every bootstrapping frontend progresses each tick (maxConcurrentBootstraps 3 ≥ the largest fleet). This
 *     drops K11/K15's pacing, which no core invariant is about, and it makes frontend order irrelevant, so the
 *     verifier may sort frontends (full symmetry reduction, specs/fleet/stateKey.ts): 3,646 states instead of
 *     12,350 with one bootstrap at a time (both verify the same verdicts; try it with a config file);
 *   - R1: a larger server holds 2 of today's; R7: cells of 2 (2 + 1·1 = 3 threads, within the limit);
 *   - R1's memory: 48 MiB holds one larger server's 2 × 16 MiB of buffers and 2 thread stacks of 8 MiB (the
 *     fleet of one), not the 3 stacks of a fleet of two; R8's store bootstraps 2 frontends at once;
 *   - R3: the tested limit is 4, so the plan's fleet of 3 fits (2 + 1·2 = 4), but a 2020-size server's 40 MiB
 *     holds only 3 stacks of 8 MiB beside its 16 MiB of buffers: the fourth thread goes over its memory;
 *   - R5: a cache fleet of 2 servers pools 2 × 3 = 6 threads, and holds 2 + 2 per frontend: the fleet of 2
 *     needs exactly 6, the plan's third frontend 8 (under R3, 2 × 4 = 8 fits it).
 */
export const small: Config = {
  name: "small",
  description:
    "Checking config for exhaustive verification: as-was's shape (fleet on the thread limit's edge) with 2 frontends (illustrative)",
  tickMinutes: 30,
  fleet: { initialSize: 2, maxSize: 3 },
  threads: { threadLimit: 3, baseThreads: 2, threadsPerPeer: 1 },
  shards: { shardCount: 1, backendClusters: 2 },
  membership: { propagationDelayTicks: 1 },
  coldStart: { bootstrapTicks: 1, maxConcurrentBootstraps: 3, cacheSelfHealsAfterTriggerRemoval: false },
  remediations: NO_REMEDIATIONS,
  remediationParameters: { largerServerFactor: 2, cellSize: 2, testedThreadLimit: 4 },
  remediationLimits: {
    largerServerMemoryMiB: 48,
    threadStackMiB: 8,
    bufferMiBPerUnit: 16,
    metadataStoreBootstraps: 2,
    serverMemoryMiB: 40,
    cacheFleetServers: 2,
    cacheThreadsPerFrontend: 2,
  },
};
