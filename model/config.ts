// ---------------------------------------------------------------------------------------------------------
// model: the parameters the model is generic over (style habit 2: the model is separate from its numbers).
// Built-in values live in model/configs/; untrusted JSON is decoded by model/configDecoder.ts.
// ---------------------------------------------------------------------------------------------------------

/**
 * The remediations the core model knows, each a flag that is off in `as-was`.
 * Sources: domain.md §(c) R1 (larger servers), R5/R7 (cellularization), R8 (bootstrap from the authoritative
 * store); seed 003 "there should be a kind of simulator to test all cases before deploying additional
 * capacity" (preflight guard); domain.md K11 and R4 ("do not take traffic until the map is complete");
 * domain.md R3 (raise the OS thread limit, only once a higher value is tested) and R5 (the shard-map cache on a
 * dedicated fleet, so a frontend's threads no longer grow with the fleet). The last two were added in issue 14:
 * a config file may leave them out (absent is off), so files saved before it still load, unchanged.
 */
export const REMEDIATION_NAMES = [
  "preflightGuard",
  "largerServers",
  "cellularization",
  "bootstrapFromAuthoritative",
  "waitForCompleteMap",
  "testedHigherLimit",
  "cacheOnDedicatedFleet",
] as const;

export type RemediationName = (typeof REMEDIATION_NAMES)[number];

/**
 * The remediations added after counterexample files were first saved (issue 14: R3, R5). A file may leave them
 * out and decodes without them (absent = off), so that an old file decodes to exactly the config it was saved
 * with: its content-addressed name (checker/corpus.ts) stays its own.
 */
export type LaterRemediationName = "testedHigherLimit" | "cacheOnDedicatedFleet";

export type Remediations = {
  readonly [K in Exclude<RemediationName, LaterRemediationName>]: boolean;
} & { readonly [K in LaterRemediationName]?: boolean };

export interface Config {
  /** Name shown in reports and saved with every counterexample. */
  readonly name: string;
  /** What this config is for and which of its numbers are illustrative. */
  readonly description: string;
  /** Wall-clock minutes one `clock/tick` stands for (used to print times of day). */
  readonly tickMinutes: number;
  readonly fleet: {
    /** Frontends (of the 2020 server size) in the fleet at the start. K15: "many thousands" in 2020. */
    readonly initialSize: number;
    /** Largest fleet, in 2020-size servers, the search may grow to: the capacity plan's horizon. */
    readonly maxSize: number;
  };
  readonly threads: {
    /** K7: the OS-configured maximum threads per server. The value was never published. */
    readonly threadLimit: number;
    /** K5: threads a frontend needs before it talks to any peer. Unknown in the public record. */
    readonly baseThreads: number;
    /** K5: "threads for each of the other servers": at least 1 per peer. */
    readonly threadsPerPeer: number;
  };
  readonly shards: {
    /** K1: shards whose requests the frontends route. */
    readonly shardCount: number;
    /** K1: back-end cell-clusters that own shards; ownership moves between them. */
    readonly backendClusters: number;
  };
  readonly membership: {
    /** K6: ticks within which every frontend learns of a membership change ("up to an hour"). */
    readonly propagationDelayTicks: number;
  };
  readonly coldStart: {
    /** K11/K15: ticks a restarted frontend spends building its shard-map before it takes traffic. */
    readonly bootstrapTicks: number;
    /** K11/K15: frontends that can bootstrap at once without starving request serving ("a few hundred an hour"). */
    readonly maxConcurrentBootstraps: number;
    /** K14: whether a useless map rebuilds by itself once threads fit again. AWS does not say; default false. */
    readonly cacheSelfHealsAfterTriggerRemoval: boolean;
  };
  readonly remediations: Remediations;
  readonly remediationParameters: {
    /** R1: capacity of one larger server, in 2020-size servers. */
    readonly largerServerFactor: number;
    /** R7: the most frontends in one cell; peers are limited to the cell. */
    readonly cellSize: number;
    /**
     * R3: the higher OS thread limit, once tested, in force under `testedHigherLimit` (illustrative: AWS names
     * no value). Optional: absent, it is twice the 2020 limit; below `threads.threadLimit`, the 2020 limit stays
     * in force (model/threadFormula.ts `threadLimitInForce`).
     */
    readonly testedThreadLimit?: number;
  };
  /**
   * Each remediation's own new limit (seed 001: the remediations "may … surface other limits";
   * docs/remediation-limits.md). Optional: a config without it (every file saved before issue 14) models no
   * such limit, and MemoryBudget and MetadataStoreWithinCapacity hold on it trivially.
   */
  readonly remediationLimits?: RemediationLimits;
}

/** The numbers of each remediation's own limit. None is in the public record: all are illustrative. */
export interface RemediationLimits {
  /** R1: the memory of one larger server, in MiB. */
  readonly largerServerMemoryMiB: number;
  /** R1: the memory one thread's stack takes, in MiB (K5: threads per peer). */
  readonly threadStackMiB: number;
  /** R1: request buffers a server holds per 2020-size unit of capacity it serves, in MiB. */
  readonly bufferMiBPerUnit: number;
  /** R8: frontends the authoritative metadata store bootstraps at once before it throttles. */
  readonly metadataStoreBootstraps: number;
  /**
   * R3: the memory of one 2020-size server, in MiB: a higher thread limit lets it hold more thread stacks in
   * the same memory. Optional (added after the others): absent, MemoryBudget asks nothing of R3.
   */
  readonly serverMemoryMiB?: number;
  /** R5: servers in the dedicated shard-map cache fleet. Optional: absent, R5 models no limit of its own. */
  readonly cacheFleetServers?: number;
  /** R5: connection threads the cache fleet holds for each frontend it serves. Optional with the one above. */
  readonly cacheThreadsPerFrontend?: number;
}

/** Every remediation off: the configuration as it was on 25 Nov 2020. */
export const NO_REMEDIATIONS: Remediations = {
  preflightGuard: false,
  largerServers: false,
  cellularization: false,
  bootstrapFromAuthoritative: false,
  waitForCompleteMap: false,
  testedHigherLimit: false,
  cacheOnDedicatedFleet: false,
};

/** The config with the named remediations turned on (the rest keep their values). */
export const withRemediations = (config: Config, names: ReadonlyArray<RemediationName>): Config =>
  names.length === 0
    ? config
    : {
        ...config,
        name: `${config.name}+${names.join("+")}`,
        // Every remediation the config names, and any of `names` it leaves out (a file saved before R3 and R5).
        remediations: Object.fromEntries(
          REMEDIATION_NAMES.filter((n) => n in config.remediations || names.includes(n)).map((n) => [
            n,
            config.remediations[n] === true || names.includes(n),
          ]),
        ) as Remediations,
      };

/** The config with every remediation turned on. */
export const withAllRemediations = (config: Config): Config => ({
  ...withRemediations(config, REMEDIATION_NAMES),
  name: `${config.name}+all`,
});
