import { type DependentsConfig, NO_DEPENDENT_REMEDIATIONS, type SystemConfig } from "../dependents/config.ts";
import { asWas } from "./asWas.ts";

/**
 * The dependents as they were on 25 Nov 2020, on the `as-was` core fleet (one tick = 5 minutes).
 *
 * ILLUSTRATIVE NUMBERS, calibrated to the public timeline (domain.md §(a), §(e)): no buffer size, memory
 * threshold or rate was published. With Kinesis unavailable to the dependents from tick T:
 *   - Lambda's metric buffer passes the host memory threshold after 12 ticks (1 h): AWS saw errors from 05:15
 *     (CloudWatch) to 06:15 (Lambda);
 *   - Cognito's buffer of 12 records, plus the 9 records of room C3 added, fills after 21 ticks (1 h 45 min):
 *     05:15 → 07:00, against "07:01 error rates rise significantly";
 *   - CloudWatch's local store keeps 36 ticks, the 3 hours AWS chose (R10, a given value);
 *   - the backup SHD tool takes 12 ticks (1 h) untrained and 2 ticks trained; a post must go out within 3 ticks;
 *   - AutoScaling must act within 3 ticks (15 min) and ECS/EKS provisioning complete within 6 ticks (30 min);
 *   - the customer's producer holds 6 ticks of records, detects an impairment after 2 ticks, and a human approval
 *     takes 12 ticks outside a freeze; the freeze is on (Thanksgiving week, seed 000).
 *   - Kinesis is available to a dependent while at least half the serving frontends can route.
 */
export const asWasDependents: DependentsConfig = {
  kinesis: { minHealthyPercent: 50 },
  cognito: { recordsPerTick: 1, bufferRecords: 12, addedCapacityRecords: 9 },
  cloudwatch: { datapointsPerTick: 1, localBufferTicks: 36, alarmMissingTicks: 1 },
  autoscaling: { reactWithinTicks: 3 },
  lambda: { metricUnitsPerTick: 1, memoryThresholdUnits: 12 },
  eventbridge: { provisionWithinTicks: 6 },
  dashboard: { backupTicksUntrained: 12, backupTicksTrained: 2, postWithinTicks: 3 },
  customer: {
    recordsPerTick: 1,
    producerBufferRecords: 6,
    detectTicks: 2,
    changeFreeze: true,
    approvalTicks: 12,
    resumeWithinTicks: 6,
  },
  remediations: NO_DEPENDENT_REMEDIATIONS,
};

/** The `as-was` system: the core `as-was` fleet and the dependents as they were. */
export const asWasSystem: SystemConfig = { ...asWas, dependents: asWasDependents };
