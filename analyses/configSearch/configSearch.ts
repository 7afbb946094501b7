// ---------------------------------------------------------------------------------------------------------
// analyses/configSearch: one config's verdicts by breadth-first search of its reachable states (exhaustive up to
// CONFIG_SEARCH_MAX_STATES, bounded past it), against the rules' expected outcomes (expectedOutcome.ts). Not
// random: where the search visits every reachable state of the drawn config within that bound, "holds" means
// proved for that config, and "violated" comes with a shortest trace; past the bound, "bounded" is compared one
// way only. A random search could miss a violation and report a false mismatch.
// ---------------------------------------------------------------------------------------------------------
import type { Spec } from "../../checker/spec.ts";
import { exploreBreadthFirst } from "../../checker/verify/bfs.ts";
import type { Config } from "../../model/config.ts";
import { opLabel } from "../../model/opLabel.ts";
import type { Op } from "../../model/ops.ts";
import type { State } from "../../model/state.ts";
import { INVARIANTS, type InvariantName } from "../../properties/index.ts";
import { fleetSpec } from "../../specs/fleet.ts";
import { type ExpectedOutcome, ruleFor } from "./expectedOutcome.ts";

/** The most states one config's search visits; past it the verdict is "bounded" and compared only one way. */
export const CONFIG_SEARCH_MAX_STATES = 200_000;

export interface FoundVerdict {
  readonly invariant: InvariantName;
  /** proved: every reachable state visited, none violates; bounded: none within the bound. */
  readonly status: "proved" | "bounded" | "violated";
  /** The shortest violating trace, as labels (violated only). */
  readonly trace: ReadonlyArray<string>;
  readonly message: string;
  /** States visited, and the depth of the violation or the farthest level. */
  readonly states: number;
  readonly depth: number;
}

/** A verdict that contradicts its rule. */
export interface Mismatch {
  readonly invariant: InvariantName;
  readonly expected: ExpectedOutcome;
  readonly found: FoundVerdict;
}

/** The operations' labels, each read in the state it applies to (style habit 15: resolved names). */
export const labelled = (
  spec: Spec<Config, State, Op>,
  config: Config,
  ops: ReadonlyArray<Op>,
): ReadonlyArray<string> => {
  let state = spec.init(config);
  return ops.map((op) => {
    const label = opLabel(config, state, op);
    const r = spec.step(config, state, op);
    if (r._tag === "Right") state = r.right;
    return label;
  });
};

/** Every invariant's verdict on `config`, by breadth-first search of `spec` (the real model by default). */
export const verdictsOf = (
  config: Config,
  spec: Spec<Config, State, Op> = fleetSpec,
  maxStates: number = CONFIG_SEARCH_MAX_STATES,
): ReadonlyArray<FoundVerdict> =>
  exploreBreadthFirst(spec, config, INVARIANTS, {
    maxDepth: Number.MAX_SAFE_INTEGER,
    maxStates,
  }).verdicts.map(({ invariant, verdict }) => ({
    invariant: invariant.name as InvariantName,
    status: verdict.status,
    trace: verdict.status === "violated" ? labelled(spec, config, verdict.ops) : [],
    message: verdict.status === "violated" ? verdict.message : "",
    states: verdict.states,
    depth: verdict.depth,
  }));

/**
 * Whether a verdict contradicts an expectation: a violation where "holds" is expected, or where "violated" is
 * expected a search that visited every state and found none. A bounded search that found none contradicts
 * nothing (it may have stopped short of the violation); "unknown" is never contradicted.
 */
export const contradicts = (expected: ExpectedOutcome, found: FoundVerdict): boolean =>
  (expected === "holds" && found.status === "violated") ||
  (expected === "violated" && found.status === "proved");

/** The verdicts on `config` that contradict their rules. */
export const mismatchesOf = (
  config: Config,
  verdicts: ReadonlyArray<FoundVerdict>,
): ReadonlyArray<Mismatch> =>
  verdicts.flatMap((found) => {
    const expected = ruleFor(found.invariant).expected(config);
    return contradicts(expected, found) ? [{ invariant: found.invariant, expected, found }] : [];
  });

/** A mismatch in a few lines: what was expected, what search found, and the trace. */
export const describeMismatch = (config: Config, m: Mismatch): string =>
  [
    `${m.invariant} on ${config.name}: expected ${m.expected} (${ruleFor(m.invariant).sentence}), search found ${m.found.status} over ${m.found.states} states`,
    ...(m.found.status === "violated"
      ? [`  ${m.found.message}`, ...m.found.trace.map((l, i) => `  ${i + 1}. ${l}`)]
      : []),
  ].join("\n");
