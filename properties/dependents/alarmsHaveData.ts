// properties: AlarmsHaveData. W1: alarms went to INSUFFICIENT_DATA while the metrics they watch still existed.
import * as O from "fp-ts/lib/Option.js";
import type { SystemInvariant } from "./systemInvariant.ts";

export const alarmsHaveData: SystemInvariant = {
  name: "AlarmsHaveData",
  sentence: "CloudWatch alarms never sit in INSUFFICIENT_DATA while the metric they watch exists.",
  source: "domain.md W1, R10; seed 003",
  // Not R6 alone: its partition can grow past its own thread limit and take CloudWatch's ingest down
  // (PartitionWithinThreadLimit, docs/remediation-limits.md).
  remediedBy: [["cloudwatchLocalBuffer"]],
  check: (_config, s) => {
    const c = s.dependents.cloudwatch;
    return c.alarm === "INSUFFICIENT_DATA"
      ? O.some({
          invariant: "AlarmsHaveData",
          message: `the alarm is INSUFFICIENT_DATA: no datapoint readable for ${c.sinceReadable} tick(s) though the metric is still produced`,
          source: alarmsHaveData.source,
        })
      : O.none;
  },
  closeness: (config, s) =>
    s.dependents.cloudwatch.sinceReadable / Math.max(1, config.dependents.cloudwatch.alarmMissingTicks),
  closenessMeaning: "ticks without readable data, as a fraction of the alarm's missing-data period",
};
