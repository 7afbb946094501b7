// Planted bug: a newly added frontend takes traffic at once, before it has built its shard-map.
import * as E from "fp-ts/lib/Either.js";
import { capacityAdded } from "../../model/fleet.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const newcomerServesBeforeMapComplete: PlantedBug = {
  name: "newcomerServesBeforeMapComplete",
  description:
    "capacityAdded puts new frontends in service immediately, while their shard-map is still building",
  source: "domain.md K11, R4: a frontend must not take traffic until its map is complete",
  remediations: "all",
  expectedInvariant: "ServesOnlyWithCompleteMap",
  step: stepWith({
    capacityAdded: (config, state, op) =>
      E.map((s: typeof state) => ({
        ...s,
        frontends: s.frontends.map((f) =>
          f.id >= state.nextId ? { ...f, status: "serving" as const, bootstrapLeft: 0 } : f,
        ),
      }))(capacityAdded(config, state, op)),
  }),
};
