// ---------------------------------------------------------------------------------------------------------
// model: the 25 Nov 2020 scenario, as data: the operations of the day, tick by tick, on the `as-was` system
// (one tick = 5 minutes; tick 0 = 02:40 PST, so 02:44 falls in tick 1 and 05:15 in tick 31). Operator actions
// follow the public timeline (domain.md §(a)); what fails, and when, is the model's output, not an input.
//
// Reading of the record used here (labelled so): the capacity addition ran 02:44–03:47; the new servers join
// the membership when it completes (tick 13, 03:45), and the existing members learn of them over the next
// hour (K6), at the propagation deadline. Removal of the added capacity completes just before the root cause
// is confirmed (09:39); the full restart then goes one frontend at a time (K11/K15 pacing).
// ---------------------------------------------------------------------------------------------------------
import type { SystemOp } from "../system.ts";
import type { Scenario } from "./scenario.ts";

/** Minutes past midnight (PST) at tick 0. */
export const NOV25_START_MINUTE = 2 * 60 + 40;

/** The last tick the scenario runs to (tick 252 = 23:40 PST, after Kinesis was "fully back" at 22:23). */
export const NOV25_END_TICK = 252;

export interface ScenarioEntry {
  /** The tick at which the operations happen (before that tick's clock step). */
  readonly tick: number;
  readonly ops: ReadonlyArray<SystemOp>;
  /** What the public record says happened then, when it is a fact the model does not produce itself. */
  readonly record?: string;
}

const restartAt = (tick: number, frontend: number): ScenarioEntry => ({
  tick,
  ops: [{ type: "frontendRestarted", frontend }],
  ...(frontend === 0
    ? {
        record:
          "root cause confirmed (09:39 [AWS-v]); full restart of the front-end fleet begins, paced (K12, K15)",
      }
    : {}),
});

/** Every hour a customer's load changes and ECS and EKS get a provisioning request: background demand. */
const hourlyDemand = (from: number, to: number): ReadonlyArray<ScenarioEntry> =>
  Array.from({ length: Math.floor((to - from) / 12) + 1 }, (_, h) => ({
    tick: from + 12 * h,
    ops: [
      { type: "loadChanged" },
      { type: "clusterRequested", service: "ecs" },
      { type: "clusterRequested", service: "eks" },
    ],
  }));

/** The day's operations and the record's notes. */
const DAY: ReadonlyArray<ScenarioEntry> = [
  ...hourlyDemand(2, NOV25_END_TICK),
  {
    tick: 1,
    ops: [],
    record: 'the "relatively small addition of capacity" to the front-end fleet begins (02:44 [AWS-v], K16)',
  },
  {
    tick: 13,
    ops: [{ type: "capacityAdded", count: 1 }],
    record:
      "capacity addition finishes (03:47 [AWS-v]); existing members learn of it over up to an hour (K6)",
  },
  {
    tick: 31,
    ops: [],
    record: "first alarms for errors putting and getting Kinesis records (05:15 [AWS-v])",
  },
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
    ops: [],
    record: "root cause narrowed; any fix needs a full restart of the front-end fleet (07:51 [AWS-p])",
  },
  {
    tick: 80,
    ops: [{ type: "frontendRemoved", frontend: 8 }],
    record: "removal of the added capacity completes (just before 09:39 [AWS-v])",
  },
  {
    tick: 86,
    ops: [{ type: "statusPostStarted" }],
    record: "SHD post: Kinesis Data Streams API impaired (09:52, seed 000)",
  },
  ...Array.from({ length: 8 }, (_, k) => restartAt(84 + 18 * k, k)),
  {
    tick: 97,
    ops: [],
    record:
      "SHD post: root cause identified (10:47, seed 000; the model's operators are still on the previous post)",
  },
  { tick: 237, ops: [], record: "Kinesis fully back to normal (22:23 [AWS-p])" },
];

/** The day's entries, in tick order (entries sharing a tick run in the order written above). */
export const NOV25_ENTRIES: ReadonlyArray<ScenarioEntry> = [...DAY].sort((a, b) => a.tick - b.tick);

/** 25 Nov 2020 as one scenario: the operations of every tick, each followed by the clock step, and the notes. */
export const NOV25: Scenario = {
  name: "2020-11-25",
  startMinute: NOV25_START_MINUTE,
  ops: Array.from({ length: NOV25_END_TICK }, (_, t) => [
    ...NOV25_ENTRIES.filter((e) => e.tick === t).flatMap((e) => e.ops),
    { type: "tick" as const },
  ]).flat(),
  notes: NOV25_ENTRIES.flatMap((e) => (e.record === undefined ? [] : [{ tick: e.tick, record: e.record }])),
};
