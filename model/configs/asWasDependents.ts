import {
  type AlarmsConfig,
  DEFAULT_THREAD_ALARM_PERCENT,
  type DependentsConfig,
  type LoadConfig,
  NO_DEPENDENT_REMEDIATIONS,
  type PartitionFleetConfig,
  type SystemConfig,
} from "../dependents/config.ts";
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
 *   - Kinesis is available to a dependent while it delivers at least half the offered requests (goodput, model/load.ts).
 */
/**
 * The load on the `as-was` fleet (model/load.ts). ILLUSTRATIVE NUMBERS, chosen so that the 2020 paced restart
 * (one frontend bootstrapping at a time, K15) is the fastest safe pace, the built-in replay is unchanged, and a
 * restart well above that pace is set back and recovers later (issue 14, docs/load.md):
 *   - 8 frontends serve 10 requests a tick each with a complete map; clients offer 44 (55 % of the fleet's capacity);
 *   - one bootstrapping frontend takes 10 % of every serving peer's capacity (K11);
 *   - the health check removes a frontend sent more than it can serve (100 %).
 * With two frontends bootstrapping, the 6 serving get 7.3 requests each against 8 they can serve; with three,
 * 5 get 8.8 against 7: slow, judged unhealthy, restarted (the setback). So B_safe = 2, and r_safe = 1 per 18-tick
 * bootstrap because the core fills one map at a time (maxConcurrentBootstraps). With one frontend held out after
 * a setback and one bootstrapping, the 6 serving get 7.3 against 9: the headroom that lets a fast restart, set
 * back and paced again, recover (at 56, the previous value, they got 9.3: a fast restart never recovered).
 *   - R7: cell 0 takes 75 % of the load (cells of 4 would share 50/50): one crash in it overloads it (33 for 3 of 10).
 *   - A lone larger server (R1, 4 × 10) is sent more than it can serve (44 > 40), so the health check can act
 *     under every remediation too (NoRecoverySetback is not vacuous there).
 */
export const asWasLoad: LoadConfig = {
  offeredRequestsPerTick: 44,
  capacityPerFrontend: 10,
  bootstrapCostPercent: 10,
  healthCheckPercent: 100,
  firstCellLoadPercent: 75,
};

/**
 * R6's own limit: CloudWatch's partitioned front-end fleet (model/dependents/partitionFleet.ts). ILLUSTRATIVE
 * NUMBERS: the partition runs the same front-end software on the same servers as the main fleet, so its K5/K7
 * numbers are the main `as-was` fleet's (4 base threads, 1 per peer, limit 11: at most 8 frontends); only its
 * size is its own. It starts at 4 frontends (CloudWatch is one of "a few large AWS services", a share of the
 * fleet) and the plan grows it by 2 at a time up to 10: at 8 each needs 11 threads, at 10 it needs 13.
 */
export const asWasPartitionFleet: PartitionFleetConfig = {
  frontends: 4,
  addedFrontends: 2,
  maxFrontends: 10,
  baseThreads: 4,
  threadsPerPeer: 1,
  threadLimit: 11,
};

/**
 * R2's thread alarm (off in as-was, K10). ILLUSTRATIVE: α = 90 %, a common "nearly full" threshold. On the as-was
 * fleet, which holds 11 of its 11 threads at rest, any α up to 100 % is already in alarm before the addition.
 */
export const asWasAlarms: AlarmsConfig = { threadAlarmPercent: DEFAULT_THREAD_ALARM_PERCENT };

export const asWasDependents: DependentsConfig = {
  kinesis: { minHealthyPercent: 50 },
  load: asWasLoad,
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
  alarms: asWasAlarms,
  remediations: NO_DEPENDENT_REMEDIATIONS,
  partitionFleet: asWasPartitionFleet,
};

/** The `as-was` system: the core `as-was` fleet and the dependents as they were. */
export const asWasSystem: SystemConfig = { ...asWas, dependents: asWasDependents };
