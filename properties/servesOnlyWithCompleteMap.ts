// ---------------------------------------------------------------------------------------------------------
// properties: ServesOnlyWithCompleteMap. K8 [AWS-v]: frontends "were ending up with useless shard-maps that
// left them unable to route requests", yet kept receiving traffic and failing it. The safety property the
// incident broke (domain.md K8): health = InService ⇒ shardMap = Complete.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import { frontendName } from "../model/state.ts";
import type { Invariant } from "./invariant.ts";

export const servesOnlyWithCompleteMap: Invariant = {
  name: "ServesOnlyWithCompleteMap",
  sentence: "No frontend takes traffic while its shard-map is incomplete (still building, or useless).",
  source:
    'domain.md K8, K11; [AWS-v] 09:39 "cache construction was failing to complete … useless shard-maps"',
  check: (_config, state) => {
    const bad = state.frontends.filter((f) => f.status === "serving" && f.map !== "complete");
    const first = bad[0];
    return first === undefined
      ? O.none
      : O.some({
          invariant: "ServesOnlyWithCompleteMap",
          message: `${frontendName(first)} is serving with a ${first.map} shard-map (${bad.length} of ${state.frontends.length} frontends serve with an incomplete map), so its requests fail`,
          source: servesOnlyWithCompleteMap.source,
        });
  },
  closeness: (_config, state) => {
    const live = state.frontends.filter((f) => f.status !== "stopped");
    return live.length === 0 ? 0 : live.filter((f) => f.map === "useless").length / live.length;
  },
  closenessMeaning: "share of live frontends holding a useless map (none of them serving)",
};
