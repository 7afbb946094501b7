// Planted bug: the preflight guard counts one peer too few.
import { guardMiscounts, type PlantedBug } from "./plantedBug.ts";

export const preflightGuardOffByOne: PlantedBug = {
  name: "preflightGuardOffByOne",
  description:
    "the preflight guard computes each member's peers as group size − 2 instead of − 1, so it admits exactly the one server too many",
  source: "domain.md K5, K7, R1 (base + k·(N − 1) ≤ T_MAX): an off-by-one in the closed form",
  remediations: ["preflightGuard"],
  expectedInvariant: "ThreadBudget",
  step: guardMiscounts((largest) => largest - 1),
};
