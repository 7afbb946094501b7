// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: the configs the encoding-agreement property draws (style habit 16). Every field the
// encoding reads varies: fleet sizes past `small`'s 3 servers (up to 16 units), cells from 1 to 6, larger
// servers of factor 1 to 4, thread numbers with the limit placed near the edge of some group size (as
// domain.md §(e) suggests for the 2020 fleet: T_MAX just above base + k·(N − 1)), and every remediation on or
// off. Timings are small so that ticks, deadlines and bootstraps happen within a short trace.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import { type Config, NO_REMEDIATIONS } from "../../../model/config.ts";
import { asWas } from "../../../model/configs/asWas.ts";

/** A config whose numbers satisfy model/configDecoder.ts, with the thread limit near a group's edge. */
export const agreementConfigArb: fc.Arbitrary<Config> = fc
  .record({
    initialSize: fc.integer({ min: 1, max: 10 }),
    growth: fc.integer({ min: 0, max: 6 }),
    base: fc.integer({ min: 0, max: 5 }),
    perPeer: fc.integer({ min: 1, max: 3 }),
    // The group size whose members the limit just fits, relative to the initial fleet (so additions cross
    // it), and the slack above it (less than one peer's threads).
    edgeOffset: fc.integer({ min: -2, max: 7 }),
    slack: fc.integer({ min: 0, max: 2 }),
    cellSize: fc.integer({ min: 1, max: 6 }),
    largerServerFactor: fc.integer({ min: 1, max: 4 }),
    propagationDelayTicks: fc.integer({ min: 1, max: 3 }),
    bootstrapTicks: fc.integer({ min: 1, max: 2 }),
    maxConcurrentBootstraps: fc.integer({ min: 1, max: 3 }),
    cacheSelfHealsAfterTriggerRemoval: fc.boolean(),
    remediations: fc.record({
      preflightGuard: fc.boolean(),
      largerServers: fc.boolean(),
      cellularization: fc.boolean(),
      bootstrapFromAuthoritative: fc.boolean(),
      waitForCompleteMap: fc.boolean(),
      testedHigherLimit: fc.boolean(),
      cacheOnDedicatedFleet: fc.boolean(),
    }),
    // R3: the tested limit's height above the 2020 one.
    testedAbove: fc.integer({ min: 0, max: 4 }),
  })
  .map((p): Config => {
    const edge = Math.max(1, p.initialSize + p.edgeOffset);
    // At least 1, as the decoder requires.
    const threadLimit = Math.max(1, p.base + p.perPeer * (edge - 1) + Math.min(p.slack, p.perPeer - 1));
    return {
      ...asWas,
      name: "agreement",
      description: "A config drawn by the encoding-agreement property (specs/fleet/prove/agreement.ts)",
      fleet: { initialSize: p.initialSize, maxSize: p.initialSize + p.growth },
      threads: {
        baseThreads: p.base,
        threadsPerPeer: p.perPeer,
        threadLimit,
      },
      shards: { shardCount: 2, backendClusters: 2 },
      membership: { propagationDelayTicks: p.propagationDelayTicks },
      coldStart: {
        bootstrapTicks: p.bootstrapTicks,
        maxConcurrentBootstraps: p.maxConcurrentBootstraps,
        cacheSelfHealsAfterTriggerRemoval: p.cacheSelfHealsAfterTriggerRemoval,
      },
      remediations: { ...NO_REMEDIATIONS, ...p.remediations },
      remediationParameters: {
        largerServerFactor: p.largerServerFactor,
        cellSize: p.cellSize,
        testedThreadLimit: threadLimit + p.testedAbove,
      },
    };
  });
