// ---------------------------------------------------------------------------------------------------------
// checker: incremental invariant checking. Most steps change one frontend record, or none, and every other
// record is shared with the state before (the model never copies a record it does not change). For an
// invariant that declares `perFrontend` (properties/invariant.ts), a state one step after a state where it
// held can only break it through a record that changed or through the rest of the state; so only those are
// re-checked, and the full `check` runs only to report a violation in its own words. The verdict is the
// same as `check`'s (checker/incremental.test.ts), for O(changed records) instead of O(fleet) predicate
// calls (docs/performance.md).
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import type { Frontend, State } from "../model/state.ts";
import type { Invariant, Violation } from "../properties/index.ts";

/** `inv.check(config, after)`, for `after` one step from `before`, a state in which `inv` held. */
export const checkAfterStep = (
  config: Config,
  inv: Invariant,
  before: State,
  after: State,
): O.Option<Violation> => {
  const pf = inv.perFrontend;
  // A record's position or its reading of the cells may have changed: check everything.
  if (
    pf === undefined ||
    after.cellSizes !== before.cellSizes ||
    after.frontends.length !== before.frontends.length
  )
    return inv.check(config, after);
  const now = after.frontends;
  const was = before.frontends;
  if (now !== was)
    for (let i = 0; i < now.length; i++) {
      const f = now[i] as Frontend;
      if (f !== was[i] && pf.breaks(config, after, f)) return inv.check(config, after);
    }
  return pf.holdsOutsideFleet(config, after) ? O.none : inv.check(config, after);
};
