// Planted bug: the end of a bootstrap forgets R8 and builds the map from peer messages only, as before the
// remediation. It makes proofs easier, not harder: with waitForCompleteMap a frontend short of peer threads
// keeps rebuilding instead of serving a map from the store, so PeersLearnedWithin and ShardMovesAppliedWithin,
// violated under R8 + waitForCompleteMap on small, are PROVED with it. No invariant catches it, so it is not in
// PLANTED_BUGS; verify's cross-check refuses it (modelEdits.test.ts), and the non-vacuity property
// AuthoritativeBootstrapUsed (specs/fleet/sometimes.ts) is never reached with it.
import { tick } from "../../model/clock.ts";
import { type PlantedBug, stepWith, without } from "./plantedBug.ts";

export const authoritativeStoreNotRead: PlantedBug = {
  name: "authoritativeStoreNotRead",
  description:
    "the tick that ends a bootstrap ignores bootstrapFromAuthoritative: the map is complete only with a thread for every peer",
  source: "domain.md R8 (bootstrap from the authoritative metadata store), K4(c); issue 19",
  remediations: ["bootstrapFromAuthoritative", "waitForCompleteMap"],
  expectedInvariant: "WellFormed",
  step: stepWith({ tick: (config, state) => tick(without(config, "bootstrapFromAuthoritative"), state) }),
};
