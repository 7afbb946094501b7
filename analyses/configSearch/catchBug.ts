// ---------------------------------------------------------------------------------------------------------
// analyses/configSearch: how soon the search over configs catches a wrong step function: fast-check draws
// configs (configArb) until one has a verdict that contradicts its expected outcome. Used by the planted-bug
// test (analyses/plantedBugs/aboveSmall.test.ts) and the table in docs/trust.md (printAboveSmall.ts).
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import type { Spec } from "../../checker/spec.ts";
import type { Config } from "../../model/config.ts";
import type { Op } from "../../model/ops.ts";
import type { State } from "../../model/state.ts";
import { configArb } from "./configArb.ts";
import { type Mismatch, mismatchesOf, verdictsOf } from "./configSearch.ts";

export type Catch =
  | { readonly caught: false; readonly configs: number }
  | {
      readonly caught: true;
      /** Configs drawn, the catching one included. */
      readonly configs: number;
      readonly config: Config;
      readonly mismatches: ReadonlyArray<Mismatch>;
    };

/** Draws up to `maxConfigs` configs from `seed` and stops at the first on which `spec` contradicts a rule. */
export const catchBySearchOverConfigs = (
  spec: Spec<Config, State, Op>,
  seed: number,
  maxConfigs: number,
): Catch => {
  const r = fc.check(
    fc.property(configArb(), (config) => mismatchesOf(config, verdictsOf(config, spec)).length === 0),
    // The first config that catches it is enough (shrinking would re-run the search per candidate).
    { seed, numRuns: maxConfigs, endOnFailure: true },
  );
  const config = r.counterexample?.[0];
  return r.failed && config !== undefined
    ? { caught: true, configs: r.numRuns, config, mismatches: mismatchesOf(config, verdictsOf(config, spec)) }
    : { caught: false, configs: r.numRuns };
};
