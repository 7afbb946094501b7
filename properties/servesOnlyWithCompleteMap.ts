// ---------------------------------------------------------------------------------------------------------
// properties: ServesOnlyWithCompleteMap. K8 [AWS-v]: frontends "were ending up with useless shard-maps that
// left them unable to route requests", yet kept receiving traffic and failing it. The safety property the
// incident broke (domain.md K8): health = InService ⇒ shardMap = Complete.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import { type Frontend, frontendName } from "../model/state.ts";
import { countWhere } from "./count.ts";
import type { Invariant } from "./invariant.ts";

/** The state K8 forbids: taking traffic without a complete map. */
const servesIncomplete = (f: Frontend): boolean => f.status === "serving" && f.map !== "complete";

export const servesOnlyWithCompleteMap: Invariant = {
  name: "ServesOnlyWithCompleteMap",
  sentence: "No frontend takes traffic while its shard-map is incomplete (still building, or useless).",
  source:
    'domain.md K8, K11; [AWS-v] 09:39 "cache construction was failing to complete … useless shard-maps"',
  check: (_config, state) => {
    // Find the first offender without allocating; count them all only when there is one to report.
    const first = state.frontends.find(servesIncomplete);
    return first === undefined
      ? O.none
      : O.some({
          invariant: "ServesOnlyWithCompleteMap",
          message: `${frontendName(first)} is serving with a ${first.map} shard-map (${countWhere(state.frontends, servesIncomplete)} of ${state.frontends.length} frontends serve with an incomplete map), so its requests fail`,
          source: servesOnlyWithCompleteMap.source,
        });
  },
  closeness: (_config, state) => {
    const live = countWhere(state.frontends, (f) => f.status !== "stopped");
    return live === 0
      ? 0
      : countWhere(state.frontends, (f) => f.status !== "stopped" && f.map === "useless") / live;
  },
  closenessMeaning: "share of live frontends holding a useless map (none of them serving)",
  // Exact: `check` fails iff some frontend `servesIncomplete`, which reads only that frontend.
  fleetwise: { offends: (_config, _state, f) => servesIncomplete(f), contextChanged: () => false },
};
