// ---------------------------------------------------------------------------------------------------------
// properties: an invariant over the whole system (core fleet + dependents). Same shape as properties/
// invariant.ts (a named predicate returning Option<Violation>, habit 11), over `SystemState`.
// ---------------------------------------------------------------------------------------------------------
import type * as O from "fp-ts/lib/Option.js";
import type { DependentRemediationName, SystemConfig } from "../../model/dependents/config.ts";
import type { SystemState } from "../../model/system.ts";

export type SystemInvariantName =
  | "CognitoNeverBlocksOnKinesisBuffer"
  | "CloudWatchLosesNoDatapoint"
  | "AlarmsHaveData"
  | "AutoScalingReactsWithin"
  | "LambdaUnaffectedByCloudWatch"
  | "ProvisioningCompletesWithin"
  | "StatusPostedWithin"
  | "CustomerIngestionSurvivesRegionalImpairment"
  | "NoRecoverySetback"
  | "CellLoadWithinCapacity"
  | "PartitionWithinThreadLimit"
  | "ThreadAlarmBeforeLimit";

export interface SystemViolation {
  readonly invariant: SystemInvariantName;
  /** What is wrong, with the numbers. */
  readonly message: string;
  /** The source fact (domain.md ID or seed file). */
  readonly source: string;
}

export interface SystemInvariant {
  readonly name: SystemInvariantName;
  /** The invariant as a sentence. */
  readonly sentence: string;
  readonly source: string;
  /** Sets of dependent remediations, each of which on its own makes it hold on the failing `as-was` fleet. */
  readonly remediedBy: ReadonlyArray<ReadonlyArray<DependentRemediationName>>;
  /**
   * The remediation whose own new limit this invariant states (seed 001; docs/remediation-limits.md): it holds
   * trivially with that remediation off, and turning it on can break it (a trade the matrix shows).
   */
  readonly limitOf?: DependentRemediationName;
  /** What fixes it when no dependent remediation does (`remediedBy` empty), for the advice after a violation. */
  readonly advice?: string;
  readonly check: (config: SystemConfig, s: SystemState) => O.Option<SystemViolation>;
  /** 0 = far from breaking, 1 = at the edge; above 1 only in a violating state. */
  readonly closeness: (config: SystemConfig, s: SystemState) => number;
  readonly closenessMeaning: string;
}
