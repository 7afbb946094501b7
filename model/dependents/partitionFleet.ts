// ---------------------------------------------------------------------------------------------------------
// model: R6's own limit. AWS's remediation moves CloudWatch to "a separate, partitioned front-end fleet"
// ([AWS-p]; domain.md R6). That partition is a front-end fleet of its own, running the same software, so the
// outage's mechanism applies inside it: every partition frontend opens threads for each other partition frontend
// (K5), the OS caps them (K7), and once the partition grows past what the cap allows, its frontends' shard-maps go
// useless (K8) and CloudWatch's ingest fails although the main fleet is healthy.
//
// MODEL CHOICE, kept as simple as the mechanism allows: the partition is a few integers, not a second copy of the
// core fleet. It has a size and the operators' additions to it; every partition frontend learns of a new peer at
// once (no propagation lag), holds the same threads (base + perPeer × (size − 1)), and the whole partition is up
// or down together. No removal, restart or cache rebuild is modelled: once over its limit it stays down, as the
// main fleet would without the day's restart. EventBridge's partition (a model choice beside R6) keeps no limit.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import type { Refusal } from "../refusal.ts";
import type { PartitionFleetConfig, SystemConfig } from "./config.ts";
import { type EventResult, eventRefused, stepped } from "./effects.ts";

// ---------------------------------------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------------------------------------

export interface PartitionState {
  /** R6: frontends in CloudWatch's partition now (0 when the config models no partition limit). */
  readonly frontends: number;
}

// ---------------------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------------------

/** The partition at its planned start (`dependents.partitionFleet.frontends`). */
export const initialPartition = (config: SystemConfig): PartitionState => ({
  frontends: config.dependents.partitionFleet?.frontends ?? 0,
});

// ---------------------------------------------------------------------------------------------------------
// functional layer
// ---------------------------------------------------------------------------------------------------------

/** K5 inside the partition: the threads each of `frontends` partition frontends needs. */
export const partitionThreadsFor = (p: PartitionFleetConfig, frontends: number): number =>
  p.baseThreads + p.threadsPerPeer * Math.max(0, frontends - 1);

/** The threads each partition frontend needs now; 0 when the config models no partition limit. */
export const partitionThreads = (config: SystemConfig, s: PartitionState): number => {
  const p = config.dependents.partitionFleet;
  return p === undefined ? 0 : partitionThreadsFor(p, s.frontends);
};

/**
 * K7/K8 inside the partition: its frontends can create the threads they need, so their shard-maps are complete.
 * A config without `partitionFleet` models no limit: always true, as before R6's limit was modelled.
 */
export const partitionWithinLimit = (config: SystemConfig, s: PartitionState): boolean => {
  const p = config.dependents.partitionFleet;
  return p === undefined || partitionThreadsFor(p, s.frontends) <= p.threadLimit;
};

/** Whether operators can grow the partition at all: R6 on and a `partitionFleet` section to grow. */
export const partitionGrowable = (config: SystemConfig): boolean =>
  config.dependents.remediations.cloudwatchPartitionedFleet && config.dependents.partitionFleet !== undefined;

// ---------------------------------------------------------------------------------------------------------
// operations
// ---------------------------------------------------------------------------------------------------------

/**
 * R6 (K16 inside the partition): operators add `addedFrontends` to CloudWatch's partition. Enabled with R6 on,
 * while the partition stays within the plan (`maxFrontends`). MODEL CHOICE: the core's preflight guard (seed 003,
 * "test all cases before deploying additional capacity") checks the partition's additions too.
 */
export const partitionCapacityAdded = (
  config: SystemConfig,
  s: PartitionState,
): EventResult<PartitionState> => {
  const p = config.dependents.partitionFleet;
  if (!config.dependents.remediations.cloudwatchPartitionedFleet)
    return eventRefused("CloudWatch has no partitioned fleet (R6 is off)");
  if (p === undefined)
    return eventRefused("the config models no partitioned fleet (no dependents.partitionFleet)");
  const frontends = s.frontends + p.addedFrontends;
  if (frontends > p.maxFrontends)
    return eventRefused(
      `the partition would reach ${frontends} frontends, past the plan's ${p.maxFrontends}`,
    );
  const threads = partitionThreadsFor(p, frontends);
  if (config.remediations.preflightGuard && threads > p.threadLimit)
    return E.left<Refusal>({
      _tag: "Prevented",
      remediation: "preflightGuard",
      reason: `${frontends} partition frontends would need ${threads} threads each, over the limit of ${p.threadLimit}`,
    });
  return E.right(stepped({ frontends }));
};
