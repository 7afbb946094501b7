// ---------------------------------------------------------------------------------------------------------
// properties: the invariants' names alone, in the registries' order (properties/index.ts and
// properties/dependents/index.ts), for what needs the names and not the invariants: the help text, which
// `outage --help` prints without loading the model (issue 17's start-up target). names.test.ts holds them
// equal to the registries.
// ---------------------------------------------------------------------------------------------------------
import type { SystemInvariantName } from "./dependents/systemInvariant.ts";
import type { InvariantName } from "./invariant.ts";

export const INVARIANT_NAMES: ReadonlyArray<InvariantName> = [
  "WellFormed",
  "ThreadBudget",
  "ServesOnlyWithCompleteMap",
  "RoutesToCurrentOwner",
  "PeersLearnedWithin",
  "ShardMovesAppliedWithin",
  "MemoryBudget",
  "MetadataStoreWithinCapacity",
  "CacheFleetWithinThreadLimit",
];

export const SYSTEM_INVARIANT_NAMES: ReadonlyArray<SystemInvariantName> = [
  "CognitoNeverBlocksOnKinesisBuffer",
  "CloudWatchLosesNoDatapoint",
  "AlarmsHaveData",
  "AutoScalingReactsWithin",
  "LambdaUnaffectedByCloudWatch",
  "ProvisioningCompletesWithin",
  "StatusPostedWithin",
  "CustomerIngestionSurvivesRegionalImpairment",
  "NoRecoverySetback",
  "CellLoadWithinCapacity",
  "PartitionWithinThreadLimit",
  "ThreadAlarmBeforeLimit",
];
