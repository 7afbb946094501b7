// ---------------------------------------------------------------------------------------------------------
// properties: the dependents' invariants, checked separately so the report names the broken one (habit 12).
// ---------------------------------------------------------------------------------------------------------
import { alarmsHaveData } from "./alarmsHaveData.ts";
import { autoscalingReactsWithin } from "./autoscalingReactsWithin.ts";
import { cellLoadWithinCapacity } from "./cellLoadWithinCapacity.ts";
import { cloudwatchLosesNoDatapoint } from "./cloudwatchLosesNoDatapoint.ts";
import { cognitoNeverBlocks } from "./cognitoNeverBlocks.ts";
import { customerSurvives } from "./customerSurvives.ts";
import { lambdaUnaffected } from "./lambdaUnaffected.ts";
import { noRecoverySetback } from "./noRecoverySetback.ts";
import { partitionWithinThreadLimit } from "./partitionWithinThreadLimit.ts";
import { provisioningCompletesWithin } from "./provisioningCompletesWithin.ts";
import { statusPostedWithin } from "./statusPostedWithin.ts";
import type { SystemInvariant } from "./systemInvariant.ts";
import { threadAlarmBeforeLimit } from "./threadAlarmBeforeLimit.ts";

export const SYSTEM_INVARIANTS: ReadonlyArray<SystemInvariant> = [
  cognitoNeverBlocks,
  cloudwatchLosesNoDatapoint,
  alarmsHaveData,
  autoscalingReactsWithin,
  lambdaUnaffected,
  provisioningCompletesWithin,
  statusPostedWithin,
  customerSurvives,
  noRecoverySetback,
  cellLoadWithinCapacity,
  partitionWithinThreadLimit,
  threadAlarmBeforeLimit,
];

export { SYSTEM_INVARIANT_NAMES } from "../names.ts";

export const systemInvariantNamed = (name: string): SystemInvariant | undefined =>
  SYSTEM_INVARIANTS.find((i) => i.name === name);

export type { SystemInvariant, SystemInvariantName, SystemViolation } from "./systemInvariant.ts";
