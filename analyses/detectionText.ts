// ---------------------------------------------------------------------------------------------------------
// analyses: a replay's detection (detection.ts) in words for `outage scenario`'s timeline, and as JSON for
// `--json`: model times beside the record's (05:15 first alarm, 09:39 root cause confirmed, 10:47 SHD post),
// the difference in minutes, and whether the diagnosis is the model's prediction or taken from the record.
// ---------------------------------------------------------------------------------------------------------
import { DETECTION_RECORD, type Detection } from "./detection.ts";
import { type ScenarioResult, timeOfDay } from "./scenario.ts";

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

const hoursMinutes = (m: number): string => `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;

/** A tick of the replay: its tick, time of day, and its minutes from the record's `record` time. */
const moment = (r: ScenarioResult, startMinute: number, tick: number, record?: string) => ({
  tick,
  time: timeOfDay(startMinute, r.tickMinutes, tick),
  ...(record === undefined
    ? {}
    : { record, differenceMinutes: startMinute + tick * r.tickMinutes - minutesOf(record) }),
});

/** Minutes from the first alarm to the diagnosis (0 when the thread alarm was the first alarm). */
const toDiagnose = (r: ScenarioResult, d: Detection): number | null =>
  d.firstAlarm === undefined || d.diagnosis === undefined
    ? null
    : (d.diagnosis.tick - d.firstAlarm.tick) * r.tickMinutes;

/** The `detection` object of `outage scenario --json`. */
export const detectionJson = (r: ScenarioResult, startMinute: number) => {
  const d = r.detection;
  return {
    limitPassed: d.limitPassed === undefined ? null : moment(r, startMinute, d.limitPassed),
    firstAlarm:
      d.firstAlarm === undefined
        ? null
        : { ...moment(r, startMinute, d.firstAlarm.tick, DETECTION_RECORD.firstAlarm), by: d.firstAlarm.by },
    diagnosis:
      d.diagnosis === undefined
        ? null
        : {
            ...moment(r, startMinute, d.diagnosis.tick, DETECTION_RECORD.rootCauseConfirmed),
            by: d.diagnosis.by,
          },
    minutesToDiagnose: toDiagnose(r, d),
  };
};

/** The timeline's closing block: detect and diagnose, each against the record. */
export const detectionLines = (r: ScenarioResult, startMinute: number): ReadonlyArray<string> => {
  const j = detectionJson(r, startMinute);
  const at = (m: { readonly tick: number; readonly time: string }) => `t${m.tick} ${m.time}`;
  const vs = (m: { readonly record?: string; readonly differenceMinutes?: number }) =>
    `record ${m.record} (${signed(m.differenceMinutes ?? 0)} min)`;
  const passed = j.limitPassed;
  const first = j.firstAlarm;
  const diag = j.diagnosis;
  const minutes = j.minutesToDiagnose;
  return [
    "Detection (K9, K10, R2):",
    `  thread limit first passed    ${passed === null ? "never" : at(passed)}`,
    first === null
      ? "  first alarm (detect)         none"
      : `  first alarm (detect)         ${at(first)}, the ${first.by === "thread alarm" ? "thread alarm (R2)" : "error alarm on Kinesis records (K9)"}; ${vs(first)}${passed === null ? "" : `; ${hoursMinutes(Math.abs(first.tick - passed.tick) * r.tickMinutes)} ${first.tick <= passed.tick ? "before" : "after"} the limit was passed`}`,
    diag === null
      ? "  root cause named (diagnose)  never"
      : `  root cause named (diagnose)  ${at(diag)}, ${diag.by === "thread alarm" ? "predicted: the thread alarm (R2) names it" : `from the record, not predicted: the first alarm + the operators' ${hoursMinutes(DETECTION_RECORD.diagnosisMinutes)} (no thread alarm, K10)`}; ${vs(diag)}; SHD post ${DETECTION_RECORD.shdRootCause}`,
    `  time to diagnose             ${minutes === null ? "-" : `${hoursMinutes(minutes)} after the first alarm`} (record: ${hoursMinutes(DETECTION_RECORD.diagnosisMinutes)})`,
  ];
};
