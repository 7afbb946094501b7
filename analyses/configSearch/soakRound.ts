// ---------------------------------------------------------------------------------------------------------
// analyses/configSearch: one round of the soak (bench/soak.ts; issue 18: "random configs and operation
// sequences, every invariant, coverage of operations, fleet sizes, depths and invariant margins reached, any
// failure shrunk and saved"). A round draws one config, searches it breadth-first within a state bound (exact
// when the bound is not reached), then runs random operation sequences through the model checking every
// invariant after every step. A verdict or a violation that contradicts the expected outcome is a mismatch;
// a random run's is shrunk to a 1-minimal operation list (checker/search.ts `minimize`).
// Deterministic: the round is a function of its seed.
// ---------------------------------------------------------------------------------------------------------

import fc from "fast-check";
import * as O from "fp-ts/lib/Option.js";
import { minimize } from "../../checker/search.ts";
import type { Config } from "../../model/config.ts";
import { OP_TYPES, type Op, type OpType } from "../../model/ops.ts";
import { INVARIANT_NAMES, INVARIANTS, type InvariantName } from "../../properties/index.ts";
import { fleetSpec } from "../../specs/fleet.ts";
import { type ConfigBounds, configArb } from "./configArb.ts";
import { describeMismatch, mismatchesOf, verdictsOf } from "./configSearch.ts";
import { ruleFor } from "./expectedOutcome.ts";

/** The soak's bounds: wider than `npm test`'s (TEST_BOUNDS), as a long run can afford. */
export const SOAK_BOUNDS: ConfigBounds = { maxFleet: 4, maxShards: 2 };

/** What one round (or many, merged) reached. */
export interface Coverage {
  readonly configs: number;
  /** Configs whose breadth-first search visited every reachable state. */
  readonly exhaustive: number;
  readonly states: number;
  readonly sequences: number;
  /** Accepted operations by type. */
  readonly ops: { readonly [K in OpType]: number };
  /** Refused operations (not enabled, or prevented by a remediation). */
  readonly refused: number;
  /** Random-run states by fleet size (frontends in the membership). */
  readonly fleetSizes: Readonly<Record<string, number>>;
  /** Random runs by accepted length, in buckets of 10. */
  readonly depths: Readonly<Record<string, number>>;
  /** Per invariant: the highest closeness a random run reached (1 = on the edge), and how often it was violated. */
  readonly margins: { readonly [K in InvariantName]: number };
  /**
   * Per invariant: the highest closeness a random run reached on a config where the invariant is expected to
   * hold (−1 when no such config was drawn): how near the soak came to breaking an invariant that must hold.
   */
  readonly closestWhereHolds: { readonly [K in InvariantName]: number };
  readonly violations: { readonly [K in InvariantName]: number };
  /** Per invariant: expected holds / violated / unknown, over the configs. */
  readonly expected: { readonly [K in InvariantName]: Readonly<Record<string, number>> };
}

/** A contradiction found by a round, with what is needed to replay it. */
export interface SoakMismatch {
  readonly config: Config;
  readonly invariant: InvariantName;
  readonly text: string;
  /** The shrunk operations of a random run (empty for a breadth-first verdict). */
  readonly ops: ReadonlyArray<Op>;
}

export interface RoundResult {
  readonly coverage: Coverage;
  readonly mismatches: ReadonlyArray<SoakMismatch>;
}

const byName = <A>(f: (n: InvariantName) => A): { readonly [K in InvariantName]: A } =>
  Object.fromEntries(INVARIANT_NAMES.map((n) => [n, f(n)])) as { readonly [K in InvariantName]: A };

export const emptyCoverage = (): Coverage => ({
  configs: 0,
  exhaustive: 0,
  states: 0,
  sequences: 0,
  ops: Object.fromEntries(OP_TYPES.map((t) => [t, 0])) as { readonly [K in OpType]: number },
  refused: 0,
  fleetSizes: {},
  depths: {},
  margins: byName(() => 0),
  closestWhereHolds: byName(() => -1),
  violations: byName(() => 0),
  expected: byName(() => ({})),
});

const addCounts = (
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Readonly<Record<string, number>> =>
  Object.fromEntries(
    [...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]),
  );

/** Two coverages as one (the parent merges its workers' this way). */
export const mergeCoverage = (a: Coverage, b: Coverage): Coverage => ({
  configs: a.configs + b.configs,
  exhaustive: a.exhaustive + b.exhaustive,
  states: a.states + b.states,
  sequences: a.sequences + b.sequences,
  ops: addCounts(a.ops, b.ops) as Coverage["ops"],
  refused: a.refused + b.refused,
  fleetSizes: addCounts(a.fleetSizes, b.fleetSizes),
  depths: addCounts(a.depths, b.depths),
  margins: byName((n) => Math.max(a.margins[n], b.margins[n])),
  closestWhereHolds: byName((n) => Math.max(a.closestWhereHolds[n], b.closestWhereHolds[n])),
  violations: byName((n) => a.violations[n] + b.violations[n]),
  expected: byName((n) => addCounts(a.expected[n], b.expected[n])),
});

/** The bound on one config's breadth-first search in the soak. */
export const SOAK_MAX_STATES = 100_000;

/**
 * One round: the config drawn from `seed`, its breadth-first verdicts, and `sequences` random operation
 * sequences of up to `maxSteps` operations (drawn from the same seed).
 */
export const soakRound = (seed: number, sequences = 30, maxSteps = 60, spec = fleetSpec): RoundResult => {
  const [config] = fc.sample(configArb(SOAK_BOUNDS), { seed, numRuns: 1 });
  if (config === undefined) throw new Error("internal: fast-check drew no config");
  const verdicts = verdictsOf(config, spec, SOAK_MAX_STATES);
  const mismatches: SoakMismatch[] = mismatchesOf(config, verdicts).map((m) => ({
    config,
    invariant: m.invariant,
    text: describeMismatch(config, m),
    ops: [],
  }));
  const ops: Record<string, number> = Object.fromEntries(OP_TYPES.map((t) => [t, 0]));
  const fleetSizes: Record<string, number> = {};
  const depths: Record<string, number> = {};
  const margins: Record<string, number> = byName(() => 0);
  const mustHold = byName((n) => ruleFor(n).expected(config) === "holds");
  const closestWhereHolds: Record<string, number> = byName(() => -1);
  const violations: Record<string, number> = byName(() => 0);
  let refused = 0;
  const runs = fc.sample(spec.opsArb(config, maxSteps), { seed: seed ^ 0x5eed, numRuns: sequences });
  for (const run of runs) {
    let state = spec.init(config);
    let accepted = 0;
    const broken = new Set<InvariantName>();
    for (const op of run) {
      const r = spec.step(config, state, op);
      if (r._tag === "Left") {
        refused += 1;
        continue;
      }
      state = r.right;
      accepted += 1;
      ops[op.type] = (ops[op.type] ?? 0) + 1;
      const size = String(state.frontends.length);
      fleetSizes[size] = (fleetSizes[size] ?? 0) + 1;
      for (const inv of INVARIANTS) {
        const name = inv.name as InvariantName;
        const closeness = inv.closeness(config, state);
        margins[name] = Math.max(margins[name] ?? 0, closeness);
        if (mustHold[name]) closestWhereHolds[name] = Math.max(closestWhereHolds[name] ?? -1, closeness);
        if (broken.has(name) || O.isNone(inv.check(config, state))) continue;
        broken.add(name);
        violations[name] = (violations[name] ?? 0) + 1;
        if (mustHold[name]) {
          const shrunk = minimize(spec, config, inv, run);
          mismatches.push({
            config,
            invariant: name,
            text: `${name} on ${config.name}: expected holds, a random run of ${run.length} operations violated it (shrunk to ${shrunk.length})`,
            ops: shrunk,
          });
        }
      }
    }
    const bucket = `${Math.floor(accepted / 10) * 10}-${Math.floor(accepted / 10) * 10 + 9}`;
    depths[bucket] = (depths[bucket] ?? 0) + 1;
  }
  return {
    coverage: {
      configs: 1,
      exhaustive: verdicts.every((v) => v.status !== "bounded") ? 1 : 0,
      states: Math.max(0, ...verdicts.map((v) => v.states)),
      sequences: runs.length,
      ops: ops as Coverage["ops"],
      refused,
      fleetSizes,
      depths,
      margins: margins as Coverage["margins"],
      closestWhereHolds: closestWhereHolds as Coverage["closestWhereHolds"],
      violations: violations as Coverage["violations"],
      expected: byName((n) => ({ [ruleFor(n).expected(config)]: 1 })),
    },
    mismatches,
  };
};
