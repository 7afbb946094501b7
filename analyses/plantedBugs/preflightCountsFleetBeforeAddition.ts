// Planted bug: the preflight guard sizes the thread demand from the fleet as it is, not as it will be.
import { capacityAdded, threadsForGroupOf } from "../../model/fleet.ts";
import { prevented } from "../../model/refusal.ts";
import { type PlantedBug, stepWith, without } from "./plantedBug.ts";

export const preflightCountsFleetBeforeAddition: PlantedBug = {
  name: "preflightCountsFleetBeforeAddition",
  description:
    "the preflight guard checks the largest group's thread demand before the new servers join it, so it never sees the overflow it should prevent",
  source:
    'seed 003 ("a simulator to test all cases before deploying additional capacity"); domain.md K16, R1',
  remediations: ["preflightGuard"],
  expectedInvariant: "ThreadBudget",
  step: stepWith({
    capacityAdded: (config, state, op) => {
      const largest = Math.max(0, ...state.cellSizes);
      return config.remediations.preflightGuard &&
        threadsForGroupOf(config, largest) > config.threads.threadLimit
        ? prevented("preflightGuard", `(planted bug) ${largest} members already over the limit`)
        : capacityAdded(without(config, "preflightGuard"), state, op);
    },
  }),
};
