// Planted bug: a bootstrap that could not complete its map puts the frontend in service anyway.
import * as E from "fp-ts/lib/Either.js";
import { tick } from "../../model/clock.ts";
import type { Frontend } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/** A frontend that was on the last tick of its bootstrap and had to start over (its map was not whole). */
const restartedBootstrap = (before: Frontend | undefined, after: Frontend): boolean =>
  before !== undefined &&
  before.status === "bootstrapping" &&
  before.bootstrapLeft === 1 &&
  after.status === "bootstrapping" &&
  after.bootstrapLeft > 1;

export const bootstrapEndsServingUselessMap: PlantedBug = {
  name: "bootstrapEndsServingUselessMap",
  description:
    "at the end of a bootstrap whose map could not be completed, the frontend starts serving its useless map instead of rebuilding",
  source: "domain.md K8, K11, R4: the as-was behaviour leaking into the remediated bootstrap",
  remediations: ["waitForCompleteMap"],
  expectedInvariant: "ServesOnlyWithCompleteMap",
  step: stepWith({
    tick: (config, state) =>
      E.map((s: typeof state) => ({
        ...s,
        frontends: s.frontends.map((f, i) =>
          restartedBootstrap(state.frontends[i], f)
            ? { ...f, status: "serving" as const, map: "useless" as const, bootstrapLeft: 0 }
            : f,
        ),
      }))(tick(config, state)),
  }),
};
