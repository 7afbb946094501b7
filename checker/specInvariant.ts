// ---------------------------------------------------------------------------------------------------------
// checker: what an invariant is to the engine: a named predicate over a spec's states that reads as a
// sentence and returns Option<Violated> (style habit 11), and how close a state came to breaking it (the
// "near miss" of a run in which it holds). The fleet's and the system's invariants (properties/) are values of it.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";

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

/** What a user writes to define an invariant of their own (`defineInvariant`). */
export interface InvariantDefinition<C, S> {
  readonly name: string;
  readonly sentence: string;
  readonly source: string;
  /** What is wrong in `state`, in a sentence, or undefined when the invariant holds. */
  violation(config: C, state: S): string | undefined;
  /** How close `state` came to breaking it (0 far, 1 at the edge); default 0, not measured. */
  closeness?(config: C, state: S): number;
  readonly closenessMeaning?: string;
}

/**
 * An invariant from plain functions, for a user's own test suite: `violation` returns a message or undefined,
 * so no fp-ts `Option` is needed to write one. The engine sees a `SpecInvariant` like the shipped ones.
 */
export const defineInvariant = <C, S>(def: InvariantDefinition<C, S>): SpecInvariant<C, S> => ({
  name: def.name,
  sentence: def.sentence,
  source: def.source,
  check: (config, state) => {
    const message = def.violation(config, state);
    return message === undefined ? O.none : O.some({ message });
  },
  closeness: (config, state) => def.closeness?.(config, state) ?? 0,
  closenessMeaning: def.closenessMeaning ?? "not measured",
});
