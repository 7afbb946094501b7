// ---------------------------------------------------------------------------------------------------------
// checker: recovery after the trigger is removed (domain.md §(d) MP1, MP2, MP8; K11, K14, K15; R4, R8).
//
// A recovery run: a trigger (a capacity addition, with some frontends learning of it early and some time for
// the damage to spread), then the trigger removed (the added frontends taken out, as at 09:39), then the
// operators' response, then time. Two responses: `none` (no corrective push: MP1, does the system heal by
// itself?) and `pacedRestart` (K12/K15: restart frontends that cannot serve, never more at once than can
// bootstrap, as AWS did). The run reports how many ticks after the removal every service is healthy again:
// the fleet delivering every offered request (goodput, model/load.ts) and no dependent failing. "Recovers within K ticks" is then a
// property over generated triggers, with K as a parameter.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { SERVICES } from "../model/dependencyGraph.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { deliversAllOffered, inServiceCount, judgedSlow, safeConcurrentBootstraps } from "../model/load.ts";
import { serversFor } from "../model/state.ts";
import { initialSystemState, type SystemOp, type SystemState, systemStep } from "../model/system.ts";
import { serviceProblems } from "./scenario.ts";

export type Response = "none" | "pacedRestart";

/**
 * K15/MP8: the operators' restart pace: `frontends` restarted every `perTicks` ticks (the first batch at the
 * removal). Without one, the paced restart keeps `coldStart.maxConcurrentBootstraps` bootstrapping at once.
 */
export interface Pace {
  readonly frontends: number;
  readonly perTicks: number;
}

/** How many restarts a pace allows in total by `t` ticks after the removal. */
export const restartsAllowedBy = (pace: Pace, t: number): number =>
  pace.frontends * (Math.floor(t / pace.perTicks) + 1);

/**
 * MP8: the safe pace (model/load.ts): min(B_safe, maxConcurrentBootstraps) frontends per bootstrap; undefined
 * when none is safe. The cap matters: the core fills at most `maxConcurrentBootstraps` maps at once and the others
 * wait, still bootstrapping (K11), so restarting B_safe per bootstrap time with fewer filling at once grows the
 * queue past B_safe.
 */
export const safePace = (config: SystemConfig): Pace | undefined => {
  const b = Math.min(
    config.coldStart.maxConcurrentBootstraps,
    safeConcurrentBootstraps(config, serversFor(config, config.fleet.initialSize)),
  );
  return b < 1 ? undefined : { frontends: b, perTicks: config.coldStart.bootstrapTicks };
};

/** MP8's bound on a paced restart of `servers` frontends: ⌈N/r⌉ ticks, r = frontends / perTicks. */
export const pacedRestartBound = (pace: Pace, servers: number): number =>
  Math.ceil((servers * pace.perTicks) / pace.frontends);

export interface Trigger {
  /** Servers' worth of capacity added (K16). */
  readonly added: number;
  /** Positions of frontends that learn of the addition before the propagation deadline (K6). */
  readonly earlyLearners: ReadonlyArray<number>;
  /** Ticks the trigger stays in place before it is removed. */
  readonly ticksBeforeRemoval: number;
}

export interface RecoveryRun {
  /** Whether any service (Kinesis or a dependent) failed before the removal. */
  readonly failed: boolean;
  /** The tick at which the last added frontend was removed. */
  readonly removedAt: number;
  /** Ticks from the removal until every service is healthy, or undefined if not within the horizon. */
  readonly recoveryTicks: number | undefined;
  /** K11/MP8: frontends the health check judged unhealthy and set back after the removal. */
  readonly setbacks: number;
  /** The in-service count (frontends serving with a complete map) at each tick after the removal. */
  readonly inService: ReadonlyArray<number>;
  /** The operations that were applied, for replay. */
  readonly ops: ReadonlyArray<SystemOp>;
}

/**
 * The fleet delivers every offered request (goodput against offered load, model/load.ts; not a head count), no
 * frontend is still bootstrapping (its fill would still take capacity, K11), and no dependent is failing.
 */
export const everythingHealthy = (config: SystemConfig, s: SystemState): boolean =>
  deliversAllOffered(config, s.core) &&
  s.core.frontends.every((f) => f.status !== "bootstrapping") &&
  SERVICES.every((svc) => serviceProblems(config, s)[svc] === undefined);

/** A system run in progress: its state, the operations applied, and whether any service has failed. */
interface Run {
  readonly state: () => SystemState;
  readonly apply: (op: SystemOp) => boolean;
  readonly ops: ReadonlyArray<SystemOp>;
  readonly failed: () => boolean;
}

/**
 * The trigger applied and removed (as at 09:39): the run at the removal, ready to go on. Shared by the
 * recovery runs below and the metastability boundary (metastability.ts).
 */
export const triggeredRun = (config: SystemConfig, trigger: Trigger): Run => {
  const ops: SystemOp[] = [];
  let s = initialSystemState(config);
  const apply = (op: SystemOp): boolean => {
    const r = systemStep(config, s, op);
    if (E.isLeft(r)) return false;
    ops.push(op);
    s = r.right;
    return true;
  };
  const originalIds = new Set(s.core.frontends.map((f) => f.id));
  let failed = false;
  const note = () => {
    failed ||= SERVICES.some((svc) => serviceProblems(config, s)[svc] !== undefined);
  };
  apply({ type: "capacityAdded", count: trigger.added });
  for (const p of trigger.earlyLearners) {
    apply({ type: "peerLearned", frontend: p });
    note();
  }
  for (let t = 0; t < trigger.ticksBeforeRemoval; t++) {
    apply({ type: "tick" });
    note();
  }
  // 09:39 [AWS-v]: the added capacity is removed (every frontend that was not there before the trigger).
  for (;;) {
    const index = s.core.frontends.findIndex((f) => !originalIds.has(f.id));
    if (index === -1 || !apply({ type: "frontendRemoved", frontend: index })) break;
  }
  return { state: () => s, apply, ops, failed: () => failed };
};

/** Runs one recovery experiment for at most `horizon` ticks after the removal. */
export const recoveryRun = (
  config: SystemConfig,
  trigger: Trigger,
  response: Response,
  horizon: number,
  pace?: Pace,
): RecoveryRun => {
  const { state, apply, ops, failed: failedBefore } = triggeredRun(config, trigger);
  const failed = failedBefore();
  const removedAt = state().core.tick;
  const setbacksBefore = state().dependents.healthCheck.removedUnhealthy;
  const inService: number[] = [];
  let restarts = 0;
  const result = (recoveryTicks: number | undefined): RecoveryRun => ({
    failed,
    removedAt,
    recoveryTicks,
    setbacks: state().dependents.healthCheck.removedUnhealthy - setbacksBefore,
    inService,
    ops,
  });
  for (let t = 0; t <= horizon; t++) {
    inService.push(inServiceCount(state().core));
    if (everythingHealthy(config, state())) return result(state().core.tick - removedAt);
    // K11: the health check runs by itself: every slow frontend is judged unhealthy and restarts.
    for (;;) {
      const slow = state().core.frontends.findIndex((f) => judgedSlow(config, state().core, f));
      if (slow === -1 || !apply({ type: "frontendJudgedUnhealthy", frontend: slow })) break;
      // The operators' response to a setback at their chosen pace (K11: a slow server is "removed from the
      // fleet"): they hold it out (stopped: no requests, no peers' attention) and it joins their restart queue.
      if (response === "pacedRestart" && pace !== undefined)
        apply({ type: "frontendCrashed", frontend: slow });
    }
    if (response === "pacedRestart") {
      const s = state();
      const bootstrapping = s.core.frontends.filter((f) => f.status === "bootstrapping").length;
      const broken = s.core.frontends
        .map((f, i) => ({ f, i }))
        .filter(({ f }) => f.status !== "bootstrapping" && !(f.status === "serving" && f.map === "complete"));
      // K15: after the first setback the operators fall back to the safe pace, never more bootstrapping at once
      // than r_safe allows ("a few hundred per hour" was chosen *because of* K11; MP8).
      const fellBack = pace !== undefined && s.dependents.healthCheck.removedUnhealthy > setbacksBefore;
      const room =
        pace === undefined
          ? config.coldStart.maxConcurrentBootstraps - bootstrapping
          : fellBack
            ? (safePace(config)?.frontends ?? 0) - bootstrapping
            : restartsAllowedBy(pace, t) - restarts;
      for (const { i } of broken.slice(0, Math.max(0, room)))
        if (apply({ type: "frontendRestarted", frontend: i })) restarts += 1;
    }
    apply({ type: "tick" });
  }
  return result(undefined);
};

// ---------------------------------------------------------------------------------------------------------
// a fast restart against the paced one (issue 14, Must show 1; K11, K15, MP2, MP8)
// ---------------------------------------------------------------------------------------------------------

/**
 * The trigger that leaves every frontend with a useless map (one server added and left in place past the
 * propagation deadline, K6), so the whole fleet must be restarted: the day's situation at 09:39.
 */
export const wholeFleetTrigger = (config: SystemConfig): Trigger => ({
  added: 1,
  earlyLearners: [],
  ticksBeforeRemoval: config.membership.propagationDelayTicks + 1,
});

/** How many times r_safe a "fast" restart is, by default: well above the safe pace. */
export const FAST_PACE_FACTOR = 4;

/**
 * A restart `FAST_PACE_FACTOR` times the safe pace (as-was: 4 frontends per 18-tick bootstrap against r_safe's
 * 1); with no safe pace, that many frontends per bootstrap.
 */
export const fastPace = (config: SystemConfig): Pace => {
  const safe = safePace(config);
  return {
    frontends: FAST_PACE_FACTOR * (safe?.frontends ?? 1),
    perTicks: safe?.perTicks ?? config.coldStart.bootstrapTicks,
  };
};

/**
 * What a fast restart does against the paced one, after the whole-fleet trigger:
 *   later      set back (K11), and recovers, later than the paced restart: Must show 1;
 *   never      set back, and does not recover within the horizon: the fleet falls into the sustaining loop
 *              (each frontend that comes back is sent more than it can serve), metastable under restarts
 *              alone (MP2: a stronger push, such as shedding load, would be needed);
 *   no setback the fast restart is never slowed by the health check (the load leaves room for it);
 *   not later  set back, but recovers no later than the paced one;
 *   no safe pace  even B = 0 is slow (docs/load.md: the trigger is permanent under restarts);
 *   unaffected the trigger broke nothing (no service failed), so there is nothing to restart.
 */
export type PaceVerdict = "later" | "never" | "no setback" | "not later" | "no safe pace" | "unaffected";

export interface PaceComparison {
  /** r_safe (undefined: no pace is safe). */
  readonly safe: Pace | undefined;
  readonly fast: Pace;
  /** MP8's ⌈N/r⌉ at r_safe, in ticks (undefined with no safe pace). */
  readonly bound: number | undefined;
  readonly pacedRun: RecoveryRun | undefined;
  readonly fastRun: RecoveryRun;
  readonly verdict: PaceVerdict;
}

/**
 * Must show 1: the whole-fleet restart at r_safe and at `fast` (default `fastPace`), each given four times the
 * paced bound ⌈N/r⌉ to recover (a run that has not recovered by then is stuck, not slow).
 */
export const comparePaces = (config: SystemConfig, fast: Pace = fastPace(config)): PaceComparison => {
  const safe = safePace(config);
  const servers = serversFor(config, config.fleet.initialSize);
  const bound = safe === undefined ? undefined : pacedRestartBound(safe, servers);
  const horizon = 4 * (bound ?? pacedRestartBound(fast, servers));
  const trigger = wholeFleetTrigger(config);
  const pacedRun =
    safe === undefined ? undefined : recoveryRun(config, trigger, "pacedRestart", horizon, safe);
  const fastRun = recoveryRun(config, trigger, "pacedRestart", horizon, fast);
  const verdict: PaceVerdict = !fastRun.failed
    ? "unaffected"
    : pacedRun === undefined
      ? "no safe pace"
      : fastRun.setbacks === 0
        ? "no setback"
        : fastRun.recoveryTicks === undefined
          ? "never"
          : fastRun.recoveryTicks > (pacedRun.recoveryTicks ?? Number.POSITIVE_INFINITY)
            ? "later"
            : "not later";
  return { safe, fast, bound, pacedRun, fastRun, verdict };
};

/** Triggers over the config's capacity plan. */
export const triggerArb = (config: SystemConfig): fc.Arbitrary<Trigger> =>
  fc.record({
    added: fc.integer({ min: 1, max: Math.max(1, config.fleet.maxSize - config.fleet.initialSize) }),
    earlyLearners: fc.array(fc.nat({ max: 63 }), { maxLength: 12 }),
    ticksBeforeRemoval: fc.integer({ min: 0, max: 3 * config.membership.propagationDelayTicks }),
  });

export interface RecoveryCheck {
  readonly k: number;
  readonly response: Response;
  readonly status: "holds" | "violated";
  /** The slowest recovery seen (undefined: some run did not recover within the horizon). */
  readonly worstTicks: number | undefined;
  /** The shrunk trigger that misses K, when violated. */
  readonly counterexample?: { readonly trigger: Trigger; readonly run: RecoveryRun };
  readonly runs: number;
  /** K11/MP8: the most setbacks (frontends judged unhealthy after the removal) in one generated run. */
  readonly setbacks: number;
}

/**
 * The property "every service recovers within K ticks of the trigger's removal" over `runs` generated
 * triggers (fast-check, shrunk on failure). Runs are given `horizon` ticks to recover (default 2K + 50),
 * so a violation reports how long recovery did take when it happened within the horizon.
 */
export const checkRecoversWithin = (
  config: SystemConfig,
  k: number,
  response: Response,
  options: {
    readonly seed: number;
    readonly runs: number;
    readonly horizon?: number;
    /** The operators' restart pace (K15/MP8); default: `maxConcurrentBootstraps` at once. */
    readonly pace?: Pace;
    /** Told after each run (generated or shrinking), for a progress line. */
    readonly onRun?: (runs: number, shrinking: boolean) => void;
  },
): RecoveryCheck => {
  const horizon = options.horizon ?? 2 * k + 50;
  let worst: number | undefined = 0;
  let shrinking = false;
  let done = 0;
  let setbacks = 0;
  const property = fc.property(triggerArb(config), (trigger) => {
    const run = recoveryRun(config, trigger, response, horizon, options.pace);
    options.onRun?.(++done, shrinking);
    if (!shrinking) setbacks = Math.max(setbacks, run.setbacks);
    if (!shrinking)
      worst =
        worst === undefined || run.recoveryTicks === undefined
          ? undefined
          : Math.max(worst, run.recoveryTicks);
    const ok = run.recoveryTicks !== undefined && run.recoveryTicks <= k;
    if (!ok) shrinking = true;
    return ok;
  });
  const details = fc.check(property, { seed: options.seed, numRuns: options.runs });
  if (!details.failed || details.counterexample === null)
    return { k, response, status: "holds", worstTicks: worst, runs: details.numRuns, setbacks };
  const trigger = details.counterexample[0];
  return {
    k,
    response,
    status: "violated",
    worstTicks: worst,
    counterexample: { trigger, run: recoveryRun(config, trigger, response, horizon, options.pace) },
    runs: details.numRuns,
    setbacks,
  };
};

/**
 * R4 ("radically improve the cold-start time"): the illustrative improved cold start: a frontend bootstraps
 * in 6 ticks (30 min) instead of 18, and two can bootstrap at once without starving request serving: its fill
 * asks the peers for about a third of the work (bootstrapCostPercent 3 instead of as-was's 10), so with two
 * bootstrapping the six serving can still carry as-was's load (44/6 ≤ 10 · 94 %; model/load.ts). R4's own
 * invariant (domain.md §(c)): health checks never remove a bootstrapping server at the new rate.
 */
export const withImprovedColdStart = (config: SystemConfig): SystemConfig => ({
  ...config,
  name: `${config.name}+coldStart(R4)`,
  coldStart: { ...config.coldStart, bootstrapTicks: 6, maxConcurrentBootstraps: 2 },
  dependents: {
    ...config.dependents,
    load: {
      ...config.dependents.load,
      bootstrapCostPercent: Math.min(config.dependents.load.bootstrapCostPercent, 3),
    },
  },
});

/** K14 (unknown in the record): useless maps rebuild by themselves once threads fit again. */
export const withSelfHealingCache = (config: SystemConfig): SystemConfig => ({
  ...config,
  name: `${config.name}+selfHealingCache(K14)`,
  coldStart: { ...config.coldStart, cacheSelfHealsAfterTriggerRemoval: true },
});
