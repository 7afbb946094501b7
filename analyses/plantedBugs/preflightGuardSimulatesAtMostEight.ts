// Planted bug: the preflight guard simulates groups of at most eight servers (the size of its test rig). It
// bites only where a group grows past 8: never on `small` (3 servers at most), on `as-was` at the first
// addition to its 8.
import { guardMiscounts, type PlantedBug } from "./plantedBug.ts";

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
  step: guardMiscounts((largest) => Math.min(RIG_SIZE, largest)),
};
