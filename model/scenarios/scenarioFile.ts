// ---------------------------------------------------------------------------------------------------------
// model: a scenario as a user writes it (`npx outage scenario FILE`, docs/scenario.schema.json): the
// operators' actions at their ticks, background demand that repeats, and the record's notes; and how it
// compiles to the tick-by-tick `Scenario` the runner steps through. Data and pure functions only; the file
// is read and decoded at the edge (scenarioDecoder.ts, cli/scenario.ts).
//
// Actions (each at a tick, before that tick's clock step; at most one kind per action, a note alone is fine):
//   ops           any system operations (capacity added or removed, a frontend restarted, C3 …), in order;
//   pacedRestart  K12/K15: restart `frontends` frontends (positions from `first`), `perStep` at a time, one
//                 step every `everyTicks` ticks: the restart's schedule and pace;
//   deploy        a configuration change rolled out mid-event: remediation flags switched on (the in-event
//                 fixes: C4 for Cognito at 10:15 and Lambda's at 10:36 [AWS-p]) and/or the OS thread limit
//                 raised (K7/R3: AWS chose NOT to do this untested during the event).
// ---------------------------------------------------------------------------------------------------------
import type { SystemOp } from "../system.ts";
import type { Deployment, Scenario } from "./scenario.ts";

/** K12/K15: a paced restart of part of the fleet. */
export interface PacedRestart {
  /** Position of the first frontend restarted (positions wrap modulo the fleet, as every op's do). */
  readonly first: number;
  /** How many frontends are restarted in all. */
  readonly frontends: number;
  /** Frontends restarted together at each step. */
  readonly perStep: number;
  /** Ticks between two steps: with `perStep`, the restart's pace. */
  readonly everyTicks: number;
}

export interface ScenarioAction {
  readonly tick: number;
  /** What the public record says happened then (printed at its tick; it does not affect the run). */
  readonly record?: string;
  readonly ops?: ReadonlyArray<SystemOp>;
  readonly pacedRestart?: PacedRestart;
  readonly deploy?: Omit<Deployment, "tick">;
}

/** Operations that repeat every `everyTicks` ticks from `fromTick` (to the end): background demand. */
export interface Background {
  readonly fromTick: number;
  readonly everyTicks: number;
  readonly ops: ReadonlyArray<SystemOp>;
}

export interface ScenarioFile {
  /** The scenario's name, printed in the report. */
  readonly name: string;
  /** What the scenario is, and which choices in it differ from the record. */
  readonly description: string;
  /** Minutes past midnight (local time of the record) at tick 0. */
  readonly startMinute: number;
  /** The scenario runs ticks 0 … endTick − 1. */
  readonly endTick: number;
  readonly background: ReadonlyArray<Background>;
  readonly actions: ReadonlyArray<ScenarioAction>;
}

/** The restart's operations, by tick. */
const restartOps = (
  tick: number,
  r: PacedRestart,
): ReadonlyArray<{ readonly tick: number; readonly op: SystemOp }> =>
  Array.from({ length: r.frontends }, (_, k) => ({
    tick: tick + Math.floor(k / r.perStep) * r.everyTicks,
    op: { type: "frontendRestarted", frontend: r.first + k },
  }));

/** Every timed operation of the file, background first at each tick, then the actions in file order. */
const timedOps = (f: ScenarioFile): ReadonlyArray<{ readonly tick: number; readonly op: SystemOp }> => [
  ...f.background.flatMap((b) =>
    Array.from({ length: Math.max(0, Math.ceil((f.endTick - b.fromTick) / b.everyTicks)) }, (_, h) =>
      b.ops.map((op) => ({ tick: b.fromTick + h * b.everyTicks, op })),
    ).flat(),
  ),
  ...f.actions.flatMap((a) => [
    ...(a.ops ?? []).map((op) => ({ tick: a.tick, op })),
    ...(a.pacedRestart === undefined ? [] : restartOps(a.tick, a.pacedRestart)),
  ]),
];

/**
 * The tick-by-tick scenario: each tick's operations (background first, then actions in file order), then the
 * clock step; the notes and deployments in tick order (stable, so same-tick entries keep the file's order).
 */
export const compileScenario = (f: ScenarioFile): Scenario => {
  const timed = timedOps(f);
  const byTick = (a: { readonly tick: number }, b: { readonly tick: number }) => a.tick - b.tick;
  return {
    name: f.name,
    startMinute: f.startMinute,
    ops: Array.from({ length: f.endTick }, (_, t) => [
      ...timed.filter((x) => x.tick === t).map((x) => x.op),
      { type: "tick" as const },
    ]).flat(),
    notes: f.actions
      .flatMap((a) => (a.record === undefined ? [] : [{ tick: a.tick, record: a.record }]))
      .sort(byTick),
    deployments: f.actions
      .flatMap((a) => (a.deploy === undefined ? [] : [{ tick: a.tick, ...a.deploy }]))
      .sort(byTick),
  };
};
