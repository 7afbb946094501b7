// ---------------------------------------------------------------------------------------------------------
// properties: RoutesToCurrentOwner. K1/K3: back-end ownership of shards moves, and each frontend routes by
// its cached map (K2), so a stale entry sends a request to a shard's former owner.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import { countWhere } from "./count.ts";
import type { Invariant } from "./invariant.ts";

const bitCount = (n: number): number => (n === 0 ? 0 : (n & 1) + bitCount(n >>> 1));

export const routesToCurrentOwner: Invariant = {
  name: "RoutesToCurrentOwner",
  sentence: "No request is routed to a shard's former owner.",
  source: "domain.md K1, K2, K3, K4(c)",
  check: (_config, state) =>
    state.requests.misrouted === 0
      ? O.none
      : O.some({
          invariant: "RoutesToCurrentOwner",
          message: `${state.requests.misrouted} request(s) went to a shard's former owner through a stale shard-map entry`,
          source: routesToCurrentOwner.source,
        }),
  closeness: (config, state) => {
    const serving = countWhere(state.frontends, (f) => f.status === "serving");
    const entries = serving * config.shards.shardCount;
    const stale = state.frontends.reduce(
      (n, f) => (f.status === "serving" ? n + bitCount(f.staleShards) : n),
      0,
    );
    return entries === 0 ? 0 : stale / entries;
  },
  closenessMeaning:
    "share of serving frontends' shard-map entries that were stale (requests for them refused)",
};
