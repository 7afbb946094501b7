// Planted bug: a frontend still building its map is sent traffic.
import * as E from "fp-ts/lib/Either.js";
import { requestRouted } from "../../model/routing.ts";
import { positionOf } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/**
 * model/routing.ts `requestRouted`'s guard written `f.status === "stopped"` (refuse only a dead frontend) instead
 * of `f.status !== "serving"`: run as the real function on a state where the frontend reads as serving, the
 * outcome then taken from its real (building) map, which fails the request.
 */
export const bootstrappingFrontendRoutes: PlantedBug = {
  name: "bootstrappingFrontendRoutes",
  description:
    "requestRouted refuses only stopped frontends, so one still bootstrapping its shard-map takes (and fails) requests",
  source: "domain.md K8, K11 (a bootstrapping frontend takes no traffic), R4",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    requestRouted: (config, state, op) => {
      const i = positionOf(state, op.frontend);
      const asIfServing = {
        ...state,
        frontends: state.frontends.map((f, j) =>
          j === i && f.status === "bootstrapping" ? { ...f, status: "serving" as const } : f,
        ),
      };
      return E.map((s: typeof state) => ({ ...s, frontends: state.frontends }))(
        requestRouted(config, asIfServing, op),
      );
    },
  }),
};
