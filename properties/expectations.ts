// ---------------------------------------------------------------------------------------------------------
// properties: the expected outcome of every config/invariant pair the test suite checks (style habit 13:
// the outage is an expected violation, recorded as such; CI checks both directions). Found by running the
// checker with the default seed and runs; `checker/expectations.test.ts` keeps it true.
// ---------------------------------------------------------------------------------------------------------
import type { RemediationName } from "../model/config.ts";
import type { InvariantName } from "./invariant.ts";

export type Outcome = "holds" | "violated";

export interface Expectation {
  /** Remediations on, over `as-was`; "all" = every one. */
  readonly remediations: ReadonlyArray<RemediationName> | "all";
  readonly outcomes: { readonly [K in InvariantName]: Outcome };
  /** Why, in one line, for the reader of the table. */
  readonly why: string;
}

export const EXPECTATIONS: ReadonlyArray<Expectation> = [
  {
    remediations: [],
    outcomes: {
      WellFormed: "holds",
      ThreadBudget: "violated",
      ServesOnlyWithCompleteMap: "violated",
      RoutesToCurrentOwner: "violated",
      PeersLearnedWithin: "violated",
      ShardMovesAppliedWithin: "violated",
      MemoryBudget: "holds",
      MetadataStoreWithinCapacity: "holds",
      CacheFleetWithinThreadLimit: "holds",
    },
    why: "the 2020 fleet: one more server puts every frontend over the thread limit (K7/K8)",
  },
  {
    remediations: ["preflightGuard"],
    outcomes: {
      WellFormed: "holds",
      ThreadBudget: "holds",
      ServesOnlyWithCompleteMap: "holds",
      RoutesToCurrentOwner: "violated",
      PeersLearnedWithin: "holds",
      ShardMovesAppliedWithin: "holds",
      MemoryBudget: "holds",
      MetadataStoreWithinCapacity: "holds",
      CacheFleetWithinThreadLimit: "holds",
    },
    why: "an addition over the budget is refused, so thread creation never fails; stale entries still misroute",
  },
  {
    remediations: ["largerServers"],
    outcomes: {
      WellFormed: "holds",
      ThreadBudget: "holds",
      ServesOnlyWithCompleteMap: "holds",
      RoutesToCurrentOwner: "violated",
      PeersLearnedWithin: "holds",
      ShardMovesAppliedWithin: "holds",
      MemoryBudget: "violated",
      MetadataStoreWithinCapacity: "holds",
      CacheFleetWithinThreadLimit: "holds",
    },
    why: "R1: four times fewer servers for the planned capacity, so the per-peer threads fit; but a larger server's thread stacks and buffers outgrow its memory (R1's own limit)",
  },
  {
    remediations: ["cellularization"],
    outcomes: {
      WellFormed: "holds",
      ThreadBudget: "holds",
      ServesOnlyWithCompleteMap: "holds",
      RoutesToCurrentOwner: "violated",
      PeersLearnedWithin: "holds",
      ShardMovesAppliedWithin: "holds",
      MemoryBudget: "holds",
      MetadataStoreWithinCapacity: "holds",
      CacheFleetWithinThreadLimit: "holds",
    },
    why: "R7: peers are limited to a cell of 4, whatever the fleet size",
  },
  {
    remediations: ["bootstrapFromAuthoritative"],
    outcomes: {
      WellFormed: "holds",
      ThreadBudget: "violated",
      ServesOnlyWithCompleteMap: "violated",
      RoutesToCurrentOwner: "violated",
      PeersLearnedWithin: "violated",
      ShardMovesAppliedWithin: "violated",
      MemoryBudget: "holds",
      MetadataStoreWithinCapacity: "violated",
      CacheFleetWithinThreadLimit: "holds",
    },
    why: "R8 speeds restarts but running frontends still need a thread per peer, and a mass restart overloads the metadata store (R8's own limit)",
  },
  {
    remediations: ["waitForCompleteMap"],
    outcomes: {
      WellFormed: "holds",
      ThreadBudget: "violated",
      ServesOnlyWithCompleteMap: "holds",
      RoutesToCurrentOwner: "holds",
      PeersLearnedWithin: "holds",
      ShardMovesAppliedWithin: "holds",
      MemoryBudget: "holds",
      MetadataStoreWithinCapacity: "holds",
      CacheFleetWithinThreadLimit: "holds",
    },
    why: "a frontend with an incomplete map leaves service and checks currency before routing; threads still overflow",
  },
  {
    remediations: ["testedHigherLimit"],
    outcomes: {
      WellFormed: "holds",
      ThreadBudget: "violated",
      ServesOnlyWithCompleteMap: "violated",
      RoutesToCurrentOwner: "violated",
      PeersLearnedWithin: "violated",
      ShardMovesAppliedWithin: "holds",
      MemoryBudget: "violated",
      MetadataStoreWithinCapacity: "holds",
      CacheFleetWithinThreadLimit: "holds",
    },
    why: "R3: the tested limit of 14 moves K8 from a fleet of 9 to one of 12, still within the plan; and a 2020-size server's memory holds 12 thread stacks, not 14 (R3's own limit). A stale move past the deadline then needs the whole addition and a move: random search's default runs miss it (exhaustive search on small does not)",
  },
  {
    remediations: ["cacheOnDedicatedFleet"],
    outcomes: {
      WellFormed: "holds",
      ThreadBudget: "holds",
      ServesOnlyWithCompleteMap: "holds",
      RoutesToCurrentOwner: "violated",
      PeersLearnedWithin: "holds",
      ShardMovesAppliedWithin: "holds",
      MemoryBudget: "holds",
      MetadataStoreWithinCapacity: "holds",
      CacheFleetWithinThreadLimit: "violated",
    },
    why: "R5: a frontend needs only its base threads whatever the fleet, but the cache fleet now holds a connection per frontend and runs out of threads at a fleet of 10 (R5's own limit)",
  },
  {
    remediations: "all",
    outcomes: {
      WellFormed: "holds",
      ThreadBudget: "holds",
      ServesOnlyWithCompleteMap: "holds",
      RoutesToCurrentOwner: "holds",
      PeersLearnedWithin: "holds",
      ShardMovesAppliedWithin: "holds",
      MemoryBudget: "holds",
      MetadataStoreWithinCapacity: "holds",
      CacheFleetWithinThreadLimit: "holds",
    },
    why: "every remediation on: the fleet's failures are prevented; R5 leaves a larger server only its base threads, so R1's memory holds (4 × 8 + 4 × 16 = 96 of 104 MiB); with R1 the fleet is 3 servers, within R8's store and R5's cache fleet",
  },
];
