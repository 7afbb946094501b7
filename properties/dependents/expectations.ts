// ---------------------------------------------------------------------------------------------------------
// properties: the expected outcome of the dependents' invariants under the two system configs `npm run
// check` searches (habit 13, as properties/expectations.ts does for the fleet): the as-was system, where
// the fleet's failure reaches every dependent, and every remediation on, fleet's and dependents'. Found by
// running the checker with the default seed and runs; cli/expect.test.ts keeps it true.
// ---------------------------------------------------------------------------------------------------------
import type { Outcome } from "../expectations.ts";
import type { SystemInvariantName } from "./systemInvariant.ts";

export interface SystemExpectation {
  /** Remediations on, fleet's and dependents', over the as-was system: none, or every one. */
  readonly remediations: "none" | "all";
  readonly outcomes: { readonly [K in SystemInvariantName]: Outcome };
  /** Why, in one line, for the reader of the table. */
  readonly why: string;
}

export const SYSTEM_EXPECTATIONS: ReadonlyArray<SystemExpectation> = [
  {
    remediations: "none",
    outcomes: {
      CognitoNeverBlocksOnKinesisBuffer: "violated",
      CloudWatchLosesNoDatapoint: "violated",
      AlarmsHaveData: "violated",
      AutoScalingReactsWithin: "violated",
      LambdaUnaffectedByCloudWatch: "violated",
      ProvisioningCompletesWithin: "violated",
      StatusPostedWithin: "violated",
      CustomerIngestionSurvivesRegionalImpairment: "violated",
      NoRecoverySetback: "violated",
      CellLoadWithinCapacity: "violated",
      // R6's own limit: CloudWatch is on the main fleet, there is no partition to grow.
      PartitionWithinThreadLimit: "holds",
      ThreadAlarmBeforeLimit: "violated",
    },
    why: "the 2020 day: Kinesis fails and every dependent that buffers on it or reads from it is impaired",
  },
  {
    remediations: "all",
    outcomes: {
      CognitoNeverBlocksOnKinesisBuffer: "holds",
      CloudWatchLosesNoDatapoint: "holds",
      AlarmsHaveData: "holds",
      AutoScalingReactsWithin: "holds",
      LambdaUnaffectedByCloudWatch: "holds",
      ProvisioningCompletesWithin: "holds",
      StatusPostedWithin: "holds",
      CustomerIngestionSurvivesRegionalImpairment: "holds",
      NoRecoverySetback: "violated",
      CellLoadWithinCapacity: "violated",
      // The preflight guard refuses a partition addition past its thread limit (model/dependents/partitionFleet.ts).
      PartitionWithinThreadLimit: "holds",
      ThreadAlarmBeforeLimit: "holds",
    },
    why: "every remediation on: the fleet stays up and every dependent is isolated from Kinesis",
  },
];
