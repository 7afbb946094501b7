// Planted bug: shard moves are never applied to cached maps (caught by ShardMovesAppliedWithin).
import * as E from "fp-ts/lib/Either.js";
import { tick } from "../../model/clock.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const staleShardMovesNeverProcessed: PlantedBug = {
  name: "staleShardMovesNeverProcessed",
  description: "the clock never applies pending shard moves: a stale map entry stays stale for ever",
  source: "domain.md K1, K4(c): continuous processing of peer messages keeps the map current",
  remediations: "all",
  expectedInvariant: "ShardMovesAppliedWithin",
  step: stepWith({
    tick: (config, state) =>
      E.map((s: typeof state) => ({
        ...s,
        frontends: s.frontends.map((f, i) => ({
          ...f,
          staleShards: f.staleShards | (state.frontends[i]?.staleShards ?? 0),
        })),
      }))(tick(config, state)),
  }),
};
