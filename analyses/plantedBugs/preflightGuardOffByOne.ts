// Planted bug: the preflight guard counts one peer too few.
import { capacityAdded, threadsForGroupOf } from "../../model/fleet.ts";
import { prevented } from "../../model/refusal.ts";
import { placeMembers, serversFor } from "../../model/state.ts";
import { type PlantedBug, stepWith, without } from "./plantedBug.ts";

export const preflightGuardOffByOne: PlantedBug = {
  name: "preflightGuardOffByOne",
  description:
    "the preflight guard computes each member's peers as group size − 2 instead of − 1, so it admits exactly the one server too many",
  source: "domain.md K5, K7, R1 (base + k·(N − 1) ≤ T_MAX): an off-by-one in the closed form",
  remediations: ["preflightGuard"],
  expectedInvariant: "ThreadBudget",
  step: stepWith({
    capacityAdded: (config, state, op) => {
      const added =
        serversFor(config, state.capacityUnits + op.count) - serversFor(config, state.capacityUnits);
      const { sizes } = placeMembers(config, state.cellSizes, Math.max(0, added));
      const largest = Math.max(0, ...sizes);
      return config.remediations.preflightGuard &&
        threadsForGroupOf(config, largest - 1) > config.threads.threadLimit
        ? prevented("preflightGuard", `(planted bug) ${largest} members would be over the limit`)
        : capacityAdded(without(config, "preflightGuard"), state, op);
    },
  }),
};
