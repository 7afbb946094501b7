// ---------------------------------------------------------------------------------------------------------
// properties: what an invariant is. Each is a named predicate that reads as a sentence and returns
// Option<Violation> (style habit 11); each also measures how close a state came to breaking it, so a run
// in which it holds can still report its margin (the "near miss").
// ---------------------------------------------------------------------------------------------------------
import type * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import type { State } from "../model/state.ts";

export type InvariantName =
  | "WellFormed"
  | "ThreadBudget"
  | "ServesOnlyWithCompleteMap"
  | "RoutesToCurrentOwner"
  | "PeersLearnedWithin"
  | "ShardMovesAppliedWithin";

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
}
