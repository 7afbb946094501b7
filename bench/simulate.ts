// ---------------------------------------------------------------------------------------------------------
// bench: raw simulation throughput. Each sequence runs from the initial state through the fleet spec's `step`,
// the one the checker runs (specs/fleet/compiled/stepTable.ts: model/step.ts's operations dispatched through
// a table, tested equal to it; model/step.ts keeps the readable ts-pattern match, built anew on every call,
// which costs about three times the rest of a step here); after every accepted step every registered
// invariant is checked (a refused operation leaves the state as it was, so there is nothing new to check, as
// in checker/search.ts). A violation does not stop the run: the point is to time the model and the checks,
// not to find anything. No shrinking.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import type { Op } from "../model/ops.ts";
import { initialState, type State } from "../model/state.ts";
import { INVARIANTS, type Invariant } from "../properties/index.ts";
import { tableStep as step } from "../specs/fleet/compiled/stepTable.ts";
import {
  type Checked,
  checkAfterStep,
  checkedInFull,
  incrementalPays,
  type StepDelta,
  stepDelta,
} from "../specs/fleet/incrementalCheck.ts";
import { cpuMs, nowMs } from "./stats.ts";

export interface SimulationTally {
  /** Operations the model accepted (each followed by a check of every invariant). */
  readonly accepted: number;
  /** Operations offered, accepted or refused. */
  readonly offered: number;
  /** Violations seen (a checksum, so the work cannot be optimised away). */
  readonly violations: number;
  /** Wall-clock milliseconds. */
  readonly ms: number;
  /** CPU milliseconds (bench/stats.ts cpuMs). */
  readonly cpuMs: number;
}

/** Each of `invariants` checked in full in `state`. */
export const verdictsIn = (
  config: Config,
  state: State,
  invariants: ReadonlyArray<Invariant> = INVARIANTS,
): ReadonlyArray<Checked> => invariants.map((inv) => checkedInFull(config, inv, state));

/** How many of `invariants` fail in `state`, each checked in full. */
const violationsIn = (config: Config, state: State, invariants: ReadonlyArray<Invariant>): number => {
  let n = 0;
  for (const inv of invariants) if (O.isSome(inv.check(config, state))) n += 1;
  return n;
};

/**
 * How many of `invariants` fail after the step `delta`, each checked at the cost of what the step changed;
 * `checked` holds each one's check of the state before the step and is overwritten with its check after it.
 */
const violationsAfterStep = (
  config: Config,
  delta: StepDelta,
  invariants: ReadonlyArray<Invariant>,
  checked: Checked[],
): number => {
  let n = 0;
  for (let k = 0; k < invariants.length; k++) {
    const c = checkAfterStep(config, invariants[k] as Invariant, delta, checked[k] as Checked);
    checked[k] = c;
    if (O.isSome(c.violation)) n += 1;
  }
  return n;
};

/**
 * Runs every sequence in `traces` once, each from `start` (the initial state, built once by the caller).
 * After a step each invariant is checked at the cost of what the step changed (specs/fleet/incrementalCheck.ts),
 * with exactly the full check's verdict, or in full when the fleet can never grow large enough for that to
 * pay. `startChecked` is `verdictsIn(config, start, invariants)`, when the caller has it already.
 */
export const simulateOnce = (
  config: Config,
  start: State,
  traces: ReadonlyArray<ReadonlyArray<Op>>,
  invariants: ReadonlyArray<Invariant> = INVARIANTS,
  startChecked: ReadonlyArray<Checked> = verdictsIn(config, start, invariants),
): Omit<SimulationTally, "ms" | "cpuMs"> => {
  const incremental = incrementalPays(config);
  let accepted = 0;
  let offered = 0;
  let violations = 0;
  // Each invariant's check of the state before the step (bench-local scratch, reset for every sequence).
  const checked = [...startChecked];
  for (const ops of traces) {
    let state = start;
    for (let k = 0; k < checked.length; k++) checked[k] = startChecked[k] as Checked;
    for (const op of ops) {
      offered += 1;
      const r = step(config, state, op);
      if (E.isLeft(r)) continue;
      accepted += 1;
      violations += incremental
        ? violationsAfterStep(config, stepDelta(state, r.right), invariants, checked)
        : violationsIn(config, r.right, invariants);
      state = r.right;
    }
  }
  return { accepted, offered, violations };
};

/**
 * Runs the sequences over and over, for at least `budgetMs` (and at least once). The initial state is built
 * once, outside the timed loop, as checker/search.ts does.
 */
export const simulateFor = (
  config: Config,
  traces: ReadonlyArray<ReadonlyArray<Op>>,
  budgetMs: number,
): SimulationTally => {
  const start = initialState(config);
  const startChecked = verdictsIn(config, start);
  const t0 = nowMs();
  const c0 = cpuMs();
  let accepted = 0;
  let offered = 0;
  let violations = 0;
  do {
    for (const ops of traces) {
      const r = simulateOnce(config, start, [ops], INVARIANTS, startChecked);
      accepted += r.accepted;
      offered += r.offered;
      violations += r.violations;
      if (nowMs() - t0 >= budgetMs) break;
    }
  } while (nowMs() - t0 < budgetMs);
  return { accepted, offered, violations, ms: nowMs() - t0, cpuMs: cpuMs() - c0 };
};
