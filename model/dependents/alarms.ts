// ---------------------------------------------------------------------------------------------------------
// model: the alarms that tell operators something is wrong (domain.md K9, K10, R2; W1). Two kinds:
//
//   - error alarms (K9): "the first alarms fired for errors on putting and getting Kinesis records" at 05:15
//     [AWS-v]. They say that Kinesis fails, not why ("the diagnosis work was slowed by the variety of errors
//     observed"). The model raises one on the first tick sample at which the main fleet fails the dependents'
//     calls (kinesisHealth.ts). MODEL CHOICE: it is not gated on CloudWatch ingesting, because the record has
//     these alarms fire at 05:15, the minute CloudWatch's own errors began (W1); they are the callers' errors.
//   - the thread alarm (R2, "fine-grained alarming for thread consumption"; K10: none existed in 2020): a
//     CloudWatch metric alarm on the threads a frontend holds, raised when some frontend holds at least α % of
//     the OS limit (`dependents.alarms.threadAlarmPercent`, illustrative). A metric alarm evaluates per period,
//     so it is sampled on the tick, and only while its metric is readable (cloudwatch.ts `metricsReadable`: the
//     datapoint went through Kinesis, or R10's local store holds it; R6's partition keeps it ingesting). With
//     CloudWatch impaired (W1: INSUFFICIENT_DATA) it cannot fire.
//
// The state keeps when each first fired: the replay's time-to-detect and time-to-diagnose (analyses/
// scenario.ts) and the trace property ThreadAlarmBeforeLimit read them. The fleet at the trace's start has been
// at rest with CloudWatch ingesting for many periods, so the initial state is a sample too.
// ---------------------------------------------------------------------------------------------------------
import type { Frontend, State } from "../state.ts";
import { threadLimitInForce } from "../threadFormula.ts";
import { threadsHeld, threadsNeeded } from "../threads.ts";
import { type SystemConfig, threadAlarmOn, threadAlarmPercent } from "./config.ts";

export interface AlarmsState {
  /** K9: the tick the first alarm on Kinesis errors fired (05:15 in the record); null until then. */
  readonly errorAlarmAt: number | null;
  /** R2: the tick the thread alarm first fired; null until then, and always with R2 off (K10). */
  readonly threadAlarmAt: number | null;
}

// ---------------------------------------------------------------------------------------------------------
// derived quantities
// ---------------------------------------------------------------------------------------------------------

/** K7/K8: the frontend needs more threads than the OS allows: a thread creation failed, its map is useless. */
export const overThreadLimit = (config: SystemConfig, f: Frontend): boolean =>
  f.status !== "stopped" && threadsNeeded(config, f) > threadLimitInForce(config);

/** R2: the frontend holds at least α % of the OS limit (integers: held × 100 ≥ α × limit, no rounding). */
export const atThreadAlarmLevel = (config: SystemConfig, f: Frontend): boolean =>
  f.status !== "stopped" &&
  threadsHeld(config, f) * 100 >= threadAlarmPercent(config) * threadLimitInForce(config);

/** R2: what one sample of the thread metric shows: some frontend at the alarm's level. */
export const threadAlarmCondition = (config: SystemConfig, core: State): boolean =>
  threadAlarmOn(config) && core.frontends.some((f) => atThreadAlarmLevel(config, f));

// ---------------------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------------------

/** The alarms as the trace starts: the thread alarm already raised if the fleet at rest is at its level. */
export const initialAlarms = (config: SystemConfig, core: State): AlarmsState => ({
  errorAlarmAt: null,
  threadAlarmAt: threadAlarmCondition(config, core) ? core.tick : null,
});

// ---------------------------------------------------------------------------------------------------------
// operations
// ---------------------------------------------------------------------------------------------------------

/**
 * One evaluation period (a tick): an alarm not yet raised fires when its condition holds in this sample.
 * `kinesisFailing`: the main fleet fails the dependents' calls; `metricReadable`: CloudWatch has this period's
 * thread datapoints (W1, R6, R10).
 */
export const alarmsTick = (
  config: SystemConfig,
  a: AlarmsState,
  core: State,
  kinesisFailing: boolean,
  metricReadable: boolean,
): AlarmsState => ({
  errorAlarmAt: a.errorAlarmAt ?? (kinesisFailing ? core.tick : null),
  threadAlarmAt: a.threadAlarmAt ?? (metricReadable && threadAlarmCondition(config, core) ? core.tick : null),
});
