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
// (specs/fleet/incrementalCheck.test.ts compares them after every step of random traces). Anything else falls
// back to the full `check`, the reference.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../../model/config.ts";
import type { Frontend, State } from "../../model/state.ts";
import type { Invariant, Violation } from "../../properties/index.ts";
import type { Fleetwise } from "../../properties/invariant.ts";

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
 * Whether any state of `config` can be checked record by record: its fleet can reach `minFleet` (a fleet never
 * has more servers than the plan's capacity units). When it cannot, callers run the full checks as they are,
 * which skips the little this file's bookkeeping costs per step (measured on `as-was` and `small`).
 */
export const incrementalPays = (config: Config, tuning: DeltaTuning = DELTA_TUNING): boolean =>
  config.fleet.maxSize >= tuning.minFleet;

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
 * One invariant checked in one state: the verdict, and what the check after the next step needs to know. Each
 * check takes the `Checked` of the state before the step and returns that of the state after it.
 */
export interface Checked {
  /** Exactly `invariant.check(config, state)`. */
  readonly violation: O.Option<Violation>;
  /**
   * For an invariant with `fleetwise.dueAt`, when it held: a tick before which no frontend of the state offends
   * by the clock alone (a lower bound on their earliest due tick). −∞ when not known.
   */
  readonly due: number;
}

/** The invariant held; nothing else known (what a run that stops at the first violation knows before a step). */
export const HELD: Checked = { violation: O.none, due: Number.NEGATIVE_INFINITY };

/** `invariant` checked in full in `state`: what a run starts from. */
export const checkedInFull = (config: Config, invariant: Invariant, state: State): Checked => {
  const violation = invariant.check(config, state);
  return O.isNone(violation) ? HELD : { violation, due: Number.NEGATIVE_INFINITY };
};

/** The earliest tick at which a frontend of `state` offends, reading the whole fleet. */
const earliestDue = (
  config: Config,
  state: State,
  dueAt: (config: Config, state: State, f: Frontend) => number,
): number => {
  let due = Number.POSITIVE_INFINITY;
  for (const f of state.frontends) {
    const d = dueAt(config, state, f);
    if (d < due) due = d;
  }
  return due;
};

/** The part of the invariant about no one frontend (a module-level function: no closure per check). */
const restHolds = (config: Config, fleetwise: Fleetwise, state: State): boolean =>
  fleetwise.restHolds === undefined || fleetwise.restHolds(config, state);

/**
 * `invariant` checked in `delta.after`, given `before`, its check in `delta.before`: computed from what the step
 * changed when the invariant held before and decomposes by frontend; in full otherwise. The verdict is exactly
 * `invariant.check(config, delta.after)`, which alone words a violation.
 *
 * With `dueAt`: a lower bound on the earliest due tick is carried across steps. The records a step kept have
 * the due ticks they had (their context is unchanged, the clock aside), so the bound stays a bound once the
 * replaced records' due ticks are folded in; while the clock is short of it, no frontend offends. When the
 * clock reaches it, or nothing can be carried, the fleet is read once for the exact earliest due tick.
 */
export const checkAfterStep = (
  config: Config,
  invariant: Invariant,
  delta: StepDelta,
  before: Checked,
): Checked => {
  const fleetwise = invariant.fleetwise;
  const { after, changed } = delta;
  if (fleetwise === undefined) return checkedInFull(config, invariant, after);
  const incremental =
    O.isNone(before.violation) &&
    changed !== undefined &&
    !fleetwise.contextChanged(config, delta.before, after);
  const dueAt = fleetwise.dueAt;
  if (dueAt !== undefined) {
    let due = Number.NEGATIVE_INFINITY;
    if (incremental) {
      due = before.due;
      for (const f of changed) {
        const d = dueAt(config, after, f);
        if (d < due) due = d;
      }
    }
    if (due <= after.tick) due = earliestDue(config, after, dueAt);
    if (due <= after.tick || !restHolds(config, fleetwise, after))
      return checkedInFull(config, invariant, after);
    return due === before.due && O.isNone(before.violation) ? before : { violation: O.none, due };
  }
  if (!incremental) return checkedInFull(config, invariant, after);
  for (const f of changed)
    if (fleetwise.offends(config, after, f)) return checkedInFull(config, invariant, after);
  return restHolds(config, fleetwise, after) ? HELD : checkedInFull(config, invariant, after);
};

/**
 * The first violation among `invariants` after the step `delta`, given their checks before it (`before`, one
 * per invariant; the runs that use this stop at the first violation, so each held), and their checks after it
 * for the next step: `firstViolation(config, delta.after, invariants)`.
 */
export const firstViolationAfterStep = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  delta: StepDelta,
  before: ReadonlyArray<Checked>,
): { readonly violation: Violation | undefined; readonly checked: ReadonlyArray<Checked> } => {
  const checked: Checked[] = [];
  for (const [k, inv] of invariants.entries()) {
    const c = checkAfterStep(config, inv, delta, before[k] ?? HELD);
    if (O.isSome(c.violation)) return { violation: c.violation.value, checked };
    checked.push(c);
  }
  return { violation: undefined, checked };
};
