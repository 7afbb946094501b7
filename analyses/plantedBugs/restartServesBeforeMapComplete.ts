// Planted bug: a restarted frontend goes straight back into service, skipping the bootstrap.
import * as E from "fp-ts/lib/Either.js";
import { frontendRestarted } from "../../model/fleet.ts";
import { positionOf } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const restartServesBeforeMapComplete: PlantedBug = {
  name: "restartServesBeforeMapComplete",
  description: "frontendRestarted leaves the frontend in service while it rebuilds its shard-map",
  source: "domain.md K11, K12: a restarted frontend rebuilds its map before it serves (the 12-hour recovery)",
  remediations: "all",
  expectedInvariant: "ServesOnlyWithCompleteMap",
  step: stepWith({
    frontendRestarted: (config, state, op) =>
      E.map((s: typeof state) => {
        const i = positionOf(s, op.frontend);
        return {
          ...s,
          frontends: s.frontends.map((f, j) =>
            j === i ? { ...f, status: "serving" as const, bootstrapLeft: 0 } : f,
          ),
        };
      })(frontendRestarted(config, state, op)),
  }),
};
