// ---------------------------------------------------------------------------------------------------------
// model: what a scenario is: a named day of operations on the whole system, tick by tick, with the public
// record's notes at their ticks. Data only; analyses/scenario.ts runs one and reads its timeline.
// ---------------------------------------------------------------------------------------------------------
import type { SystemOp } from "../system.ts";

export interface ScenarioNote {
  readonly tick: number;
  /** What the public record says happened then. */
  readonly record: string;
}

export interface Scenario {
  /** The name `npx outage scenario NAME` takes, and the saved corpus's `scenario` field. */
  readonly name: string;
  /** Minutes past midnight (local time of the record) at tick 0. */
  readonly startMinute: number;
  /** The operations: each tick's, then the clock step to the next tick. */
  readonly ops: ReadonlyArray<SystemOp>;
  readonly notes: ReadonlyArray<ScenarioNote>;
}
