// properties: LambdaUnaffectedByCloudWatch. L1/R11 (MP9): host memory stays under its threshold whatever
// CloudWatch's impairment lasts, and no invocation fails because of it.
import * as O from "fp-ts/lib/Option.js";
import type { SystemInvariant } from "./systemInvariant.ts";

export const lambdaUnaffected: SystemInvariant = {
  name: "LambdaUnaffectedByCloudWatch",
  sentence:
    "Lambda's metric buffers stay under the host memory threshold, and no invocation fails because CloudWatch is impaired.",
  source: "domain.md L1, R11 (MP9); seeds 001, 003",
  // Not R6 alone: its partition can grow past its own thread limit and take CloudWatch's ingest down
  // (PartitionWithinThreadLimit, docs/remediation-limits.md).
  remediedBy: [["lambdaBoundedMetricBuffer"], ["cloudwatchLocalBuffer"]],
  check: (config, s) => {
    const l = s.dependents.lambda;
    const limit = config.dependents.lambda.memoryThresholdUnits;
    return l.metricBuffer > limit || l.failedInvocations > 0
      ? O.some({
          invariant: "LambdaUnaffectedByCloudWatch",
          message: `Lambda's metric buffer holds ${l.metricBuffer} units of host memory, over the threshold of ${limit}; ${l.failedInvocations} invocation(s) failed`,
          source: lambdaUnaffected.source,
        })
      : O.none;
  },
  closeness: (config, s) =>
    s.dependents.lambda.metricBuffer / Math.max(1, config.dependents.lambda.memoryThresholdUnits),
  closenessMeaning: "Lambda metric buffer, as a fraction of the host memory threshold",
};
