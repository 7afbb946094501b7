// ---------------------------------------------------------------------------------------------------------
// analyses/plantedBugs: the registry. `PLANTED_BUGS` must each be caught by their expected invariant within
// the default search (plantedBugs.test.ts fails `npm test` if one escapes). docs/trust.md has the table.
// ---------------------------------------------------------------------------------------------------------

import { bootstrapEndsServingUselessMap } from "./bootstrapEndsServingUselessMap.ts";
import { bootstrappingFrontendRoutes } from "./bootstrappingFrontendRoutes.ts";
import { cellAdmitsOneTooMany } from "./cellAdmitsOneTooMany.ts";
import { cellOccupancyWrapsAtFour } from "./cellOccupancyWrapsAtFour.ts";
import { cellularizationIgnoredOnAddition } from "./cellularizationIgnoredOnAddition.ts";
import { crashKeepsPeerThreads } from "./crashKeepsPeerThreads.ts";
import { crashKeepsServing } from "./crashKeepsServing.ts";
import { largerServersRoundedDown } from "./largerServersRoundedDown.ts";
import { membershipViewNeverLearns } from "./membershipViewNeverLearns.ts";
import { newcomerOpensThreadsPastLimit } from "./newcomerOpensThreadsPastLimit.ts";
import { newcomerServesBeforeMapComplete } from "./newcomerServesBeforeMapComplete.ts";
import { peerThreadRefusedOneEarly } from "./peerThreadRefusedOneEarly.ts";
import { peerThreadsNeverTornDown } from "./peerThreadsNeverTornDown.ts";
import type { PlantedBug } from "./plantedBug.ts";
import { preflightCountsFleetBeforeAddition } from "./preflightCountsFleetBeforeAddition.ts";
import { preflightGuardOffByOne } from "./preflightGuardOffByOne.ts";
import { preflightGuardSimulatesAtMostEight } from "./preflightGuardSimulatesAtMostEight.ts";
import { propagationDeadlineOffByOne } from "./propagationDeadlineOffByOne.ts";
import { refusedPeerKeepsMapComplete } from "./refusedPeerKeepsMapComplete.ts";
import { removalLeavesCellCount } from "./removalLeavesCellCount.ts";
import { requestNotCounted } from "./requestNotCounted.ts";
import { restartKeepsStaleThreads } from "./restartKeepsStaleThreads.ts";
import { restartServesBeforeMapComplete } from "./restartServesBeforeMapComplete.ts";
import { routingIgnoresCurrencyCheck } from "./routingIgnoresCurrencyCheck.ts";
import { routingTreatsStaleAsCurrent } from "./routingTreatsStaleAsCurrent.ts";
import { staleShardMovesNeverProcessed } from "./staleShardMovesNeverProcessed.ts";
import { threadCreationPastLimitSucceeds } from "./threadCreationPastLimitSucceeds.ts";
import { waitForCompleteMapKeepsBrokenServing } from "./waitForCompleteMapKeepsBrokenServing.ts";

export const PLANTED_BUGS: ReadonlyArray<PlantedBug> = [
  threadCreationPastLimitSucceeds,
  newcomerOpensThreadsPastLimit,
  newcomerServesBeforeMapComplete,
  restartServesBeforeMapComplete,
  membershipViewNeverLearns,
  propagationDeadlineOffByOne,
  preflightCountsFleetBeforeAddition,
  preflightGuardOffByOne,
  peerThreadsNeverTornDown,
  restartKeepsStaleThreads,
  crashKeepsServing,
  waitForCompleteMapKeepsBrokenServing,
  bootstrapEndsServingUselessMap,
  routingIgnoresCurrencyCheck,
  cellularizationIgnoredOnAddition,
  removalLeavesCellCount,
  staleShardMovesNeverProcessed,
  routingTreatsStaleAsCurrent,
  cellAdmitsOneTooMany,
  cellOccupancyWrapsAtFour,
  preflightGuardSimulatesAtMostEight,
  peerThreadRefusedOneEarly,
  refusedPeerKeepsMapComplete,
  crashKeepsPeerThreads,
  requestNotCounted,
  bootstrappingFrontendRoutes,
];

/**
 * The planted bugs whose mistake is in a remediation that bounds thread demand (cellularization, the preflight
 * guard, larger servers): the ones the Z3 proofs are about. Each must make the encoding-agreement property
 * fail (specs/fleet/prove/agreement.ts; encodingAgreement.test.ts), since `prove` reads the encoding, not `step`.
 * `largerServersRoundedDown` is here though no invariant catches it (it is not in PLANTED_BUGS).
 */
export const THREAD_DEMAND_BUGS: ReadonlyArray<PlantedBug> = [
  ...PLANTED_BUGS.filter(
    (b) =>
      b.remediations !== "all" &&
      b.remediations.some((r) => r === "cellularization" || r === "preflightGuard" || r === "largerServers"),
  ),
  largerServersRoundedDown,
];

/** The planted bugs that bite only at fleet sizes the `small` config never reaches (encodingAgreement.test.ts). */
export const BEYOND_SMALL_BUGS: ReadonlyArray<PlantedBug> = [
  cellOccupancyWrapsAtFour,
  preflightGuardSimulatesAtMostEight,
];

export type { PlantedBug } from "./plantedBug.ts";
