// ---------------------------------------------------------------------------------------------------------
// checker: non-vacuity, as Stateright's `sometimes` properties (issue 19). A verdict that no violation exists
// means little if the states that matter were never among those searched: a broken remediation that refuses
// every addition "proves" ThreadBudget in one state. A spec declares what must be reached (checker/spec.ts
// `Sometimes`); `verify` asks it of its exploration (verify/sometimes.ts) and `check` of its random runs
// (sometimesInRuns.ts), and a PROVED or HOLDS where one was not reached is reported VACUOUS.
// ---------------------------------------------------------------------------------------------------------
import type { Spec } from "./spec.ts";

export interface SometimesReached {
  readonly name: string;
  readonly sentence: string;
  readonly reached: boolean;
  /** For a spec explored one invariant at a time: the invariant whose exploration this was. */
  readonly invariant?: string;
}

/** Marks the properties a search reaches, one state (and the operation into it) at a time. */
export interface SometimesTracker<S, Op> {
  /** How many applicable properties there are. */
  readonly count: number;
  /** Notes `state`, reached from `via.before` by `via.op` (undefined for the initial state). */
  mark(state: S, via: { readonly before: S; readonly op: Op } | undefined): void;
  /** Whether every applicable property has been reached. */
  done(): boolean;
  result(): ReadonlyArray<SometimesReached>;
}

/** A tracker of the spec's properties that apply to `config` in a search about the invariants named `about`. */
export const sometimesTracker = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  about: ReadonlyArray<string>,
): SometimesTracker<S, Op> => {
  const properties = (spec.sometimes ?? []).filter((p) => p.applies?.(config, about) ?? true);
  const reached = properties.map(() => false);
  let left = properties.length;
  return {
    count: properties.length,
    mark: (state, via) => {
      properties.forEach((p, i) => {
        if (!reached[i] && p.reached(config, state, via)) {
          reached[i] = true;
          left -= 1;
        }
      });
    },
    done: () => left === 0,
    result: () =>
      properties.map((p, i) => ({ name: p.name, sentence: p.sentence, reached: reached[i] === true })),
  };
};

/** Whether a verdict about `invariant` is vacuous: a property of its search was not reached. */
export const vacuousFor = (sometimes: ReadonlyArray<SometimesReached>, invariant: string): boolean =>
  sometimes.some((p) => !p.reached && (p.invariant === undefined || p.invariant === invariant));
