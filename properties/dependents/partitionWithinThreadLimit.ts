// properties: PartitionWithinThreadLimit. R6's own limit (seed 001: the remediations "may … surface other
// limits"). CloudWatch's partitioned front-end fleet (R6) is a front-end fleet of its own: each of its frontends
// opens threads for every other one (K5) and the OS caps them (K7), so growing the partition past
// (threadLimit − baseThreads) / threadsPerPeer + 1 frontends leaves its maps useless (K8) and CloudWatch's ingest
// down while the main fleet is healthy. Holds trivially with R6 off (CloudWatch is on the main fleet) and on a
// config without `dependents.partitionFleet` (no such limit modelled).
import * as O from "fp-ts/lib/Option.js";
import { mainFleetAvailable } from "../../model/dependents/kinesisHealth.ts";
import { partitionThreads, partitionWithinLimit } from "../../model/dependents/partitionFleet.ts";
import type { SystemInvariant } from "./systemInvariant.ts";

export const partitionWithinThreadLimit: SystemInvariant = {
  name: "PartitionWithinThreadLimit",
  sentence:
    "With CloudWatch on its partitioned fleet (R6), no partition frontend needs more threads than the OS allows: the partition never grows past its own thread limit.",
  source: "domain.md R6, K5, K7, K8; seed 001 ('may … surface other limits')",
  // No dependent flag bounds the partition's growth; R6 is what brings the limit.
  remediedBy: [],
  limitOf: "cloudwatchPartitionedFleet",
  advice:
    "keep CloudWatch's partition within its thread limit: plan fewer partition frontends (dependents.partitionFleet) or deploy with the preflight guard (--remediation preflightGuard), which tests each addition first",
  check: (config, s) => {
    const p = config.dependents.partitionFleet;
    if (p === undefined || !config.dependents.remediations.cloudwatchPartitionedFleet) return O.none;
    const part = s.dependents.partition;
    return partitionWithinLimit(config, part)
      ? O.none
      : O.some({
          invariant: "PartitionWithinThreadLimit",
          message: `CloudWatch's partition has ${part.frontends} frontends, each needing ${partitionThreads(config, part)} threads, over the OS limit of ${p.threadLimit}: its shard-maps are useless and CloudWatch's ingest fails${mainFleetAvailable(config, s.core) ? " although the main fleet is healthy" : ""}`,
          source: partitionWithinThreadLimit.source,
        });
  },
  closeness: (config, s) => {
    const p = config.dependents.partitionFleet;
    return p === undefined || !config.dependents.remediations.cloudwatchPartitionedFleet
      ? 0
      : partitionThreads(config, s.dependents.partition) / p.threadLimit;
  },
  closenessMeaning:
    "the threads a partition frontend needs, as a fraction of the partition's OS thread limit",
};
