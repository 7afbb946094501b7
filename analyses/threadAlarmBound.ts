// ---------------------------------------------------------------------------------------------------------
// analyses: under which α R2's thread alarm never misses a crossing (ThreadAlarmBeforeLimit), in closed form
// (docs/alarms.md; checked against the checker's search in threadAlarmBound.test.ts).
//
// The alarm is sampled once a period (a tick), but nothing in the model bounds how much the fleet changes
// between two samples: one `capacityAdded` joins servers that know every peer at once (K6: the NEW member gets
// the whole membership; only existing members learn late), and a restarted frontend opens its threads at once
// (K11). So if a crossing is reachable at all, it is reachable on the first step, before any sample, and the
// only alarm that sees it coming is one already raised at the start, by the fleet at rest:
//
//   ThreadAlarmBeforeLimit holds on every trace  ⇔  no crossing is reachable, or  α·T ≤ 100·H₀,
//
// with T the OS limit in force (R3: the tested one) and H₀ = base + k·min(N₀ − 1, ⌊(T − base)/k⌋) the threads a frontend holds at rest. A
// crossing is reachable on the plain fleet (no preflight guard, no cells) iff base + k·(maxSize − 1) > T. So
// α_max = ⌊100·H₀/T⌋: the alarm must be standing before anyone adds capacity, which is itself the warning R2
// gives (the fleet sits within (100 − α) % of its limit). Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import { maxPeerThreads, threadLimitInForce, threadsFor } from "../model/threadFormula.ts";

/** H₀: the threads a frontend of the fleet at rest holds (K5, K7: never more than the limit allows). */
export const threadsAtRest = (config: Config): number =>
  threadsFor(config, Math.min(config.fleet.initialSize - 1, maxPeerThreads(config)));

/** Whether the capacity plan can take a frontend past the limit (the plain fleet: no guard, no cells). */
export const crossingReachable = (config: Config): boolean =>
  threadsFor(config, config.fleet.maxSize - 1) > threadLimitInForce(config);

/**
 * The largest α (percent, at most 100) for which ThreadAlarmBeforeLimit holds on every trace of the plain fleet
 * with R2 on: 100 when no crossing is reachable, else ⌊100·H₀/T⌋.
 */
export const largestSafeAlpha = (config: Config): number =>
  crossingReachable(config)
    ? Math.min(100, Math.floor((100 * threadsAtRest(config)) / threadLimitInForce(config)))
    : 100;
