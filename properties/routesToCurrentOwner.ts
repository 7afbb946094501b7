// ---------------------------------------------------------------------------------------------------------
// properties: RoutesToCurrentOwner. K1/K3: back-end ownership of shards moves, and each frontend routes by
// its cached map (K2), so a stale entry sends a request to a shard's former owner. Two checks: the model's
// count of misroutes, and (so a routing step that does not know it is wrong cannot hide one) the outcome of
// the request just routed against the frontend's own map: one counted succeeded through an entry that the
// map holds stale went to the former owner, whatever the step counted.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import { type Frontend, frontendName, type State } from "../model/state.ts";
import { countWhere } from "./count.ts";
import type { Invariant } from "./invariant.ts";

const bitCount = (n: number): number => (n === 0 ? 0 : (n & 1) + bitCount(n >>> 1));

/**
 * The frontend that routed the request just routed, when it counted that request succeeded although its
 * entry for the shard is stale. (A request it counted misrouted is in `requests.misrouted` already.)
 */
const staleDeliverer = (state: State): Frontend | undefined => {
  const r = state.lastRequest;
  if (r === null || r.outcome !== "succeeded") return undefined;
  const f = state.frontends.find((x) => x.id === r.frontend);
  return f !== undefined && (f.staleShards & (1 << r.shard)) !== 0 ? f : undefined;
};

/**
 * Whether the request just routed was counted succeeded although its frontend's entry for the shard is
 * stale. Exported for the verifier's state keys, which keep exactly what the invariants read.
 */
export const succeededThroughStaleEntry = (state: State): boolean => staleDeliverer(state) !== undefined;

const staleDeliveryMessage = (state: State): string | undefined => {
  const f = staleDeliverer(state);
  const r = state.lastRequest;
  return f === undefined || r === null
    ? undefined
    : `${frontendName(f)} routed a request for shard ${r.shard} by a stale entry and counted it succeeded: it went to the shard's former owner, not cluster ${state.owners[r.shard]}`;
};

export const routesToCurrentOwner: Invariant = {
  name: "RoutesToCurrentOwner",
  sentence: "No request is routed to a shard's former owner.",
  source: "domain.md K1, K2, K3, K4(c)",
  check: (_config, state) => {
    const message =
      state.requests.misrouted > 0
        ? `${state.requests.misrouted} request(s) went to a shard's former owner through a stale shard-map entry`
        : staleDeliveryMessage(state);
    return message === undefined
      ? O.none
      : O.some({ invariant: "RoutesToCurrentOwner", message, source: routesToCurrentOwner.source });
  },
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
