// ---------------------------------------------------------------------------------------------------------
// properties: MetadataStoreWithinCapacity. R8's own limit. During the event AWS made bootstrapping read the
// shard-map from the authoritative metadata store instead of from the front-end peers (domain.md K13, R8;
// [AWS-p], [S3]). That moves a restart's load onto the store: every bootstrapping frontend reads its map
// there until it has it, so restarting the whole fleet at once asks the store for a whole fleet's bootstraps.
// Seed 001: the remediations "may … surface other limits". The store's capacity is illustrative (not in the
// public record; docs/remediation-limits.md). MODEL CHOICE: a bootstrapping frontend that the K11 pace holds
// back (coldStart.maxConcurrentBootstraps) still holds its request open at the store, so it counts.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import type { Frontend, State } from "../model/state.ts";
import { countWhere } from "./count.ts";
import type { Invariant } from "./invariant.ts";

const bootstrapping = (f: Frontend): boolean => f.status === "bootstrapping";

/** R8: frontends reading their map from the authoritative store now (none without R8). */
export const storeBootstraps = (config: Config, state: State): number =>
  config.remediations.bootstrapFromAuthoritative ? countWhere(state.frontends, bootstrapping) : 0;

/** The store's capacity, or +∞ when the config models no such limit (model/config.ts `remediationLimits`). */
const storeCapacity = (config: Config): number =>
  config.remediationLimits?.metadataStoreBootstraps ?? Number.POSITIVE_INFINITY;

export const metadataStoreWithinCapacity: Invariant = {
  name: "MetadataStoreWithinCapacity",
  sentence:
    "With bootstrap from the authoritative metadata store (R8), no more frontends bootstrap at once than the store serves without throttling.",
  source:
    'domain.md R8, K13, K11; seed 001 "may trigger future outages or surface other limits"; capacity illustrative',
  check: (config, state) => {
    const n = storeBootstraps(config, state);
    const cap = storeCapacity(config);
    return n > cap
      ? O.some({
          invariant: "MetadataStoreWithinCapacity",
          message: `${n} frontends bootstrap from the authoritative metadata store at once, over the ${cap} it serves without throttling`,
          source: metadataStoreWithinCapacity.source,
        })
      : O.none;
  },
  closeness: (config, state) => storeBootstraps(config, state) / storeCapacity(config),
  closenessMeaning:
    "frontends bootstrapping from the metadata store, as a fraction of its capacity (0 without R8 or without remediationLimits)",
};
