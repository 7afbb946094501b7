// Planted bug: routing does not check that a map entry is current before using it.
import { requestRouted } from "../../model/routing.ts";
import { type PlantedBug, stepWith, without } from "./plantedBug.ts";

export const routingIgnoresCurrencyCheck: PlantedBug = {
  name: "routingIgnoresCurrencyCheck",
  description:
    "requestRouted routes by a stale shard-map entry instead of failing fast, so the request goes to the shard's former owner",
  source: "domain.md K1, K2, K3, K4(c)",
  remediations: ["waitForCompleteMap"],
  expectedInvariant: "RoutesToCurrentOwner",
  step: stepWith({
    requestRouted: (config, state, op) => requestRouted(without(config, "waitForCompleteMap"), state, op),
  }),
};
