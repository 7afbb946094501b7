// properties: AutoScalingReactsWithin. A1: reactive scaling waited for CloudWatch metrics until 17:47.
import * as O from "fp-ts/lib/Option.js";
import { scalingDelay } from "../../model/dependents/autoscaling.ts";
import type { SystemInvariant } from "./systemInvariant.ts";

export const autoscalingReactsWithin: SystemInvariant = {
  name: "AutoScalingReactsWithin",
  sentence: "AutoScaling acts on a load change within N ticks (dependents.autoscaling.reactWithinTicks).",
  source: "domain.md A1, R10; seed 000 (9:52 AM SHD post)",
  // Not R6 alone: its partition can grow past its own thread limit and take CloudWatch's ingest down
  // (PartitionWithinThreadLimit, docs/remediation-limits.md).
  remediedBy: [["cloudwatchLocalBuffer"]],
  check: (config, s) => {
    const delay = scalingDelay(s.dependents.autoscaling, s.core.tick);
    const n = config.dependents.autoscaling.reactWithinTicks;
    return delay > n
      ? O.some({
          invariant: "AutoScalingReactsWithin",
          message: `a load change has waited ${delay} ticks for CloudWatch metrics, more than ${n}`,
          source: autoscalingReactsWithin.source,
        })
      : O.none;
  },
  closeness: (config, s) =>
    scalingDelay(s.dependents.autoscaling, s.core.tick) /
    Math.max(1, config.dependents.autoscaling.reactWithinTicks),
  closenessMeaning: "wait of a pending load change, as a fraction of N",
};
