// ---------------------------------------------------------------------------------------------------------
// analyses: calibration of the day's replay on the public record, and its deviation table (issue 14).
//
// The replay's unknown parameters are listed in unknowns.ts. Three of them set when something happens on the
// day and nothing in the record bounds them, so each is fitted on ONE event of domain.md §(a):
//   lambdaBuffer   on Lambda's first errors (06:15),
//   cognitoBuffer  on Cognito's error rise (07:01),
//   bootstrapTime  on Kinesis fully back (22:23), with the restart one frontend at a time.
// Two record times are inputs, not outputs: the in-event fixes are deployed at 10:15 and 10:36 (the scenario
// file's actions), so the model's recoveries then are read back, not predicted. Every other event is a
// PREDICTION of the fitted model; analyses/calibration.test.ts checks those within the tolerances stated here
// (testing the fitted ones would only check the search's arithmetic). The other unknowns (thread-limit margin,
// fleet size, propagation delay, restart pace) keep their as-was values: sensitivity.ts sweeps them.
// Pure and deterministic.
// ---------------------------------------------------------------------------------------------------------
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { NOV25_IN_EVENT_FIXES_FILE } from "../model/scenarios/nov25.ts";
import { compileScenario } from "../model/scenarios/scenarioFile.ts";
import type { SystemState } from "../model/system.ts";
import { runScenario, type ScenarioResult, timeOfDay } from "./scenario.ts";
import { type Setup, unknownParameter } from "./unknowns.ts";

/** A replay of the day, with the two fleet measures the timeline does not print. */
export interface DayRun {
  readonly result: ScenarioResult;
  /** The first tick at which a restarted frontend serves with a complete map again. */
  readonly firstRestartedServes: number | undefined;
  /** The last tick at which the whole fleet came to serve with complete maps (after something failed). */
  readonly allServing: number | undefined;
  readonly startMinute: number;
  readonly tickMinutes: number;
}

export const runDay = (s: Setup): DayRun => {
  const restarted = new Set<number>();
  let firstRestartedServes: number | undefined;
  let allServing: number | undefined;
  let whole = true;
  const observe = (st: SystemState) => {
    for (const f of st.core.frontends) {
      if (f.status === "bootstrapping") restarted.add(f.id);
      else if (f.status === "serving" && f.map === "complete" && restarted.has(f.id))
        firstRestartedServes ??= st.core.tick;
    }
    const now = st.core.frontends.every((f) => f.status === "serving" && f.map === "complete");
    if (now && !whole) allServing = st.core.tick;
    whole = now;
  };
  const scenario = compileScenario(s.file);
  return {
    result: runScenario(s.config, scenario, observe),
    firstRestartedServes,
    allServing,
    startMinute: scenario.startMinute,
    tickMinutes: s.config.tickMinutes,
  };
};

export type EventUse = "calibration" | "input" | "prediction";

export interface RecordEvent {
  readonly id: string;
  readonly what: string;
  /** The record's time of day, HH:MM (PST). */
  readonly record: string;
  readonly source: string;
  /** The model's tick for the event, if it happens. */
  readonly model: (r: DayRun) => number | undefined;
  readonly use: EventUse;
  /** For a prediction: the largest difference, in minutes, the test accepts (stated, not tuned to pass silently). */
  readonly toleranceMinutes?: number;
  /** Why the model misses, when it does by more than half an hour. */
  readonly why?: string;
}

export const RECORD_EVENTS: ReadonlyArray<RecordEvent> = [
  {
    id: "kinesis-errors",
    what: "Kinesis: first alarms, errors putting and getting records",
    record: "05:15",
    source: "[AWS-v]",
    model: (r) => r.result.firstFailure.kinesis,
    use: "prediction",
    toleranceMinutes: 30,
  },
  {
    id: "cloudwatch-errors",
    what: "CloudWatch: PutMetricData errors, alarms INSUFFICIENT_DATA",
    record: "05:15",
    source: "[AWS-p]",
    model: (r) => r.result.firstFailure.cloudwatch,
    use: "prediction",
    toleranceMinutes: 30,
  },
  {
    id: "eventbridge-errors",
    what: "EventBridge: API errors and delays",
    record: "05:15",
    source: "[AWS-p]",
    model: (r) => r.result.firstFailure.eventbridge,
    use: "prediction",
    toleranceMinutes: 30,
  },
  {
    id: "lambda-errors",
    what: "Lambda: invocation errors from memory contention",
    record: "06:15",
    source: "[AWS-p]",
    model: (r) => r.result.firstFailure.lambda,
    use: "calibration",
  },
  {
    id: "cognito-errors",
    what: "Cognito: error rates rise significantly",
    record: "07:01",
    source: "[AWS-p]",
    model: (r) => r.result.firstFailure.cognito,
    use: "calibration",
  },
  {
    id: "first-restarted-traffic",
    what: "Kinesis: first restarted front-end servers take traffic",
    record: "10:07",
    source: "[AWS-p]",
    model: (r) => r.firstRestartedServes,
    use: "prediction",
    toleranceMinutes: 90,
    why: "the model restarts from 09:40 and one frontend is an eighth of the fleet: its first bootstrap takes the fitted time per eighth",
  },
  {
    id: "cognito-fix",
    what: "Cognito: change reducing its dependency on Kinesis deploys; errors fall",
    record: "10:15",
    source: "[AWS-p] C4",
    model: (r) => r.result.recovered.cognito,
    use: "input",
  },
  {
    id: "lambda-fix",
    what: "Lambda: memory contention fixed; invocation errors resolved",
    record: "10:36",
    source: "[AWS-p]",
    model: (r) => r.result.recovered.lambda,
    use: "input",
  },
  {
    id: "cognito-normal",
    what: "Cognito: operating normally",
    record: "14:18",
    source: "[AWS-p]",
    model: (r) => r.result.recovered.cognito,
    use: "prediction",
    toleranceMinutes: 240,
    why: "the model's Cognito is blocked or not: C4 releases it at once, where the record has errors fall over four hours",
  },
  {
    id: "ecs-resolved",
    what: "ECS/EKS: most issues resolved",
    record: "16:15",
    source: "[AWS-p]",
    model: (r) => r.result.recovered.ecs,
    use: "prediction",
    toleranceMinutes: 30,
    why: "EventBridge recovers when half the serving frontends route (kinesis.minHealthyPercent, illustrative)",
  },
  {
    id: "cloudwatch-early",
    what: "CloudWatch: early recovery",
    record: "17:47",
    source: "[AWS-p]",
    model: (r) => r.result.recovered.cloudwatch,
    use: "prediction",
    toleranceMinutes: 120,
    why: "CloudWatch recovers when half the serving frontends route (kinesis.minHealthyPercent, illustrative)",
  },
  {
    id: "autoscaling",
    what: "AutoScaling: reactive scaling works again",
    record: "17:47",
    source: "[AWS-p]",
    model: (r) => r.result.recovered.autoscaling,
    use: "prediction",
    toleranceMinutes: 120,
    why: "it follows CloudWatch's recovery",
  },
  {
    id: "kinesis-normal",
    what: "Kinesis: fully back to normal",
    record: "22:23",
    source: "[AWS-p]",
    model: (r) => r.allServing,
    use: "calibration",
  },
];

const recordEvent = (id: string): RecordEvent => {
  const e = RECORD_EVENTS.find((x) => x.id === id);
  if (e === undefined) throw new Error(`no record event ${id}`);
  return e;
};

/** Which parameter is fitted on which event. */
export const CALIBRATIONS: ReadonlyArray<{ readonly parameter: string; readonly event: string }> = [
  { parameter: "lambdaBuffer", event: "lambda-errors" },
  { parameter: "cognitoBuffer", event: "cognito-errors" },
  { parameter: "bootstrapTime", event: "kinesis-normal" },
];

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Model minus record, in minutes (undefined when the event does not happen in the model). */
export const differenceMinutes = (r: DayRun, e: RecordEvent): number | undefined => {
  const t = e.model(r);
  return t === undefined ? undefined : r.startMinute + t * r.tickMinutes - minutesOf(e.record);
};

/**
 * The value in the parameter's range whose event is closest to the record (ties: the smaller value). The
 * event's time grows with each fitted parameter (a bigger buffer fills later, a slower bootstrap ends later),
 * so a bisection on the first value at or after the record time, and its predecessor, finds it.
 */
export const fitParameter = (base: Setup, parameter: string, event: string): number => {
  const p = unknownParameter(parameter);
  const e = recordEvent(event);
  const diff = (v: number) => differenceMinutes(runDay(p.set(base, v)), e) ?? Number.POSITIVE_INFINITY;
  let [lo, hi] = p.range;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (diff(mid) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo > p.range[0] && Math.abs(diff(lo - 1)) <= Math.abs(diff(lo)) ? lo - 1 : lo;
};

export interface Fitted {
  readonly parameter: string;
  readonly event: string;
  readonly asWas: number;
  readonly value: number;
}

/** The as-was system on the day with the in-event fixes: what calibration starts from. */
export const DAY_SETUP: Setup = { config: asWasSystem, file: NOV25_IN_EVENT_FIXES_FILE };

export interface Calibrated {
  readonly setup: Setup;
  readonly fitted: ReadonlyArray<Fitted>;
}

/** DAY_SETUP's calibration, computed once per process (it takes a few dozen replays). */
let dayCalibration: Calibrated | undefined;

/** Fits each calibrated parameter on its event, in CALIBRATIONS' order, each on the setup fitted so far. */
export const calibrate = (base: Setup = DAY_SETUP): Calibrated => {
  if (base === DAY_SETUP) {
    dayCalibration ??= fitAll(base);
    return dayCalibration;
  }
  return fitAll(base);
};

const fitAll = (base: Setup): Calibrated => {
  let setup = base;
  const fitted: Fitted[] = [];
  for (const c of CALIBRATIONS) {
    const p = unknownParameter(c.parameter);
    const value = fitParameter(setup, c.parameter, c.event);
    fitted.push({ ...c, asWas: p.get(base), value });
    setup = p.set(setup, value);
  }
  return { setup, fitted };
};

export interface DeviationRow {
  readonly event: RecordEvent;
  /** HH:MM, or undefined when the model never has the event. */
  readonly model: string | undefined;
  readonly differenceMinutes: number | undefined;
}

/** Each record event against the model's time on `setup`. */
export const deviations = (setup: Setup): ReadonlyArray<DeviationRow> => {
  const r = runDay(setup);
  return RECORD_EVENTS.map((event) => {
    const t = event.model(r);
    return {
      event,
      model: t === undefined ? undefined : timeOfDay(r.startMinute, r.tickMinutes, t),
      differenceMinutes: differenceMinutes(r, event),
    };
  });
};
