// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: the tick in the encoding-agreement property (agreement.ts). The tick's relation
// (operations.ts `tick`) has intermediate records of its own, f after step 1 (`@tick.processed`), after step 2
// (`@tick.learned`) and after step 4 (`@tick.bootstrapped`), existentially chosen. Asking Z3 whether some
// records exist is a satisfiability query per case, and thousands of those hung Z3 (docs/prove.md). So the
// records are computed concretely, by model/clock.ts's own sub-steps one at a time, and substituted like pre
// and post: the relation becomes ground and is evaluated, as every other operation's is. Step 4 may or may not
// advance f (the budget `maxConcurrentBootstraps` is abstracted away), so both records are offered as
// witnesses and the relation holds when one of them makes it true.
//
// A witness that makes the relation true proves the existential. One that does not proves nothing either
// way (a step function other than the model's, a planted bug, may reach a successor the relation allows
// through other records), so agreementEvaluation.ts then asks Z3 the existential itself, once: the property
// means exactly "the tick's successor satisfies the relation", and the solver is asked only on such misses
// (none on the model's own runs: the test pins it).
// ---------------------------------------------------------------------------------------------------------
import { applyPendingMoves, bootstrapOneTick, learnIfDue } from "../../../model/clock.ts";
import type { Config } from "../../../model/config.ts";
import type { Frontend, State } from "../../../model/state.ts";
import type { Z3 } from "../../prove/z3.ts";
import { abstractPairs, type Pair } from "./agreementEvaluation.ts";
import { type AbstractValues, abstractValues } from "./agreementValues.ts";
import type { Abstract } from "./encoding.ts";
import type { tickMiddles } from "./operations.ts";

/** The fields of a frontend record the tick's sub-step relations read of the intermediate records. */
const FRONTEND_FIELDS = ["k", "c", "live", "booting", "map", "stale", "age", "left"] as const;

/** f's own fields of its abstract values (the intermediate records' other constants appear in no formula). */
const ownFields = (values: AbstractValues): Partial<AbstractValues> =>
  Object.fromEntries(FRONTEND_FIELDS.map((k) => [k, values[k]]));

/** Only f's own fields of an intermediate record, as constants of the encoding. */
const ownConstants = (a: Abstract): Abstract =>
  Object.fromEntries(FRONTEND_FIELDS.map((k) => [k, a[k]])) as unknown as Abstract;

/** f's records after steps 1, 2 and 4 of model/clock.ts `tick`, step 4 with and without progress. */
export interface TickRecords {
  readonly processed: Frontend;
  readonly learned: Frontend;
  /** f after step 4: as after step 2, and (bootstrapping) after one tick of construction. */
  readonly bootstrapped: ReadonlyArray<Frontend>;
}

/** The model's sub-steps for f in `state` (before the tick): the witnesses for the relation's records. */
export const tickRecords = (config: Config, state: State, f: Frontend): TickRecords => {
  const processed = applyPendingMoves(f);
  const learned = learnIfDue(config, state, processed);
  return {
    processed,
    learned,
    bootstrapped:
      learned.status === "bootstrapping" ? [learned, bootstrapOneTick(config, learned)] : [learned],
  };
};

/**
 * The substitutions of the tick relation's intermediate constants, one per witness. Each record's age reads
 * `state` (before the tick), as the relation's step 3 ages the oldest missed move only at the end.
 */
export const tickWitnesses = (
  z: Z3,
  middles: ReturnType<typeof tickMiddles>,
  config: Config,
  state: State,
  f: Frontend,
): ReadonlyArray<ReadonlyArray<Pair>> => {
  const [processed, learned, bootstrapped] = middles.map(ownConstants) as [Abstract, Abstract, Abstract];
  const records = tickRecords(config, state, f);
  const own = (g: Frontend) => ownFields(abstractValues(config, state, g)) as AbstractValues;
  const before = [
    ...abstractPairs(z, processed, own(records.processed)),
    ...abstractPairs(z, learned, own(records.learned)),
  ];
  return records.bootstrapped.map((g) => [...before, ...abstractPairs(z, bootstrapped, own(g))]);
};
