// ---------------------------------------------------------------------------------------------------------
// model: the 25 Nov 2020 scenario, as data: the operations of the day, tick by tick, on the `as-was` system
// (one tick = 5 minutes; tick 0 = 02:40 PST, so 02:44 falls in tick 1 and 05:15 in tick 31). Operator actions
// follow the public timeline (domain.md §(a)); what fails, and when, is the model's output, not an input.
// It is a scenario file like any user's (scenarioFile.ts); examples/scenarios/2020-11-25.json is this value
// as JSON (a test checks they agree), so `npx outage scenario FILE` starts from it.
//
// Reading of the record used here (labelled so): the capacity addition ran 02:44–03:47; the new servers join
// the membership when it completes (tick 13, 03:45), and the existing members learn of them over the next
// hour (K6), at the propagation deadline. Removal of the added capacity completes just before the root cause
// is confirmed (09:39); the full restart then goes one frontend at a time (K11/K15 pacing).
// The in-event fixes (C4 at 10:15, Lambda's at 10:36) are not in this day, so its output stays the one the
// corpus records; NOV25_IN_EVENT_FIXES adds them.
// ---------------------------------------------------------------------------------------------------------
import type { Scenario } from "./scenario.ts";
import { compileScenario, type ScenarioAction, type ScenarioFile } from "./scenarioFile.ts";

/** Minutes past midnight (PST) at tick 0. */
export const NOV25_START_MINUTE = 2 * 60 + 40;

/** The scenario runs to tick 252 (23:40 PST, after Kinesis was "fully back" at 22:23). */
export const NOV25_END_TICK = 252;

/** 09:39 [AWS-v]: the full restart of the front-end fleet begins. */
const RESTART_TICK = 84;

const ACTIONS: ReadonlyArray<ScenarioAction> = [
  {
    tick: 1,
    record: 'the "relatively small addition of capacity" to the front-end fleet begins (02:44 [AWS-v], K16)',
  },
  {
    tick: 13,
    ops: [{ type: "capacityAdded", count: 1 }],
    record:
      "capacity addition finishes (03:47 [AWS-v]); existing members learn of it over up to an hour (K6)",
  },
  { tick: 31, record: "first alarms for errors putting and getting Kinesis records (05:15 [AWS-v])" },
  {
    tick: 33,
    ops: [{ type: "cognitoCapacityAdded" }],
    record: "Cognito adds capacity to buffer more calls to Kinesis (early, [AWS-p] C3)",
  },
  {
    tick: 55,
    ops: [{ type: "statusPostStarted" }],
    record: "operators try to post to the Service Health Dashboard (H1)",
  },
  {
    tick: 62,
    record: "root cause narrowed; any fix needs a full restart of the front-end fleet (07:51 [AWS-p])",
  },
  {
    tick: 80,
    ops: [{ type: "frontendRemoved", frontend: 8 }],
    record: "removal of the added capacity completes (just before 09:39 [AWS-v])",
  },
  {
    tick: RESTART_TICK,
    pacedRestart: { first: 0, frontends: 8, perStep: 1, everyTicks: 18 },
    record:
      "root cause confirmed (09:39 [AWS-v]); full restart of the front-end fleet begins, paced (K12, K15)",
  },
  {
    tick: 86,
    ops: [{ type: "statusPostStarted" }],
    record: "SHD post: Kinesis Data Streams API impaired (09:52, seed 000)",
  },
  {
    tick: 97,
    record:
      "SHD post: root cause identified (10:47, seed 000; the model's operators are still on the previous post)",
  },
  { tick: 237, record: "Kinesis fully back to normal (22:23 [AWS-p])" },
];

/** 25 Nov 2020 as a scenario file: every hour a customer's load changes and ECS and EKS get a request. */
export const NOV25_FILE: ScenarioFile = {
  name: "2020-11-25",
  description:
    "25 Nov 2020 as the public record tells it (domain.md §(a)), without the in-event fixes of Cognito (C4) and Lambda",
  startMinute: NOV25_START_MINUTE,
  endTick: NOV25_END_TICK,
  background: [
    {
      fromTick: 2,
      everyTicks: 12,
      ops: [
        { type: "loadChanged" },
        { type: "clusterRequested", service: "ecs" },
        { type: "clusterRequested", service: "eks" },
      ],
    },
  ],
  actions: ACTIONS,
};

/**
 * The same day with the two in-event fixes [AWS-p] deployed at their times. C4 (10:15, tick 91: Cognito's
 * change "to reduce its dependency on Kinesis") is modelled by R9's flag, `cognitoNonBlockingBuffer`: from
 * then a full buffer drops records instead of blocking the webservers (MODEL CHOICE: AWS does not say how the
 * change worked). Lambda's fix (10:36, tick 95, 10:35: memory contention "found and fixed") is R11's flag,
 * `lambdaBoundedMetricBuffer`: the metric buffer is capped below the memory threshold.
 */
export const NOV25_IN_EVENT_FIXES_FILE: ScenarioFile = {
  ...NOV25_FILE,
  name: "2020-11-25-in-event-fixes",
  description:
    "25 Nov 2020 with the in-event fixes deployed at their times: Cognito's C4 at 10:15 (as R9's non-blocking buffer) and Lambda's at 10:36 (as R11's bounded metric buffer)",
  actions: [
    ...ACTIONS,
    {
      tick: 91,
      deploy: { remediations: ["cognitoNonBlockingBuffer"] },
      record: "Cognito's change to reduce its dependency on Kinesis starts deploying (10:15 [AWS-p], C4)",
    },
    {
      tick: 95,
      deploy: { remediations: ["lambdaBoundedMetricBuffer"] },
      record: "Lambda's memory contention found and fixed (10:36 [AWS-p], L1)",
    },
  ],
};

/**
 * The day with the choice AWS did not make (issue 14, Must show 1): the full restart four frontends at a time,
 * 4× the safe pace r_safe (docs/load.md), with the health check running from the restart on (K11: "such slow
 * servers can be judged unhealthy and removed from the fleet, which sets recovery back"): every tick it is
 * asked of each of the eight frontends, and refused (silently) unless that frontend is slow. The file's
 * operators keep to their script: they neither hold set-back frontends out nor slow down, so the sustaining
 * loop runs to the end of the day. `npx outage recovery --pace 4/18` models operators who do both.
 */
export const NOV25_FAST_RESTART_FILE: ScenarioFile = {
  ...NOV25_FILE,
  name: "2020-11-25-fast-restart",
  description:
    "25 Nov 2020 with the full restart four frontends at a time (4x the safe pace) and the health check removing slow frontends (K11); the operators keep to their script",
  background: [
    ...NOV25_FILE.background,
    {
      fromTick: RESTART_TICK,
      everyTicks: 1,
      ops: Array.from(
        { length: 8 },
        (_, frontend) => ({ type: "frontendJudgedUnhealthy", frontend }) as const,
      ),
    },
  ],
  actions: ACTIONS.map((a) =>
    a.pacedRestart === undefined
      ? a
      : {
          ...a,
          pacedRestart: { ...a.pacedRestart, perStep: 4 },
          record:
            "root cause confirmed (09:39 [AWS-v]); full restart of the front-end fleet begins, four at a time (NOT the record: AWS paced it, K15); the health check removes slow frontends (K11)",
        },
  ),
};

export const NOV25: Scenario = compileScenario(NOV25_FILE);
export const NOV25_IN_EVENT_FIXES: Scenario = compileScenario(NOV25_IN_EVENT_FIXES_FILE);
