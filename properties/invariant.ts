// ---------------------------------------------------------------------------------------------------------
// properties: what an invariant is. Each is a named predicate that reads as a sentence and returns
// Option<Violation> (style habit 11); each also measures how close a state came to breaking it, so a run
// in which it holds can still report its margin (the "near miss").
// ---------------------------------------------------------------------------------------------------------
import type * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import type { Frontend, State } from "../model/state.ts";

export type InvariantName =
  | "WellFormed"
  | "ThreadBudget"
  | "ServesOnlyWithCompleteMap"
  | "RoutesToCurrentOwner"
  | "PeersLearnedWithin"
  | "ShardMovesAppliedWithin"
  | "MemoryBudget"
  | "MetadataStoreWithinCapacity"
  | "CacheFleetWithinThreadLimit";

export interface Violation {
  readonly invariant: InvariantName;
  /** What is wrong in this state, in a sentence a reviewer understands, with the numbers. */
  readonly message: string;
  /** The source fact the invariant encodes (a domain.md ID or a seed file). */
  readonly source: string;
}

export interface Invariant {
  readonly name: InvariantName;
  /** The invariant as a sentence: what must always be true. */
  readonly sentence: string;
  readonly source: string;
  readonly check: (config: Config, state: State) => O.Option<Violation>;
  /** 0 = far from breaking, 1 = at the edge; above 1 only in a violating state. */
  readonly closeness: (config: Config, state: State) => number;
  /** What `closeness` measures, for the near-miss report. */
  readonly closenessMeaning: string;
  /**
   * For an invariant that scans the fleet: the same invariant, one frontend at a time, so that the checker can
   * re-check after a step only the records the step replaced (specs/fleet/incrementalCheck.ts). Optional; `check`
   * stays the reference, and it alone words a violation.
   */
  readonly fleetwise?: Fleetwise;
}

/**
 * An invariant taken apart by frontend: it holds in `state` iff no frontend `offends` and `restHolds`. The
 * model never changes a record in place (model/step.test.ts freezes what it steps), so a record that is the same
 * object as before a step, read in an unchanged context, offends exactly as it did before the step.
 */
export interface Fleetwise {
  /** Whether frontend `f` of `state` breaks the invariant by itself. Reads `f`, `config`, and `state` only as `contextChanged` says. */
  readonly offends: (config: Config, state: State, f: Frontend) => boolean;
  /**
   * Whether any State field other than the frontend records that `offends` reads may differ between the two
   * states (compared by reference or by the value read: the model shares what a step leaves unchanged). Must be
   * true whenever `offends` could answer differently for the same record, except through the clock when
   * `dueAt` is given.
   */
  readonly contextChanged: (config: Config, before: State, after: State) => boolean;
  /**
   * For a verdict that time alone can change (a lag derived from `State.tick`): the first tick at which `f`
   * offends, the rest of `state` as it is (−∞ when it offends whatever the clock, +∞ when never). Must satisfy
   * `offends(config, state, f) === dueAt(config, state, f) <= state.tick`; then `contextChanged` need not
   * count the clock, and the checker carries the earliest due tick from step to step instead of re-reading
   * the fleet on every tick.
   */
  readonly dueAt?: (config: Config, state: State, f: Frontend) => number;
  /** The part of the invariant that is about no one frontend, checked in full after every step (default: none). */
  readonly restHolds?: (config: Config, state: State) => boolean;
}
