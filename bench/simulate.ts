// ---------------------------------------------------------------------------------------------------------
// bench: raw simulation throughput. Each sequence runs from the initial state through `step`; after every
// accepted step every registered invariant is checked (a refused operation leaves the state as it was, so
// there is nothing new to check, as in checker/search.ts), incrementally as the checker does or in full. A violation does not stop the run: the point is
// to time the model and the checks, not to find anything. No shrinking.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { checkAfterStep } from "../checker/incremental.ts";
import type { Config } from "../model/config.ts";
import type { Op } from "../model/ops.ts";
import { initialState, type State } from "../model/state.ts";
import { step } from "../model/step.ts";
import { INVARIANTS, type Invariant } from "../properties/index.ts";
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

/**
 * How invariants are checked after a step: `incremental` as the checker does (checker/incremental.ts: only
 * the records the step changed, while the invariant held before), or `full` (`check` on the whole state).
 */
export type CheckMode = "incremental" | "full";

/** Runs every sequence in `traces` once, each from `start` (the initial state, built once by the caller). */
export const simulateOnce = (
  config: Config,
  start: State,
  traces: ReadonlyArray<ReadonlyArray<Op>>,
  mode: CheckMode = "incremental",
  invariants: ReadonlyArray<Invariant> = INVARIANTS,
): Omit<SimulationTally, "ms" | "cpuMs"> => {
  let accepted = 0;
  let offered = 0;
  let violations = 0;
  for (const ops of traces) {
    let state = start;
    // Whether each invariant held in `state`; the incremental check needs it to have held one step before.
    const held = invariants.map((inv) => O.isNone(inv.check(config, start)));
    for (const op of ops) {
      offered += 1;
      const r = step(config, state, op);
      if (E.isLeft(r)) continue;
      const before = state;
      state = r.right;
      accepted += 1;
      for (const [i, inv] of invariants.entries()) {
        const v =
          mode === "incremental" && held[i]
            ? checkAfterStep(config, inv, before, state)
            : inv.check(config, state);
        held[i] = O.isNone(v);
        if (!held[i]) violations += 1;
      }
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
  mode: CheckMode = "incremental",
): SimulationTally => {
  const start = initialState(config);
  const t0 = nowMs();
  const c0 = cpuMs();
  let accepted = 0;
  let offered = 0;
  let violations = 0;
  do {
    for (const ops of traces) {
      const r = simulateOnce(config, start, [ops], mode);
      accepted += r.accepted;
      offered += r.offered;
      violations += r.violations;
      if (nowMs() - t0 >= budgetMs) break;
    }
  } while (nowMs() - t0 < budgetMs);
  return { accepted, offered, violations, ms: nowMs() - t0, cpuMs: cpuMs() - c0 };
};
