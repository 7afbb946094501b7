// ---------------------------------------------------------------------------------------------------------
// analyses/configSearch: the expected outcome of the three bounded dependents invariants for any system config,
// from docs/prove.md (`prove --spec system`): each is PROVED under its remedies with no side condition on the
// numbers, and without them a witness run from the initial state breaks it under the run's side condition.
// The runs need Kinesis down for the dependent: on any fleet, crashing every frontend leaves none serving, so
// the routable share is 0 and Kinesis is down whenever `minHealthyPercent` > 0 (model/dependents/
// kinesisHealth.ts); with 0 it is never down, and nothing a dependent does can break these invariants.
// ---------------------------------------------------------------------------------------------------------
import type { SystemConfig } from "../../model/dependents/config.ts";
import type { SystemInvariantName } from "../../properties/dependents/index.ts";

export interface DependentsRule {
  readonly invariant: SystemInvariantName;
  readonly sentence: string;
  readonly source: string;
  readonly expected: (config: SystemConfig) => "holds" | "violated";
}

/** Kinesis can be down for the dependents: every frontend crashed leaves a routable share of 0. */
const kinesisCanBeDown = (c: SystemConfig): boolean => c.dependents.kinesis.minHealthyPercent > 0;

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
      "Violated iff Kinesis can be down, no R6 (partitioned fleet), and datapointsPerTick ≥ 1: without R10 one tick down loses a tick's datapoints; with R10 localBufferTicks + 1 ticks down lose what falls past the horizon (R10's own limit).",
    source:
      "W1, R6, R10; docs/prove.md (PROVED under R6; the one-tick and past-the-horizon witness runs' side conditions)",
    expected: (c) =>
      kinesisCanBeDown(c) &&
      !c.dependents.remediations.cloudwatchPartitionedFleet &&
      c.dependents.cloudwatch.datapointsPerTick >= 1
        ? "violated"
        : "holds",
  },
  {
    invariant: "LambdaUnaffectedByCloudWatch",
    sentence:
      "Violated iff Kinesis can be down, none of R11, R10, R6, and metricUnitsPerTick ≥ 1: memoryThresholdUnits + 1 ticks of a CloudWatch impairment put the metric buffer over the threshold.",
    source:
      "L1, R10, R11; docs/prove.md (PROVED under R11, R10 or R6; witness run, side condition metricUnitsPerTick ≥ 1)",
    expected: (c) =>
      kinesisCanBeDown(c) &&
      !c.dependents.remediations.lambdaBoundedMetricBuffer &&
      !c.dependents.remediations.cloudwatchLocalBuffer &&
      !c.dependents.remediations.cloudwatchPartitionedFleet &&
      c.dependents.lambda.metricUnitsPerTick >= 1
        ? "violated"
        : "holds",
  },
];
