// properties: CloudWatchLosesNoDatapoint. W1/R10: an impairment shorter than the local store's horizon
// (3 hours in AWS's fix) loses no metric datapoint.
import * as O from "fp-ts/lib/Option.js";
import type { SystemInvariant } from "./systemInvariant.ts";

export const cloudwatchLosesNoDatapoint: SystemInvariant = {
  name: "CloudWatchLosesNoDatapoint",
  sentence:
    "No CloudWatch datapoint is lost while every Kinesis impairment is shorter than the buffer horizon.",
  source: "domain.md W1, R6, R10; seeds 001, 003",
  remediedBy: [["cloudwatchLocalBuffer"], ["cloudwatchPartitionedFleet"]],
  check: (config, s) => {
    const c = s.dependents.cloudwatch;
    const horizon = config.dependents.cloudwatch.localBufferTicks;
    return c.lost > 0 && c.longestImpairment <= horizon
      ? O.some({
          invariant: "CloudWatchLosesNoDatapoint",
          message: `${c.lost} CloudWatch datapoint(s) lost in an impairment of ${c.longestImpairment} tick(s), within the ${horizon}-tick horizon`,
          source: cloudwatchLosesNoDatapoint.source,
        })
      : O.none;
  },
  closeness: (config, s) =>
    s.dependents.cloudwatch.impairedFor / Math.max(1, config.dependents.cloudwatch.localBufferTicks),
  closenessMeaning: "length of the current CloudWatch impairment, as a fraction of the buffer horizon",
};
