import {
  type AlarmsConfig,
  DEFAULT_THREAD_ALARM_PERCENT,
  type DependentsConfig,
  type LoadConfig,
  NO_DEPENDENT_REMEDIATIONS,
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
 * (one frontend bootstrapping at a time, K15) is exactly the fastest safe pace and the built-in replay is
 * unchanged:
 *   - 8 frontends serve 10 requests a tick each with a complete map; clients offer 56 (70 % of the fleet);
 *   - one bootstrapping frontend takes 10 % of every serving peer's capacity (K11);
 *   - the health check removes a frontend sent more than it can serve (100 %).
 * With one frontend bootstrapping, the 7 serving get 8 requests each against 9 they can serve; with two, 6 get
 * 9.3 against 8: slow, judged unhealthy, restarted (the setback). So r_safe = 1 per 18-tick bootstrap.
 *   - R7: cell 0 takes 60 % of the load (cells of 4 would share 50/50): one restart in it overloads it.
 */
export const asWasLoad: LoadConfig = {
  offeredRequestsPerTick: 56,
  capacityPerFrontend: 10,
  bootstrapCostPercent: 10,
  healthCheckPercent: 100,
  firstCellLoadPercent: 60,
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
};

/** The `as-was` system: the core `as-was` fleet and the dependents as they were. */
export const asWasSystem: SystemConfig = { ...asWas, dependents: asWasDependents };
