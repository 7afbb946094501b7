// ---------------------------------------------------------------------------------------------------------
// checker: what an invariant is to the engine: a named predicate over a spec's states that reads as a
// sentence and returns Option<Violated> (style habit 11), and how close a state came to breaking it (the
// "near miss" of a run in which it holds). The fleet's and the system's invariants (properties/) are values of it.
// ---------------------------------------------------------------------------------------------------------
import type * as O from "fp-ts/lib/Option.js";

/** What is wrong in a state, in a sentence a reviewer understands. */
export interface Violated {
  readonly message: string;
}

/** A named predicate over the spec's states (style habit 11), and how close a state came to breaking it. */
export interface SpecInvariant<C, S> {
  readonly name: string;
  /** The invariant as a sentence: what must always be true. */
  readonly sentence: string;
  /** The source fact it encodes. */
  readonly source: string;
  check(config: C, state: S): O.Option<Violated>;
  /** 0 = far from breaking, 1 = at the edge; above 1 only in a violating state. */
  closeness(config: C, state: S): number;
  /** What `closeness` measures, for the near-miss report. */
  readonly closenessMeaning: string;
}
