// Planted bug: the preflight guard simulates groups of at most eight servers (the size of its test rig). It
// bites only where a group grows past 8: never on `small` (3 servers at most), on `as-was` at the first
// addition to its 8.
import { capacityAdded, threadsForGroupOf } from "../../model/fleet.ts";
import { prevented } from "../../model/refusal.ts";
import { placeMembers, serversFor } from "../../model/state.ts";
import { type PlantedBug, stepWith, without } from "./plantedBug.ts";

/** The largest group the guard's simulation models. */
const RIG_SIZE = 8;

export const preflightGuardSimulatesAtMostEight: PlantedBug = {
  name: "preflightGuardSimulatesAtMostEight",
  description:
    "the preflight guard computes the thread demand of a group of at most 8 servers (its test rig's size), so it admits any addition past 8 that 8 would survive",
  source:
    'seed 003 ("a simulator to test all cases before deploying additional capacity"): a simulator that tests only the cases its rig can hold; domain.md K5, K7',
  remediations: ["preflightGuard"],
  expectedInvariant: "ThreadBudget",
  step: stepWith({
    capacityAdded: (config, state, op) => {
      const added =
        serversFor(config, state.capacityUnits + op.count) - serversFor(config, state.capacityUnits);
      const { sizes } = placeMembers(config, state.cellSizes, Math.max(0, added));
      const simulated = Math.min(RIG_SIZE, Math.max(0, ...sizes));
      return config.remediations.preflightGuard &&
        threadsForGroupOf(config, simulated) > config.threads.threadLimit
        ? prevented("preflightGuard", `(planted bug) ${simulated} members would be over the limit`)
        : capacityAdded(without(config, "preflightGuard"), state, op);
    },
  }),
};
