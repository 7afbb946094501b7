// ---------------------------------------------------------------------------------------------------------
// checker: what the engine checks. A `Spec` is a state machine with its configs, its invariants and the hooks
// a report needs; the engine (search, shrink, trace fold, replay, breadth-first search, corpus, matrix,
// reports) is written once against this interface and knows no word of any domain. The fleet and the whole
// system are two values of it (specs/); a toy spec in the tests shows a third needs no engine change.
// As Stateright's `trait Model` (init, actions, next_state, properties) is checked by its BFS, DFS and
// simulation alike, and fast-check's `modelRun` knows nothing of the model it runs.
// ---------------------------------------------------------------------------------------------------------
import type fc from "fast-check";
import type * as E from "fp-ts/lib/Either.js";
import type { Exploration } from "./exploration.ts";
import type { ItfCodec } from "./itf.ts";
import type { SpecInvariant, Violated } from "./specInvariant.ts";

/** Why the model refused an operation in a state (the state did not change), in the model's words. */
export interface Refused {
  readonly reason: string;
}

/** The configs a spec is checked with: the built-in ones, and the decoder for a user's file. */
export interface ConfigSet<C> {
  /** Built-in configs by name; the first is the default. */
  readonly builtin: Readonly<Record<string, C>>;
  /** Decodes a parsed config (a file's JSON, or a counterexample's `config`): an error names the field. */
  decode(v: unknown): E.Either<string, C>;
  /** The config's name, as reports and file names print it. */
  nameOf(config: C): string;
}

/**
 * Checks invariants after a step at the cost of what the step changed (exact against `check`). A fresh one per
 * run: it may carry what it learned from one step to the next. `before` is the state the previous call was
 * given as `after` (or the initial state), and every invariant held in it.
 */
export type StepChecker<S> = (before: S, after: S) => Violated | undefined;

/** The sentences of a trace, for a reader: the engine computes states, these word them. */
export interface Narration<C, S, Op> {
  /** The operation as the post-mortem would say it, resolved against the state it applies to. */
  label(config: C, state: S, op: Op): string;
  /** What the operation changed, one sentence each. */
  changes(config: C, before: S, op: Op, after: S): ReadonlyArray<string>;
  /**
   * One line after a violation of `invariant` under `config` is reported (what fixes it, say), if the spec has
   * one. The config is there so that a remedy already on is not advised again.
   */
  advice?(invariant: string, config: C): string | undefined;
}

/**
 * What must be reachable for a verdict to mean something (Stateright's `sometimes`): a named predicate over a
 * reachable state and, when it was reached by an operation, that operation and the state before it. A proof
 * on a run where one was never reached is VACUOUS (checker/verify/sometimes.ts).
 */
export interface Sometimes<C, S, Op> {
  readonly name: string;
  /** What is reached, as a sentence. */
  readonly sentence: string;
  /**
   * Whether it is expected under `config` at all (a cell filled only under cellularization, say), in a run
   * about the invariants named `about` (a spec explored one invariant at a time expects only what that
   * invariant's cone can reach); default yes.
   */
  applies?(config: C, about: ReadonlyArray<string>): boolean;
  reached(config: C, state: S, via: { readonly before: S; readonly op: Op } | undefined): boolean;
}

export interface Spec<C, S, Op> {
  /** The `spec` field of a saved counterexample, and `--spec` on the command line. */
  readonly id: string;
  /** One line: what this spec models. */
  readonly title: string;
  /**
   * The folder under the corpus (counterexamples/) where its counterexamples are saved; "" for the corpus
   * folder itself (the fleet's, which were there before there was a second spec).
   */
  readonly corpusFolder: string;
  readonly configs: ConfigSet<C>;
  /** The state every trace starts from. */
  init(config: C): S;
  /** The next state after `op`, or why `op` is not enabled in `state`. */
  step(config: C, state: S, op: Op): E.Either<Refused, S>;
  /** Weighted random operation sequences of at most `maxSteps` operations (shrinking drops operations). */
  opsArb(config: C, maxSteps: number): fc.Arbitrary<ReadonlyArray<Op>>;
  /** The longest generated sequence when the user gives none. */
  readonly defaultMaxSteps: number;
  /** Decodes one saved operation; `path` names it in the error ("ops[3]"). */
  decodeOp(path: string, v: unknown): E.Either<string, Op>;
  /** Checked in this order; each is reported on its own. */
  readonly invariants: ReadonlyArray<SpecInvariant<C, S>>;
  readonly narration: Narration<C, S, Op>;
  /** An exact faster check after a step, for configs where it pays; undefined: check in full. */
  stepChecker?(config: C, invariants: ReadonlyArray<SpecInvariant<C, S>>): (() => StepChecker<S>) | undefined;
  readonly exploration?: Exploration<C, S, Op>;
  /** How its states and operations are written in the Informal Trace Format (checker/itf.ts), if they are. */
  readonly itf?: ItfCodec<C, S, Op>;
  /** Non-vacuity: what the reachable states must include for a proof over them to mean something. */
  readonly sometimes?: ReadonlyArray<Sometimes<C, S, Op>>;
}

/** The invariant of `spec` named `name`, if any. */
export const invariantOf = <C, S, Op>(spec: Spec<C, S, Op>, name: string): SpecInvariant<C, S> | undefined =>
  spec.invariants.find((i) => i.name === name);
