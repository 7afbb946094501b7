// properties: CloudWatchLosesNoDatapoint. W1: with Kinesis impaired, "the vast majority of metrics could not be
// processed" and clients could not persist all metric data. R10 keeps a bounded horizon (3 hours in AWS's fix)
// in a local store; R10's own limit (seed 001: the remediations may "surface other limits") is that horizon:
// what falls past it is lost, and that loss counts here too (docs/remediation-limits.md).
import * as O from "fp-ts/lib/Option.js";
import type { SystemInvariant } from "./systemInvariant.ts";

export const cloudwatchLosesNoDatapoint: SystemInvariant = {
  name: "CloudWatchLosesNoDatapoint",
  sentence:
    "No CloudWatch datapoint is lost, however long Kinesis is impaired: what falls past the local store's horizon (R10) is lost too.",
  source: "domain.md W1, R6, R10; seeds 001, 003",
  // Not R6 alone: its partition can grow past its own thread limit and take CloudWatch's ingest down
  // (PartitionWithinThreadLimit, docs/remediation-limits.md).
  remediedBy: [],
  advice:
    "move CloudWatch to its partitioned fleet (--remediation cloudwatchPartitionedFleet) and keep that partition within its own thread limit (the preflight guard, or a smaller plan in dependents.partitionFleet; docs/remediation-limits.md)",
  check: (config, s) => {
    const c = s.dependents.cloudwatch;
    const horizon = config.dependents.cloudwatch.localBufferTicks;
    const where =
      c.longestImpairment <= horizon
        ? `within the ${horizon}-tick horizon`
        : `past the ${horizon}-tick horizon of the local store (R10's own limit)`;
    return c.lost > 0
      ? O.some({
          invariant: "CloudWatchLosesNoDatapoint",
          message: `${c.lost} CloudWatch datapoint(s) lost in an impairment of ${c.longestImpairment} tick(s), ${where}`,
          source: cloudwatchLosesNoDatapoint.source,
        })
      : O.none;
  },
  closeness: (config, s) =>
    s.dependents.cloudwatch.impairedFor / Math.max(1, config.dependents.cloudwatch.localBufferTicks),
  closenessMeaning: "length of the current CloudWatch impairment, as a fraction of the buffer horizon",
};
