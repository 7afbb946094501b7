// Planted bug: the larger servers' count is rounded down, not up (issue 19's "broken remediation that makes a
// proof easier": fewer servers, fewer peers, fewer states). No invariant catches it, so it is not in
// PLANTED_BUGS (each of those names the invariant that must); verify's cross-check does (modelEdits.test.ts).
import { additionMiscounts, type PlantedBug } from "./plantedBug.ts";

export const largerServersRoundedDown: PlantedBug = {
  name: "largerServersRoundedDown",
  description:
    "capacityAdded counts the larger servers an addition needs as if each held one 2020 server more (too few servers)",
  source: "domain.md R1 (larger servers: fewer peers for the same capacity); issue 19",
  remediations: ["largerServers"],
  expectedInvariant: "WellFormed",
  step: additionMiscounts("largerServerFactor"),
};
