import { type DependentsConfig, NO_DEPENDENT_REMEDIATIONS, type SystemConfig } from "../dependents/config.ts";
import { asWasAlarms } from "./asWasDependents.ts";
import { small } from "./small.ts";

/**
 * `small-system`: the checking config for exhaustive verification of the dependents' invariants
 * (checker/verify/bfs.ts), the system counterpart of model/configs/small.ts (TLA+'s `MC*.cfg` files, style
 * habit 2): the `small` core fleet (2 frontends on the thread limit's edge, one more allowed) with the dependents'
 * numbers shrunk so that breadth-first search can visit every reachable state of one dependent and the fleet.
 *
 * ILLUSTRATIVE NUMBERS, keeping the order relations of `asWasDependents` (model/configs/asWasDependents.ts):
 *   - Cognito's buffer (1 record, +1 from C3) fills after a few ticks without Kinesis (C1–C3);
 *   - CloudWatch's local store keeps 2 ticks (R10's 3 hours, scaled); alarms lose data after 1 tick (W1);
 *   - Lambda's host passes its memory threshold after 3 ticks of buffered metrics (L1);
 *   - AutoScaling must act within 1 tick, ECS/EKS provisioning complete within 1 tick (A1, E2);
 *   - the backup SHD tool takes 3 ticks untrained, 1 trained, and a post must go out within 1 (H1, R12);
 *   - the customer's producer holds 1 tick of records, detects an impairment after 1 tick, an approval takes
 *     2 ticks, ingestion must resume within 2, and the change freeze is on (seed 000).
 */
export const smallDependents: DependentsConfig = {
  kinesis: { minHealthyPercent: 50 },
  // K11: 10 requests over 2 frontends of 10: at rest 5 each; with one bootstrapping the other is sent all 10 and
  // can serve 9, so the health check can act (NoRecoverySetback is exercised). Goodput against load gives the
  // same availability as the head count did in every state of this fleet (at most 3 frontends).
  load: {
    offeredRequestsPerTick: 10,
    capacityPerFrontend: 10,
    bootstrapCostPercent: 10,
    healthCheckPercent: 100,
    firstCellLoadPercent: 50,
  },
  cognito: { recordsPerTick: 1, bufferRecords: 1, addedCapacityRecords: 1 },
  cloudwatch: { datapointsPerTick: 1, localBufferTicks: 2, alarmMissingTicks: 1 },
  autoscaling: { reactWithinTicks: 1 },
  lambda: { metricUnitsPerTick: 1, memoryThresholdUnits: 2 },
  eventbridge: { provisionWithinTicks: 1 },
  dashboard: { backupTicksUntrained: 3, backupTicksTrained: 1, postWithinTicks: 1 },
  customer: {
    recordsPerTick: 1,
    producerBufferRecords: 1,
    detectTicks: 1,
    changeFreeze: true,
    approvalTicks: 2,
    resumeWithinTicks: 2,
  },
  alarms: asWasAlarms,
  remediations: NO_DEPENDENT_REMEDIATIONS,
  // R6's own limit, with `small`'s thread numbers (2 base, 1 per peer, limit 3: at most 2 frontends): the
  // partition starts at 1 frontend and grows by 1 up to 3, so the second addition crosses the limit.
  partitionFleet: {
    frontends: 1,
    addedFrontends: 1,
    maxFrontends: 3,
    baseThreads: 2,
    threadsPerPeer: 1,
    threadLimit: 3,
  },
};

/** The `small` core fleet with the small dependents. */
export const smallSystem: SystemConfig = {
  ...small,
  name: "small-system",
  description:
    "Checking config for exhaustive verification of the dependents: the small fleet with small buffers and deadlines (illustrative)",
  dependents: smallDependents,
};
