// ---------------------------------------------------------------------------------------------------------
// explain: the parameters that matter for each dependent invariant (properties/dependents/): the few fleet
// numbers that make Kinesis fail its dependents, the threshold at which they see it fail, and the dependent's
// own buffer, memory or deadline, each with its meaning and source (model/dependents/config.ts; every value in
// `as-was` is illustrative, see model/configs/asWasDependents.ts). Pure.
// ---------------------------------------------------------------------------------------------------------
import { DEFAULT_THREAD_ALARM_PERCENT, type SystemConfig } from "../model/dependents/config.ts";
import type { SystemInvariantName } from "../properties/dependents/index.ts";
import { PARAMETERS, type Parameter } from "./parameters.ts";

const d = (
  path: string,
  value: (c: SystemConfig["dependents"]) => number | boolean,
  meaning: string,
): Parameter<SystemConfig> => ({ path: `dependents.${path}`, value: (c) => value(c.dependents), meaning });

export const DEPENDENT_PARAMETERS: ReadonlyArray<Parameter<SystemConfig>> = [
  d(
    "kinesis.minHealthyPercent",
    (x) => x.kinesis.minHealthyPercent,
    "Kinesis is available to a dependent while it delivers this % of the offered requests (goodput, K8/K11; illustrative)",
  ),
  d(
    "load.offeredRequestsPerTick",
    (x) => x.load.offeredRequestsPerTick,
    "requests per tick offered to the fleet (K2; illustrative)",
  ),
  d(
    "load.capacityPerFrontend",
    (x) => x.load.capacityPerFrontend,
    "requests per tick a frontend with a complete map serves (K2; illustrative)",
  ),
  d(
    "load.healthCheckPercent",
    (x) => x.load.healthCheckPercent,
    "% of its capacity a frontend may be sent before the health check removes it (K11; illustrative)",
  ),
  d(
    "load.firstCellLoadPercent",
    (x) => x.load.firstCellLoadPercent,
    "% of the load on cell 0 when cellularized (R7; illustrative)",
  ),
  d(
    "load.bootstrapCostPercent",
    (x) => x.load.bootstrapCostPercent,
    "% of each serving peer's capacity one bootstrapping frontend takes (K11; illustrative)",
  ),
  d("cognito.recordsPerTick", (x) => x.cognito.recordsPerTick, "usage records Cognito emits per tick (C1)"),
  d("cognito.bufferRecords", (x) => x.cognito.bufferRecords, "Cognito's buffer, in records (C1/C2; unknown)"),
  d(
    "cognito.addedCapacityRecords",
    (x) => x.cognito.addedCapacityRecords,
    "room added by cognito/capacityAdded (C3)",
  ),
  d(
    "cloudwatch.datapointsPerTick",
    (x) => x.cloudwatch.datapointsPerTick,
    "datapoints per tick through Kinesis (W1)",
  ),
  d(
    "cloudwatch.localBufferTicks",
    (x) => x.cloudwatch.localBufferTicks,
    "local store horizon, 3 h in AWS's fix (R10)",
  ),
  d(
    "cloudwatch.alarmMissingTicks",
    (x) => x.cloudwatch.alarmMissingTicks,
    "ticks without data before an alarm is INSUFFICIENT_DATA (W1)",
  ),
  d(
    "autoscaling.reactWithinTicks",
    (x) => x.autoscaling.reactWithinTicks,
    "the invariant's N: act on a load change within (A1)",
  ),
  d(
    "lambda.metricUnitsPerTick",
    (x) => x.lambda.metricUnitsPerTick,
    "metric memory a tick of invocations adds while CloudWatch is down (L1)",
  ),
  d(
    "lambda.memoryThresholdUnits",
    (x) => x.lambda.memoryThresholdUnits,
    "host memory the buffer may take before invocations fail (L1)",
  ),
  d(
    "eventbridge.provisionWithinTicks",
    (x) => x.eventbridge.provisionWithinTicks,
    "the invariant's N: provisioning completes within (E2)",
  ),
  d(
    "dashboard.backupTicksUntrained",
    (x) => x.dashboard.backupTicksUntrained,
    "ticks the backup posting tool takes, untrained (H1)",
  ),
  d(
    "dashboard.backupTicksTrained",
    (x) => x.dashboard.backupTicksTrained,
    "ticks it takes once operators are trained (R12)",
  ),
  d(
    "dashboard.postWithinTicks",
    (x) => x.dashboard.postWithinTicks,
    "the invariant's N: a status update is posted within (H1)",
  ),
  d(
    "customer.producerBufferRecords",
    (x) => x.customer.producerBufferRecords,
    "records the producer holds while its stream is unreachable (seed 000)",
  ),
  d(
    "customer.detectTicks",
    (x) => x.customer.detectTicks,
    "ticks of failed writes before the region counts as impaired (seed 000)",
  ),
  d("customer.changeFreeze", (x) => x.customer.changeFreeze, "Thanksgiving change freeze (seed 000)"),
  d(
    "customer.approvalTicks",
    (x) => x.customer.approvalTicks,
    "ticks a human approval takes outside a freeze (seed 000)",
  ),
  d(
    "customer.resumeWithinTicks",
    (x) => x.customer.resumeWithinTicks,
    "the invariant's N: ingestion resumes within (seed 000)",
  ),
  ...(
    [
      ["frontends", "frontends in CloudWatch's partition at the start (R6; illustrative)"],
      ["addedFrontends", "frontends one partition addition adds (R6; illustrative)"],
      ["maxFrontends", "the largest partition the plan reaches (R6; illustrative)"],
      ["baseThreads", "a partition frontend's threads besides its peers' (K5; illustrative)"],
      ["threadsPerPeer", "threads a partition frontend opens per partition peer (K5; illustrative)"],
      ["threadLimit", "the OS limit on a partition frontend's threads (K7; illustrative)"],
    ] as const
  ).map(([k, meaning]) =>
    d(
      `partitionFleet.${k}`,
      // 0 for a config without the section, which models no partition limit.
      (x) => x.partitionFleet?.[k] ?? 0,
      meaning,
    ),
  ),
  d(
    "alarms.threadAlarmPercent",
    (x) => x.alarms?.threadAlarmPercent ?? DEFAULT_THREAD_ALARM_PERCENT,
    "α: the thread alarm fires when a frontend holds this % of the OS limit (R2; illustrative)",
  ),
];

/** The fleet numbers behind every dependent failure: the thread limit breaks the maps (K5, K7, K8). */
const FLEET = [
  "fleet.initialSize",
  "threads.threadLimit",
  "threads.baseThreads",
  "threads.threadsPerPeer",
  "tickMinutes",
  "dependents.kinesis.minHealthyPercent",
  "dependents.load.offeredRequestsPerTick",
  "dependents.load.capacityPerFrontend",
  "dependents.load.bootstrapCostPercent",
];

const RELEVANT: { readonly [K in SystemInvariantName]: ReadonlyArray<string> } = {
  CognitoNeverBlocksOnKinesisBuffer: [
    "dependents.cognito.recordsPerTick",
    "dependents.cognito.bufferRecords",
    "dependents.cognito.addedCapacityRecords",
  ],
  CloudWatchLosesNoDatapoint: [
    "dependents.cloudwatch.datapointsPerTick",
    "dependents.cloudwatch.localBufferTicks",
  ],
  AlarmsHaveData: ["dependents.cloudwatch.alarmMissingTicks", "dependents.cloudwatch.localBufferTicks"],
  AutoScalingReactsWithin: [
    "dependents.autoscaling.reactWithinTicks",
    "dependents.cloudwatch.alarmMissingTicks",
  ],
  LambdaUnaffectedByCloudWatch: [
    "dependents.lambda.metricUnitsPerTick",
    "dependents.lambda.memoryThresholdUnits",
  ],
  ProvisioningCompletesWithin: ["dependents.eventbridge.provisionWithinTicks"],
  StatusPostedWithin: [
    "dependents.cognito.bufferRecords",
    "dependents.dashboard.backupTicksUntrained",
    "dependents.dashboard.backupTicksTrained",
    "dependents.dashboard.postWithinTicks",
  ],
  CustomerIngestionSurvivesRegionalImpairment: [
    "dependents.customer.producerBufferRecords",
    "dependents.customer.detectTicks",
    "dependents.customer.changeFreeze",
    "dependents.customer.approvalTicks",
    "dependents.customer.resumeWithinTicks",
  ],
  CellLoadWithinCapacity: ["dependents.load.healthCheckPercent", "dependents.load.firstCellLoadPercent"],
  PartitionWithinThreadLimit: [
    "dependents.partitionFleet.frontends",
    "dependents.partitionFleet.addedFrontends",
    "dependents.partitionFleet.maxFrontends",
    "dependents.partitionFleet.baseThreads",
    "dependents.partitionFleet.threadsPerPeer",
    "dependents.partitionFleet.threadLimit",
  ],
  ThreadAlarmBeforeLimit: ["dependents.alarms.threadAlarmPercent", "dependents.cloudwatch.alarmMissingTicks"],
  NoRecoverySetback: [
    "coldStart.bootstrapTicks",
    "dependents.load.healthCheckPercent",
    "dependents.load.firstCellLoadPercent",
  ],
};

/** The parameters that matter for a dependent invariant: the fleet's, then the dependent's own. */
export const systemParametersFor = (invariant: string): ReadonlyArray<Parameter<SystemConfig>> => {
  const paths = [...FLEET, ...(RELEVANT[invariant as SystemInvariantName] ?? [])];
  return [...PARAMETERS, ...DEPENDENT_PARAMETERS].filter((p) => paths.includes(p.path));
};
