// ---------------------------------------------------------------------------------------------------------
// checker: fast-check arbitraries for system operations: the core operations (arbitraries.ts) plus the
// dependents' events. Time passing is weighted up: the dependents' failures need an impairment that lasts.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import type { SystemConfig } from "../../model/dependents/config.ts";
import { partitionGrowable } from "../../model/dependents/partitionFleet.ts";
import type { SystemOp } from "../../model/system.ts";
import { opArb } from "../fleet/arbitraries.ts";

/** One dependent event. */
export const dependentOpArb: fc.Arbitrary<SystemOp> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ type: "authRequested" as const }) },
  { weight: 1, arbitrary: fc.constant({ type: "cognitoCapacityAdded" as const }) },
  { weight: 2, arbitrary: fc.constant({ type: "loadChanged" as const }) },
  { weight: 2, arbitrary: fc.constant({ type: "functionInvoked" as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("clusterRequested" as const),
      service: fc.constantFrom("ecs", "eks"),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ type: "statusPostStarted" as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("frontendJudgedUnhealthy" as const),
      frontend: fc.nat({ max: 63 }),
    }),
  },
);

/**
 * One system operation: core (including ticks) or dependent, with extra weight on time passing. R6's partition
 * addition is drawn only where it can be enabled (R6 on, a `partitionFleet` section): elsewhere it is always
 * refused, and leaving it out keeps every other config's sequences, and so its saved results, as they were.
 */
export const systemOpArb = (config: SystemConfig): fc.Arbitrary<SystemOp> =>
  fc.oneof(
    { weight: 10, arbitrary: opArb(config) },
    { weight: 3, arbitrary: dependentOpArb },
    { weight: 6, arbitrary: fc.constant({ type: "tick" as const }) },
    ...(partitionGrowable(config)
      ? [{ weight: 1, arbitrary: fc.constant({ type: "partitionCapacityAdded" as const }) }]
      : []),
  );

export const systemOpsArb = (config: SystemConfig, maxSteps: number): fc.Arbitrary<ReadonlyArray<SystemOp>> =>
  fc.array(systemOpArb(config), { maxLength: maxSteps, size: "max" });
