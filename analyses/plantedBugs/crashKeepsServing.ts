// Planted bug: a crashed frontend is still sent traffic.
import * as E from "fp-ts/lib/Either.js";
import { frontendCrashed } from "../../model/fleet.ts";
import { positionOf } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const crashKeepsServing: PlantedBug = {
  name: "crashKeepsServing",
  description: "frontendCrashed drops the process's threads and map but leaves it marked in service",
  source: "domain.md K8, K11: only a frontend with a complete map may take traffic; a dead one has none",
  remediations: "all",
  expectedInvariant: "ServesOnlyWithCompleteMap",
  step: stepWith({
    frontendCrashed: (config, state, op) =>
      E.map((s: typeof state) => {
        const i = positionOf(s, op.frontend);
        return {
          ...s,
          frontends: s.frontends.map((f, j) => (j === i ? { ...f, status: "serving" as const } : f)),
        };
      })(frontendCrashed(config, state, op)),
  }),
};
