// ---------------------------------------------------------------------------------------------------------
// analyses/configSearch: the expected outcome of the three bounded dependents invariants for any system config,
// from docs/prove.md (`prove --spec system`): each is PROVED under its remedies with no side condition on the
// numbers, and without them a witness run from the initial state breaks it under the run's side condition.
// The runs need Kinesis down for the dependent: on any fleet, crashing every frontend leaves none serving, so
// the routable share is 0 and Kinesis is down whenever `minHealthyPercent` > 0 (model/dependents/
// kinesisHealth.ts); with 0 it is never down, and nothing a dependent does can break these invariants.
// ---------------------------------------------------------------------------------------------------------
import type { SystemConfig } from "../../model/dependents/config.ts";
import { partitionThreadsFor } from "../../model/dependents/partitionFleet.ts";
import type { SystemInvariantName } from "../../properties/dependents/index.ts";

export interface DependentsRule {
  readonly invariant: SystemInvariantName;
  readonly sentence: string;
  readonly source: string;
  readonly expected: (config: SystemConfig) => "holds" | "violated";
}

/** Kinesis can be down for the dependents: every frontend crashed leaves a routable share of 0. */
const kinesisCanBeDown = (c: SystemConfig): boolean => c.dependents.kinesis.minHealthyPercent > 0;

/**
 * R6's own limit (model/dependents/partitionFleet.ts): with R6 on and a `partitionFleet` section, the partition
 * can be over its thread limit: at the start, or (without the preflight guard, which refuses such an addition)
 * at the largest size the plan reaches, frontends + added × ⌊(max − frontends) / added⌋. Threads grow with the
 * size, so the largest reachable size is the one to test.
 */
const partitionCanFail = (c: SystemConfig): boolean => {
  const p = c.dependents.partitionFleet;
  if (p === undefined || !c.dependents.remediations.cloudwatchPartitionedFleet) return false;
  const largest =
    p.frontends +
    p.addedFrontends * Math.max(0, Math.floor((p.maxFrontends - p.frontends) / p.addedFrontends));
  const size = c.remediations.preflightGuard ? p.frontends : largest;
  return partitionThreadsFor(p, size) > p.threadLimit;
};

/**
 * CloudWatch's path to Kinesis can be down: without R6 it is the main fleet; with R6 its partition, down only
 * past its own thread limit (whatever the main fleet does).
 */
const cloudwatchCanBeDown = (c: SystemConfig): boolean =>
  c.dependents.remediations.cloudwatchPartitionedFleet ? partitionCanFail(c) : kinesisCanBeDown(c);

export const DEPENDENTS_RULES: ReadonlyArray<DependentsRule> = [
  {
    invariant: "CognitoNeverBlocksOnKinesisBuffer",
    sentence:
      "Violated iff Kinesis can be down and Cognito's buffer blocks (no cognitoNonBlockingBuffer): bufferRecords + 1 sign-ins fill it and the next blocks.",
    source:
      "C1, C2, C4, R9; docs/prove.md (PROVED under R9, side condition none; witness run, side condition none)",
    expected: (c) =>
      kinesisCanBeDown(c) && !c.dependents.remediations.cognitoNonBlockingBuffer ? "violated" : "holds",
  },
  {
    invariant: "CloudWatchLosesNoDatapoint",
    sentence:
      "Violated iff CloudWatch's path can be down (without R6: Kinesis can be down; with R6: its partition can pass its own thread limit) and datapointsPerTick ≥ 1: without R10 one tick down loses a tick's datapoints; with R10 localBufferTicks + 1 ticks down lose what falls past the horizon (R10's own limit).",
    source:
      "W1, R6, R10; docs/prove.md (PROVED under R6 assuming PartitionWithinThreadLimit; the one-tick and past-the-horizon witness runs' side conditions)",
    expected: (c) =>
      cloudwatchCanBeDown(c) && c.dependents.cloudwatch.datapointsPerTick >= 1 ? "violated" : "holds",
  },
  {
    invariant: "LambdaUnaffectedByCloudWatch",
    sentence:
      "Violated iff CloudWatch's path can be down (as above), neither R11 nor R10, and metricUnitsPerTick ≥ 1: memoryThresholdUnits + 1 ticks of a CloudWatch impairment put the metric buffer over the threshold.",
    source:
      "L1, R10, R11; docs/prove.md (PROVED under R11, R10, or R6 assuming PartitionWithinThreadLimit; witness run, side condition metricUnitsPerTick ≥ 1)",
    expected: (c) =>
      cloudwatchCanBeDown(c) &&
      !c.dependents.remediations.lambdaBoundedMetricBuffer &&
      !c.dependents.remediations.cloudwatchLocalBuffer &&
      c.dependents.lambda.metricUnitsPerTick >= 1
        ? "violated"
        : "holds",
  },
  {
    invariant: "PartitionWithinThreadLimit",
    sentence:
      "Violated iff R6 is on with a partitionFleet section and baseThreads + threadsPerPeer × (g − 1) > threadLimit, g the partition's largest reachable size: frontends + addedFrontends × ⌊(maxFrontends − frontends) / addedFrontends⌋ without the preflight guard, frontends with it (it refuses an addition past the limit).",
    source: "R6, K5, K7, K8; docs/remediation-limits.md (closed form over the partition's few integers)",
    expected: (c) => (partitionCanFail(c) ? "violated" : "holds"),
  },
];
