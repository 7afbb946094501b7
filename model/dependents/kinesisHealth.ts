// ---------------------------------------------------------------------------------------------------------
// model: what the dependents see of Kinesis, derived from the core state (the core model is not changed).
// A dependent's calls are part of the load spread over the serving frontends; one that lands on a frontend
// without a complete shard-map fails (K2/K8), and one beyond what the frontends can serve while others bootstrap
// fails too (K11). So Kinesis is available to a dependent when the fleet delivers enough of the offered requests:
// goodput against offered load (model/load.ts), not a head count. R6: a service on a separate, partitioned
// front-end fleet does not see the main fleet at all, only its own partition and that partition's thread limit.
// ---------------------------------------------------------------------------------------------------------
import { goodputPercent } from "../load.ts";
import type { State } from "../state.ts";
import type { SystemConfig } from "./config.ts";
import { type PartitionState, partitionWithinLimit } from "./partitionFleet.ts";

/** K2/K8: the share, in percent, of serving frontends that can route (0 when none serves): a head count. */
export const routablePercent = (core: State): number => {
  const serving = core.frontends.filter((f) => f.status === "serving");
  if (serving.length === 0) return 0;
  return (100 * serving.filter((f) => f.map === "complete").length) / serving.length;
};

/**
 * Whether the main front-end fleet serves the dependents' calls (C1, W1, E1: "kdsRouteOk"): it delivers at
 * least `minHealthyPercent` of the offered requests.
 */
export const mainFleetAvailable = (config: SystemConfig, core: State): boolean =>
  goodputPercent(config, core) + 1e-9 >= config.dependents.kinesis.minHealthyPercent;

/**
 * R6: whether the fleet CloudWatch's calls go to is available, `mainUp` being `mainFleetAvailable` (a tick
 * computes it once for every dependent: it scans the whole fleet). With R6 that is CloudWatch's own partition,
 * which the main fleet's thread-limit failure never reaches; but the partition has its own thread limit (R6's
 * own limit, model/dependents/partitionFleet.ts), and grown past it, its maps go useless and CloudWatch's
 * ingest fails however healthy the main fleet is.
 */
export const cloudwatchKinesisAvailable = (
  config: SystemConfig,
  mainUp: boolean,
  partition: PartitionState,
): boolean =>
  config.dependents.remediations.cloudwatchPartitionedFleet
    ? partitionWithinLimit(config, partition)
    : mainUp;

/** R6 extended to EventBridge (model choice; AWS names only CloudWatch); `mainUp` as above. */
export const eventbridgeKinesisAvailable = (config: SystemConfig, mainUp: boolean): boolean =>
  config.dependents.remediations.eventbridgePartitionedFleet || mainUp;
