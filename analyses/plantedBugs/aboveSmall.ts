// ---------------------------------------------------------------------------------------------------------
// analyses/plantedBugs: planted bugs that bite only above the `small` config (issue 18: "at least five that
// bite only above the small config"). Not in PLANTED_BUGS: that list's test searches `as-was`, and these are
// meant to escape the built-in configs. The search over configs (analyses/configSearch/) must catch each:
// aboveSmall.test.ts shows that it does and that exhaustive search of `small` does not.
// ---------------------------------------------------------------------------------------------------------
import { additionServesPastPace } from "./additionServesPastPace.ts";
import { peerLearnedCountsOneThread } from "./peerLearnedCountsOneThread.ts";
import type { PlantedBug } from "./plantedBug.ts";
import { restartOpensOneThreadPerPeer } from "./restartOpensOneThreadPerPeer.ts";
import { shardMoveAgeCappedAtTwo } from "./shardMoveAgeCappedAtTwo.ts";

export const ABOVE_SMALL_BUGS: ReadonlyArray<PlantedBug> = [
  restartOpensOneThreadPerPeer,
  peerLearnedCountsOneThread,
  additionServesPastPace,
  shardMoveAgeCappedAtTwo,
];
