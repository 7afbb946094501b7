// ---------------------------------------------------------------------------------------------------------
// analyses/plantedBugs: the registry. `PLANTED_BUGS` must each be caught by their expected invariant within
// the default search (plantedBugs.test.ts fails `npm test` if one escapes). docs/trust.md has the table.
// ---------------------------------------------------------------------------------------------------------
import { bootstrapEndsServingUselessMap } from "./bootstrapEndsServingUselessMap.ts";
import { cellAdmitsOneTooMany } from "./cellAdmitsOneTooMany.ts";
import { cellularizationIgnoredOnAddition } from "./cellularizationIgnoredOnAddition.ts";
import { crashKeepsServing } from "./crashKeepsServing.ts";
import { membershipViewNeverLearns } from "./membershipViewNeverLearns.ts";
import { newcomerOpensThreadsPastLimit } from "./newcomerOpensThreadsPastLimit.ts";
import { newcomerServesBeforeMapComplete } from "./newcomerServesBeforeMapComplete.ts";
import { peerThreadsNeverTornDown } from "./peerThreadsNeverTornDown.ts";
import type { PlantedBug } from "./plantedBug.ts";
import { preflightCountsFleetBeforeAddition } from "./preflightCountsFleetBeforeAddition.ts";
import { preflightGuardOffByOne } from "./preflightGuardOffByOne.ts";
import { propagationDeadlineOffByOne } from "./propagationDeadlineOffByOne.ts";
import { removalLeavesCellCount } from "./removalLeavesCellCount.ts";
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
];

export type { PlantedBug } from "./plantedBug.ts";
