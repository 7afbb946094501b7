// ---------------------------------------------------------------------------------------------------------
// model: what a scenario is: a named day of operations on the whole system, tick by tick, with the public
// record's notes at their ticks and the configuration changes deployed during it. Data only;
// analyses/scenario.ts runs one and reads its timeline; scenarioFile.ts builds one from a user's file.
// ---------------------------------------------------------------------------------------------------------
import type { RemediationName } from "../config.ts";
import type { DependentRemediationName } from "../dependents/config.ts";
import type { SystemOp } from "../system.ts";

export interface ScenarioNote {
  readonly tick: number;
  /** What the public record says happened then. */
  readonly record: string;
}

/**
 * A configuration change rolled out at a tick (before that tick's operations): remediation flags switched on
 * and/or a new OS thread limit (K7). A deployment is an operator's choice, not a model event, so the runner
 * applies it to the config between steps; the model stays generic over its config.
 */
export interface Deployment {
  readonly tick: number;
  readonly remediations: ReadonlyArray<RemediationName | DependentRemediationName>;
  readonly threadLimit?: number;
}

export interface Scenario {
  /** The name `npx outage scenario NAME` takes, and the saved corpus's `scenario` field. */
  readonly name: string;
  /** Minutes past midnight (local time of the record) at tick 0. */
  readonly startMinute: number;
  /** The operations: each tick's, then the clock step to the next tick. */
  readonly ops: ReadonlyArray<SystemOp>;
  readonly notes: ReadonlyArray<ScenarioNote>;
  /** Configuration changes, in tick order (none in the built-in day). */
  readonly deployments?: ReadonlyArray<Deployment>;
}
