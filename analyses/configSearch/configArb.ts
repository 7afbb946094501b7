// ---------------------------------------------------------------------------------------------------------
// analyses/configSearch: configs as a fast-check arbitrary (style habit 16), for the search over configs
// (issue 18: "search over configs, not only over operations"). Every drawn config goes through the same
// decoder a user's JSON file does (model/configDecoder.ts), so the search never checks a config the CLI would
// refuse. Sizes stay moderate (fleets and shards within `ConfigBounds`, delays and bootstrap of at most 2 ticks)
// so that breadth-first search visits every reachable state of one config, mostly in a fraction of a second: a
// verdict is then exact, not a random search's "not found".
// ---------------------------------------------------------------------------------------------------------

import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { type Config, REMEDIATION_NAMES, type Remediations } from "../../model/config.ts";
import { decodeConfig } from "../../model/configDecoder.ts";

/** The largest fleet (in 2020-size servers) a drawn config plans for, and the most shards. */
export interface ConfigBounds {
  readonly maxFleet: number;
  readonly maxShards: number;
}

/**
 * The bounds `npm test` draws within (fleets up to 3, one shard): every reachable state of such a config is
 * visited in well under a second (measured: 60 configs in about 3 s, the largest some 5,000 states). With 2
 * shards 3 frontends reach some 3·10⁴ states; 4 frontends and 2 shards up to 1.2 million, a minute of search.
 * The soak (analyses/configSearch/soakRound.ts) draws within wider bounds.
 */
export const TEST_BOUNDS: ConfigBounds = { maxFleet: 3, maxShards: 1 };

/** Every subset of the remediations, each flag drawn on its own. */
export const remediationsArb: fc.Arbitrary<Remediations> = fc.record(
  Object.fromEntries(REMEDIATION_NAMES.map((n) => [n, fc.boolean()])) as {
    readonly [K in keyof Remediations]: fc.Arbitrary<boolean>;
  },
);

/**
 * The thread numbers: `threadsPerPeer` up to 3 (K5 says only "at least 1"), and a limit from the base up to
 * the base plus the threads for `maxFleet` peers, so that every fleet size can fall either side of it.
 */
const threadsArb = (maxFleet: number) =>
  fc
    .record({ baseThreads: fc.integer({ min: 0, max: 3 }), threadsPerPeer: fc.integer({ min: 1, max: 3 }) })
    .chain(({ baseThreads, threadsPerPeer }) =>
      fc.integer({ min: 0, max: threadsPerPeer * maxFleet }).map((room) => ({
        threadLimit: Math.max(1, baseThreads + room),
        baseThreads,
        threadsPerPeer,
      })),
    );

const fleetArb = (maxFleet: number) =>
  fc
    .integer({ min: 1, max: maxFleet })
    .chain((maxSize) =>
      fc.integer({ min: 1, max: maxSize }).map((initialSize) => ({ initialSize, maxSize })),
    );

/** The fields of a config, before the decoder sees them (JSON-shaped, as a user's file would be). */
const rawConfigArb = ({ maxFleet, maxShards }: ConfigBounds) =>
  fc
    .record({
      fleet: fleetArb(maxFleet),
      threads: threadsArb(maxFleet),
      shards: fc.record({
        shardCount: fc.integer({ min: 1, max: maxShards }),
        backendClusters: fc.integer({ min: 1, max: 2 }),
      }),
      membership: fc.record({ propagationDelayTicks: fc.integer({ min: 1, max: 2 }) }),
      coldStart: fc.record({
        bootstrapTicks: fc.integer({ min: 1, max: 2 }),
        maxConcurrentBootstraps: fc.integer({ min: 1, max: 3 }),
        cacheSelfHealsAfterTriggerRemoval: fc.boolean(),
      }),
      remediations: remediationsArb,
      remediationParameters: fc.record({
        largerServerFactor: fc.integer({ min: 1, max: 3 }),
        cellSize: fc.integer({ min: 1, max: maxFleet }),
      }),
      /** R3: how far the tested limit lies above the 2020 one (the decoder wants it at least as high). */
      testedAbove: fc.integer({ min: 0, max: 3 * maxFleet }),
      remediationLimits: fc.record({
        largerServerMemoryMiB: fc.integer({ min: 1, max: 24 }),
        threadStackMiB: fc.integer({ min: 0, max: 3 }),
        bufferMiBPerUnit: fc.integer({ min: 0, max: 3 }),
        metadataStoreBootstraps: fc.integer({ min: 1, max: maxFleet }),
        serverMemoryMiB: fc.integer({ min: 1, max: 24 }),
        cacheFleetServers: fc.integer({ min: 1, max: 2 }),
        cacheThreadsPerFrontend: fc.integer({ min: 1, max: 3 }),
      }),
    })
    .map(({ testedAbove, ...raw }) => ({
      ...raw,
      remediationParameters: {
        ...raw.remediationParameters,
        testedThreadLimit: raw.threads.threadLimit + testedAbove,
      },
    }));

/** A short name that says the numbers, so a shrunk counterexample reads as its config. */
const nameOf = (c: Omit<Config, "name" | "description" | "tickMinutes">): string => {
  // R3 and R5 by their ids, so that a config with every remediation on keeps a name within 200 characters.
  const on = REMEDIATION_NAMES.filter((n) => c.remediations[n]).map((n) =>
    n === "testedHigherLimit" ? "R3" : n === "cacheOnDedicatedFleet" ? "R5" : n,
  );
  return [
    `fleet${c.fleet.initialSize}-${c.fleet.maxSize}`,
    `t${c.threads.baseThreads}+${c.threads.threadsPerPeer}k<=${c.threads.threadLimit}`,
    `s${c.shards.shardCount}c${c.shards.backendClusters}`,
    `d${c.membership.propagationDelayTicks}b${c.coldStart.bootstrapTicks}x${c.coldStart.maxConcurrentBootstraps}${c.coldStart.cacheSelfHealsAfterTriggerRemoval ? "h" : ""}`,
    `f${c.remediationParameters.largerServerFactor}cell${c.remediationParameters.cellSize}t${c.remediationParameters.testedThreadLimit ?? ""}`,
    ...(c.remediationLimits === undefined
      ? []
      : [
          `mem${c.remediationLimits.largerServerMemoryMiB}=${c.remediationLimits.threadStackMiB}t+${c.remediationLimits.bufferMiBPerUnit}u,store${c.remediationLimits.metadataStoreBootstraps}`,
          `m${c.remediationLimits.serverMemoryMiB ?? ""},c${c.remediationLimits.cacheFleetServers ?? ""}x${c.remediationLimits.cacheThreadsPerFrontend ?? ""}`,
        ]),
    ...(on.length === 0 ? [] : [on.join("+")]),
  ].join(",");
};

/**
 * A config the decoder accepts, drawn over the ranges above. The decoder is the judge: a raw draw it refused
 * would be a bug in this arbitrary, and throws rather than being skipped (configArb.test.ts draws many).
 */
export const configArb = (bounds: ConfigBounds = TEST_BOUNDS): fc.Arbitrary<Config> =>
  rawConfigArb(bounds).map((raw) => {
    const decoded = decodeConfig({
      name: nameOf(raw),
      description: "drawn by analyses/configSearch/configArb.ts",
      tickMinutes: 30,
      ...raw,
    });
    if (E.isLeft(decoded)) throw new Error(`configArb drew a config the decoder refuses: ${decoded.left}`);
    return decoded.right;
  });
