// ---------------------------------------------------------------------------------------------------------
// checker: invariants re-checked after a step at the cost of what the step touched, not of the fleet.
//
// The model never changes a record in place: a step builds new records for the frontends it changes and
// shares the rest with the state before it (model/step.test.ts freezes the state it steps). So when an
// invariant held before a step and says how it decomposes by frontend (`Invariant.fleetwise`), it holds after
// the step iff none of the records the step replaced offends and the part about no one frontend holds, as
// long as nothing else that `offends` reads changed (`contextChanged`). Records are told apart by pointer,
// one comparison per position, shared by every invariant checked after the step; a record found offending
// is reported by the invariant's own full `check`, so verdicts and messages are exactly the full check's
// (checker/incrementalCheck.test.ts compares them after every step of random traces). Anything else falls
// back to the full `check`, the reference.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import type { Frontend, State } from "../model/state.ts";
import type { Invariant, Violation } from "../properties/index.ts";

/** What one step did to the fleet: worked out once, shared by every invariant checked after the step. */
export interface StepDelta {
  readonly before: State;
  readonly after: State;
  /**
   * The records of `after.frontends` that are not records of `before.frontends` (told apart by pointer), or
   * undefined when the step is not worth checking record by record (see `DeltaTuning`): every check is full.
   */
  readonly changed: ReadonlyArray<Frontend> | undefined;
}

/** When record-by-record checking stops paying (measured: docs/performance.md, "Incremental checks"). */
export interface DeltaTuning {
  /** Fleets smaller than this are checked in full: a full scan of a few records is cheaper than the delta. */
  readonly minFleet: number;
  /** Past this share of the fleet replaced by one step, the invariants' own full scans are cheaper. */
  readonly maxChangedShare: number;
}

export const DELTA_TUNING: DeltaTuning = { minFleet: 16, maxChangedShare: 0.25 };

const NOTHING: ReadonlyArray<Frontend> = [];

/**
 * The records of `after` not in `before`, matching positions in order and letting `after` skip records that
 * `before` lost (a removal shifts the rest of the fleet down by one; they are the same records). Any record
 * not matched is listed, so a poor match costs time, never exactness. Undefined past `most` records.
 */
const changedRecords = (
  before: ReadonlyArray<Frontend>,
  after: ReadonlyArray<Frontend>,
  most: number,
): ReadonlyArray<Frontend> | undefined => {
  if (after === before) return NOTHING;
  const removed = before.length - after.length;
  const changed: Frontend[] = [];
  for (let i = 0, j = 0; i < after.length; i++, j++) {
    const f = after[i] as Frontend;
    if (f === before[j]) continue;
    if (j - i < removed && f === before[j + 1]) {
      j += 1;
      continue;
    }
    changed.push(f);
    if (changed.length > most) return undefined;
  }
  return changed;
};

/** The delta of the step from `before` to `after`. */
export const stepDelta = (before: State, after: State, tuning: DeltaTuning = DELTA_TUNING): StepDelta => ({
  before,
  after,
  changed:
    after.frontends.length < tuning.minFleet
      ? undefined
      : changedRecords(before.frontends, after.frontends, after.frontends.length * tuning.maxChangedShare),
});

/**
 * `invariant.check(config, delta.after)`, computed from what the step changed when `heldBefore` (the
 * invariant held in `delta.before`) and the invariant decomposes by frontend; in full otherwise.
 */
export const checkAfterStep = (
  config: Config,
  invariant: Invariant,
  delta: StepDelta,
  heldBefore: boolean,
): O.Option<Violation> => {
  const fleetwise = invariant.fleetwise;
  const { before, after, changed } = delta;
  if (
    !heldBefore ||
    fleetwise === undefined ||
    changed === undefined ||
    fleetwise.contextChanged(config, before, after)
  )
    return invariant.check(config, after);
  for (const f of changed) if (fleetwise.offends(config, after, f)) return invariant.check(config, after);
  if (fleetwise.restHolds !== undefined && !fleetwise.restHolds(config, after))
    return invariant.check(config, after);
  return O.none;
};

/**
 * The first violation among `invariants` after the step `delta`, given that all of them held before it (the
 * checker's runs stop at the first violation): `firstViolation(config, delta.after, invariants)`.
 */
export const firstViolationAfterStep = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  delta: StepDelta,
): Violation | undefined => {
  for (const inv of invariants) {
    const v = checkAfterStep(config, inv, delta, true);
    if (O.isSome(v)) return v.value;
  }
  return undefined;
};
