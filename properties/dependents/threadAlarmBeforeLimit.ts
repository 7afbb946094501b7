// properties: ThreadAlarmBeforeLimit. R2 ("fine-grained alarming for thread consumption"), a trace property: no
// frontend passes the OS thread limit silently. The thread alarm is a CloudWatch metric alarm sampled per period
// (model/dependents/alarms.ts), so it can miss a crossing that happens between two samples, or while CloudWatch
// cannot ingest its datapoints (W1). As-was has no thread alarm (K10): every crossing is silent.
import * as O from "fp-ts/lib/Option.js";
import { overThreadLimit } from "../../model/dependents/alarms.ts";
import { threadAlarmOn, threadAlarmPercent } from "../../model/dependents/config.ts";
import { frontendName } from "../../model/state.ts";
import { threadLimitInForce } from "../../model/threadFormula.ts";
import { threadsNeeded } from "../../model/threads.ts";
import type { SystemInvariant } from "./systemInvariant.ts";

export const threadAlarmBeforeLimit: SystemInvariant = {
  name: "ThreadAlarmBeforeLimit",
  sentence:
    "No silent crossing: when a frontend needs more threads than the OS limit, the thread alarm (R2) has fired at or before that step.",
  source: "domain.md R2 (trace property), K10 (no thread alarm in 2020), K9, W1",
  remediedBy: [["threadAlarm"]],
  check: (config, s) => {
    if (s.dependents.alarms.threadAlarmAt !== null) return O.none;
    const f = s.core.frontends.find((x) => overThreadLimit(config, x));
    if (f === undefined) return O.none;
    const why = threadAlarmOn(config)
      ? `the thread alarm (α = ${threadAlarmPercent(config)} % of ${threadLimitInForce(config)}) has not fired: no sample saw a frontend at its level while CloudWatch could read the metric`
      : "no thread alarm exists (K10): the first alarms will be on Kinesis errors (K9)";
    return O.some({
      invariant: "ThreadAlarmBeforeLimit",
      message: `${frontendName(f)} needs ${threadsNeeded(config, f)} threads, over the OS limit of ${threadLimitInForce(config)}, silently: ${why}`,
      source: threadAlarmBeforeLimit.source,
    });
  },
  // The most threads a frontend needs against the limit: 1 on the edge (one more peer passes it); 0 once the
  // alarm has fired, after which no crossing can be silent.
  closeness: (config, s) =>
    s.dependents.alarms.threadAlarmAt !== null
      ? 0
      : Math.max(
          0,
          ...s.core.frontends
            .filter((f) => f.status !== "stopped")
            .map((f) => threadsNeeded(config, f) / threadLimitInForce(config)),
        ),
  closenessMeaning:
    "the most threads a frontend needs, as a fraction of the OS limit, while the thread alarm has not fired",
};
