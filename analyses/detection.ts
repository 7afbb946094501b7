// ---------------------------------------------------------------------------------------------------------
// analyses: time-to-detect and time-to-diagnose as outputs of a replay (issue 14; domain.md K9, K10, R2).
//
// Detect: the first alarm the operators see (model/dependents/alarms.ts): the error alarm on Kinesis errors
// (K9), or R2's thread alarm when it is on and fires first. Diagnose: the first alarm that names the root cause.
// Only the thread alarm does, so with R2 the model PREDICTS the diagnosis: it is the thread alarm's time. Without
// it (as-was, K10) the model has no diagnosis of its own: the operators' work ("slowed by the variety of errors
// observed", K9) is taken FROM THE RECORD, the 4 h 24 m between the first alarm (05:15) and the root cause
// confirmed (09:39) [AWS-v], added to the model's first alarm: calibrated, not predicted. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { AlarmsState } from "../model/dependents/alarms.ts";

/** The record's times of day (PST), domain.md §(a). */
export const DETECTION_RECORD = {
  /** [AWS-v]: "the first alarms fired for errors on putting and getting Kinesis records". */
  firstAlarm: "05:15",
  /** [AWS-v]: root cause confirmed. */
  rootCauseConfirmed: "09:39",
  /** seed 000 / [S0]: the SHD post that says the root cause is identified. */
  shdRootCause: "10:47",
  /** First alarm → root cause confirmed (domain.md §(a) "Durations"): 4 h 24 m. */
  diagnosisMinutes: 4 * 60 + 24,
} as const;

export interface Detection {
  /** The first tick at which a frontend needed more threads than the OS limit (K7), if any. */
  readonly limitPassed: number | undefined;
  /** The first alarm: its tick and which alarm it was (the thread alarm wins a tie: it names the cause). */
  readonly firstAlarm: { readonly tick: number; readonly by: "thread alarm" | "error alarm" } | undefined;
  /**
   * When the root cause is named: by the thread alarm (the model's own prediction), or from the record (the
   * first alarm plus the record's 4 h 24 m, rounded to ticks): not a prediction.
   */
  readonly diagnosis: { readonly tick: number; readonly by: "thread alarm" | "record" } | undefined;
}

/** The replay's detection, from the first tick past the limit and the alarms at the end of the run. */
export const detection = (
  tickMinutes: number,
  limitPassed: number | undefined,
  alarms: AlarmsState,
): Detection => {
  const { errorAlarmAt: error, threadAlarmAt: thread } = alarms;
  const firstAlarm =
    thread !== null && (error === null || thread <= error)
      ? { tick: thread, by: "thread alarm" as const }
      : error !== null
        ? { tick: error, by: "error alarm" as const }
        : undefined;
  const diagnosis =
    thread !== null
      ? { tick: thread, by: "thread alarm" as const }
      : error !== null
        ? { tick: error + Math.round(DETECTION_RECORD.diagnosisMinutes / tickMinutes), by: "record" as const }
        : undefined;
  return { limitPassed, firstAlarm, diagnosis };
};
