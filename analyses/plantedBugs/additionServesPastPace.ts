// Planted bug, above `small` only: an addition bootstraps only as many newcomers as the pace allows.
import * as E from "fp-ts/lib/Either.js";
import { capacityAdded } from "../../model/fleet.ts";
import { frontendWith, type State } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/**
 * K11/K15: at most `maxConcurrentBootstraps` frontends can build their maps at once. The slip reads the pace as
 * a cap on how many newcomers bootstrap at all: the ones past it are put straight into service with their maps
 * still building. It bites only when one addition brings more newcomers than the pace; in `small` the pace (3)
 * is above any addition its plan allows.
 */
export const additionServesPastPace: PlantedBug = {
  name: "additionServesPastPace",
  description:
    "capacityAdded bootstraps the first maxConcurrentBootstraps newcomers and puts the rest into service with their maps still building",
  source: 'domain.md K11 (bootstrap contention), K15 ("a few hundred per hour"), K16',
  remediations: [],
  expectedInvariant: "ServesOnlyWithCompleteMap",
  step: stepWith({
    capacityAdded: (config, state, op) =>
      E.map((s: State) => ({
        ...s,
        frontends: s.frontends.map((f) =>
          f.id >= state.nextId + config.coldStart.maxConcurrentBootstraps
            ? frontendWith(f, { status: "serving", bootstrapLeft: 0 })
            : f,
        ),
      }))(capacityAdded(config, state, op)),
  }),
};
