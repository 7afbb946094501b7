// ---------------------------------------------------------------------------------------------------------
// model: the parameters of the services that depend on Kinesis (domain.md §(b) "Dependent services"), kept
// apart from the core `Config` so the core model and its config file format do not change (style habit 2).
// A `SystemConfig` is a core `Config` plus this `dependents` section.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../config.ts";

/**
 * The dependents' remediations, each a flag that is off in `as-was`.
 *   cognitoNonBlockingBuffer   R9/C4: a full usage-record buffer drops (and counts) instead of blocking requests.
 *   cloudwatchLocalBuffer      R10: CloudWatch keeps a bounded horizon (AWS chose 3 h) of metrics locally,
 *                              serves reads from it and delivers the backlog once Kinesis is back.
 *   cloudwatchPartitionedFleet R6: CloudWatch moves to a separate, partitioned front-end fleet.
 *   eventbridgePartitionedFleet R6 ("a few large AWS services, like CloudWatch"): EventBridge gets its own
 *                              partition too. MODEL CHOICE: AWS names only CloudWatch.
 *   lambdaBoundedMetricBuffer  R11 (model choice): the metric agent's buffer is bounded and drops the oldest.
 *   dashboardBackupPath        R12: operators are trained on, and go straight to, the backup posting tool.
 *   customerStandbyStream      seed 000: the customer keeps a standby stream in a second region.
 *   customerAutomaticFailover  seed 000: switching to it is automatic, needing no human approval.
 *   threadAlarm                R2: a CloudWatch alarm on each frontend's thread count at α % of the OS limit
 *                              (`alarms.threadAlarmPercent`); K10: none existed in 2020.
 */
export const DEPENDENT_REMEDIATION_NAMES = [
  "cognitoNonBlockingBuffer",
  "cloudwatchLocalBuffer",
  "cloudwatchPartitionedFleet",
  "eventbridgePartitionedFleet",
  "lambdaBoundedMetricBuffer",
  "dashboardBackupPath",
  "customerStandbyStream",
  "customerAutomaticFailover",
  "threadAlarm",
] as const;

export type DependentRemediationName = (typeof DEPENDENT_REMEDIATION_NAMES)[number];

/**
 * One flag per dependent remediation. R2's `threadAlarm` may be absent: a config saved before it existed has
 * none, and absent is off (K10), so saved counterexamples keep their names and hashes (as `remediationLimits`).
 */
export type DependentRemediations = {
  readonly [K in Exclude<DependentRemediationName, "threadAlarm">]: boolean;
} & { readonly threadAlarm?: boolean };

/** The `load` section (model/load.ts). Integers; percents are of 100. */
export interface LoadConfig {
  /** K2: requests per tick clients offer the whole front-end fleet. */
  readonly offeredRequestsPerTick: number;
  /** K2: requests per tick one 2020-size frontend serving with a complete map can handle (R1: ×largerServerFactor). */
  readonly capacityPerFrontend: number;
  /**
   * K11: percent of a serving peer's capacity that one bootstrapping frontend's shard-map fill takes (K4(c): a
   * new map is filled from every peer's messages, so every peer works for every bootstrapping frontend). R8
   * (bootstrap from the authoritative store) takes nothing from the peers.
   */
  readonly bootstrapCostPercent: number;
  /**
   * K11: the health check judges a frontend serving with a complete map unhealthy (slow) when the requests sent
   * to it exceed this percent of what it can serve; it is then removed and restarted, and bootstraps again.
   */
  readonly healthCheckPercent: number;
  /**
   * R7: percent of the offered load that goes to cell 0 when the fleet is cellularized; the rest is spread evenly
   * over the other cells (100 / cells is balanced). A stream's shards live in one cell, so a few busy streams make a
   * hot cell. Ignored with a single cell.
   */
  readonly firstCellLoadPercent: number;
}

/**
 * R6's own limit (docs/remediation-limits.md): CloudWatch's partitioned front-end fleet is a front-end fleet of
 * its own, so K5's threads per peer and K7's OS thread limit apply inside it too. A few integers, not a second
 * copy of the core fleet (model/dependents/partitionFleet.ts says what is left out). Every number ILLUSTRATIVE:
 * AWS published neither the partition's size nor its limit.
 */
export interface PartitionFleetConfig {
  /** R6: frontends in CloudWatch's partition at the start. */
  readonly frontends: number;
  /** R6: frontends one `operator/partitionCapacityAdded` adds (CloudWatch's ingest grows, K16's addition inside the partition). */
  readonly addedFrontends: number;
  /** R6: the largest partition the operators' capacity plan reaches (as `fleet.maxSize` for the core). */
  readonly maxFrontends: number;
  /** K5 inside the partition: threads a partition frontend needs besides those for its peers. */
  readonly baseThreads: number;
  /** K5 inside the partition: threads a partition frontend opens for each other partition frontend. */
  readonly threadsPerPeer: number;
  /** K7 inside the partition: the OS limit on the threads one partition frontend may create. */
  readonly threadLimit: number;
}

/** The `alarms` section (model/dependents/alarms.ts). */
export interface AlarmsConfig {
  /**
   * R2: α, the percent of the OS thread limit at which the thread alarm fires (`threadAlarm` on). AWS gave no
   * threshold: ILLUSTRATIVE. docs/alarms.md says under which α the alarm is raised before the limit is passed.
   */
  readonly threadAlarmPercent: number;
}

/** R2's α when a config has no `alarms` section: 90 %, ILLUSTRATIVE (a common "nearly full" threshold). */
export const DEFAULT_THREAD_ALARM_PERCENT = 90;

/** R2: whether the thread alarm is on (absent is off, K10). */
export const threadAlarmOn = (config: SystemConfig): boolean =>
  config.dependents.remediations.threadAlarm === true;

/** R2: α, the percent of the OS thread limit at which the thread alarm fires. */
export const threadAlarmPercent = (config: SystemConfig): number =>
  config.dependents.alarms?.threadAlarmPercent ?? DEFAULT_THREAD_ALARM_PERCENT;

/** All numbers are in ticks or in abstract units per tick; every one is ILLUSTRATIVE unless its comment cites a value. */
export interface DependentsConfig {
  readonly kinesis: {
    /**
     * Kinesis counts as available to a dependent when at least this share (in percent) of the serving frontends
     * hold a complete shard-map: a dependent's calls are spread over the fleet, and one that lands on a useless map
     * fails (K8). Illustrative.
     */
    readonly minHealthyPercent: number;
  };
  /**
   * K2/K11/R7: the load on the front-end fleet and what it can serve (model/load.ts). Requests are abstract
   * units per tick. Every number is ILLUSTRATIVE: the record gives no request rate, no per-server capacity, no
   * cost of a shard-map fill and no health-check threshold (domain.md §(e): "Health-check thresholds that
   * remove slow servers: unknown").
   */
  readonly load: LoadConfig;
  readonly cognito: {
    /** C1: usage records the webservers emit per tick into the buffer drained to Kinesis. */
    readonly recordsPerTick: number;
    /** C1/C2: the buffer's size, in records. Unknown in the record. */
    readonly bufferRecords: number;
    /** C3: records of room one `cognito/capacityAdded` adds ("added capacity to buffer more calls"). */
    readonly addedCapacityRecords: number;
  };
  readonly cloudwatch: {
    /** W1: datapoints (PutMetricData/PutLogEvents) per tick that go through Kinesis. */
    readonly datapointsPerTick: number;
    /** R10: the local store's horizon in ticks: 3 hours in AWS's fix. */
    readonly localBufferTicks: number;
    /** W1: ticks without any processed datapoint after which an alarm goes to INSUFFICIENT_DATA. */
    readonly alarmMissingTicks: number;
  };
  readonly autoscaling: {
    /** A1: the invariant's N: a load change must be acted on within this many ticks. */
    readonly reactWithinTicks: number;
  };
  readonly lambda: {
    /** L1: metric bytes (abstract units) one tick of invocations adds to the agent's buffer while CloudWatch is down. */
    readonly metricUnitsPerTick: number;
    /** L1: the host memory (same units) the buffer may take before invocations start to fail. */
    readonly memoryThresholdUnits: number;
  };
  readonly eventbridge: {
    /** E2: the invariant's N: a cluster provisioning request completes within this many ticks. */
    readonly provisionWithinTicks: number;
  };
  readonly dashboard: {
    /** H1: ticks the backup posting tool takes with operators who rarely use it ("more manual and less familiar"). */
    readonly backupTicksUntrained: number;
    /** R12: ticks it takes once operators are trained on it. */
    readonly backupTicksTrained: number;
    /** H1: the invariant's N: a status update reaches the dashboard within this many ticks. */
    readonly postWithinTicks: number;
  };
  readonly customer: {
    /** Seed 000: telemetry records the producer writes per tick. */
    readonly recordsPerTick: number;
    /** Seed 000: records the producer can hold while the stream is unreachable. */
    readonly producerBufferRecords: number;
    /** Seed 000: ticks of failed writes before the pipeline decides the region is impaired. */
    readonly detectTicks: number;
    /** Seed 000: "that week was Thanksgiving holiday and all our company changes were on hold". */
    readonly changeFreeze: boolean;
    /** Seed 000: ticks a human approval takes outside a freeze ("could not be done immediately"). */
    readonly approvalTicks: number;
    /** The invariant's N: ingestion resumes within this many ticks of a regional impairment. */
    readonly resumeWithinTicks: number;
  };
  /**
   * K9/K10/R2: the operators' alarms (model/dependents/alarms.ts). Optional: a config saved before it existed
   * has none, and R2's alarm then uses DEFAULT_THREAD_ALARM_PERCENT.
   */
  readonly alarms?: AlarmsConfig;
  readonly remediations: DependentRemediations;
  /**
   * R6's own limit: CloudWatch's partition as a front-end fleet of its own (model/dependents/partitionFleet.ts).
   * Optional: a config without it (every file saved before it existed) models no such limit, the partition is
   * always available, and PartitionWithinThreadLimit holds on it trivially.
   */
  readonly partitionFleet?: PartitionFleetConfig;
}

/** A core config plus its dependents: the whole system's parameters. */
export type SystemConfig = Config & { readonly dependents: DependentsConfig };

export const NO_DEPENDENT_REMEDIATIONS: DependentRemediations = {
  cognitoNonBlockingBuffer: false,
  cloudwatchLocalBuffer: false,
  cloudwatchPartitionedFleet: false,
  eventbridgePartitionedFleet: false,
  lambdaBoundedMetricBuffer: false,
  dashboardBackupPath: false,
  customerStandbyStream: false,
  customerAutomaticFailover: false,
  threadAlarm: false,
};

/** The system config with the named dependent remediations on (the rest keep their values). */
export const withDependentRemediations = (
  config: SystemConfig,
  names: ReadonlyArray<DependentRemediationName>,
): SystemConfig =>
  names.length === 0
    ? config
    : {
        ...config,
        name: `${config.name}+${names.join("+")}`,
        dependents: {
          ...config.dependents,
          // A flag the config leaves out (an optional one) stays out unless it is switched on.
          remediations: Object.fromEntries(
            DEPENDENT_REMEDIATION_NAMES.flatMap((n) => {
              const on = (config.dependents.remediations as Partial<Record<string, boolean>>)[n];
              return on === undefined && !names.includes(n) ? [] : [[n, on === true || names.includes(n)]];
            }),
          ) as DependentRemediations,
        },
      };
