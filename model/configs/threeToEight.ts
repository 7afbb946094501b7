import { type Config, NO_REMEDIATIONS } from "../config.ts";

/**
 * `three-to-eight`: a larger checking config for exhaustive verification (issue 17), to measure how far
 * `npx outage verify` scales past `small`: a fleet that can grow by five servers, and crosses the thread limit
 * only after growing by three, so breadth-first search meets many more fleet sizes and peer counts before the
 * failure. The fleet's numbers are issue 17's ("3 frontends growing to 8, thread limit 20, 4 base threads, 3 per
 * peer"); everything else is `small`'s (model/configs/small.ts), so the two differ only in the fleet.
 *
 * ILLUSTRATIVE NUMBERS:
 *
 *   - 3 frontends growing to 8; a frontend of a fleet of n needs 4 + 3·(n − 1) threads, within the limit of 20
 *     up to 6 frontends (19) and past it from 7 (22): the addition that makes the fleet 7 crosses it for every
 *     server at once, as in 2020 ([AWS-v] 09:39; K7/K8);
 *   - 1 shard over 2 back-end clusters, 1-tick propagation and bootstrap, every bootstrapping frontend
 *     progressing each tick (maxConcurrentBootstraps 8 ≥ the largest fleet, so frontend order is irrelevant and
 *     the verifier sorts the fleet: specs/fleet/stateKey.ts), 30-minute ticks: as `small`;
 *   - R1: a larger server holds 2 of today's (as `small`); R7: cells of 4 (4 + 3·3 = 13 threads, within 20).
 */
export const threeToEight: Config = {
  name: "three-to-eight",
  description:
    "Larger checking config for exhaustive verification: 3 frontends growing to 8, thread limit 20 crossed at the 7th (illustrative)",
  tickMinutes: 30,
  fleet: { initialSize: 3, maxSize: 8 },
  threads: { threadLimit: 20, baseThreads: 4, threadsPerPeer: 3 },
  shards: { shardCount: 1, backendClusters: 2 },
  membership: { propagationDelayTicks: 1 },
  coldStart: { bootstrapTicks: 1, maxConcurrentBootstraps: 8, cacheSelfHealsAfterTriggerRemoval: false },
  remediations: NO_REMEDIATIONS,
  remediationParameters: { largerServerFactor: 2, cellSize: 4 },
};
