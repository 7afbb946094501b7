// Planted bug: routing believes every entry is current (caught by RoutesToCurrentOwner reading the map, not the count).
import * as E from "fp-ts/lib/Either.js";
import { requestRouted } from "../../model/routing.ts";
import { positionOf } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const routingTreatsStaleAsCurrent: PlantedBug = {
  name: "routingTreatsStaleAsCurrent",
  description:
    "requestRouted ignores the staleness of the entry it routes by and counts the request as succeeded",
  source: "domain.md K1, K2, K3",
  remediations: "all",
  expectedInvariant: "RoutesToCurrentOwner",
  step: stepWith({
    requestRouted: (config, state, op) => {
      const i = positionOf(state, op.frontend);
      const blind = {
        ...state,
        frontends: state.frontends.map((f, j) => (j === i ? { ...f, staleShards: 0 } : f)),
      };
      return E.map((s: typeof state) => ({ ...s, frontends: state.frontends }))(
        requestRouted(config, blind, op),
      );
    },
  }),
};
