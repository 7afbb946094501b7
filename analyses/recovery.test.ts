import { describe, expect, test } from "vitest";
import { DEFAULT_SEED } from "../checker/defaults.ts";
import { withAllRemediations, withRemediations } from "../model/config.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { safeConcurrentBootstraps } from "../model/load.ts";
import {
  checkRecoversWithin,
  comparePaces,
  fastPace,
  type Pace,
  pacedRestartBound,
  recoveryRun,
  safePace,
  wholeFleetTrigger,
  withImprovedColdStart,
  withSelfHealingCache,
} from "./recovery.ts";

const options = { seed: DEFAULT_SEED, runs: 40 };
/** 10:07 → 22:23 [AWS-p]: first restarted servers take traffic → Kinesis fully normal: 12 h 16 min. */
const RECORD_RESTART_MINUTES = 12 * 60 + 16;
const trigger = { added: 1, earlyLearners: [], ticksBeforeRemoval: 20 };

describe("recovery after the trigger is removed", () => {
  test("as-was: with no corrective push, nothing recovers (MP1 fails: the failure outlives its trigger)", () => {
    const r = recoveryRun(asWasSystem, trigger, "none", 300);
    expect(r.failed).toBe(true);
    expect(r.recoveryTicks).toBeUndefined();
  });

  test("as-was: a paced restart recovers (MP2: metastable, not permanent) in about the record's 12 h 16 min", () => {
    const c = checkRecoversWithin(asWasSystem, 150, "pacedRestart", options);
    expect(c.status).toBe("holds");
    const minutes = (c.worstTicks ?? Number.POSITIVE_INFINITY) * asWasSystem.tickMinutes;
    expect(Math.abs(minutes - RECORD_RESTART_MINUTES) / RECORD_RESTART_MINUTES).toBeLessThan(0.1);
  });

  test("as-was: 'recovers within K' fails for K below the restart's length, with a shrunk trigger", () => {
    const c = checkRecoversWithin(asWasSystem, 100, "pacedRestart", options);
    expect(c.status).toBe("violated");
    // The smallest trigger that breaks anything: one server, left in place until the propagation deadline (K6).
    expect(c.counterexample?.trigger).toEqual({
      added: 1,
      earlyLearners: [],
      ticksBeforeRemoval: asWasSystem.membership.propagationDelayTicks + 1,
    });
    expect(c.counterexample?.run.recoveryTicks).toBeGreaterThan(100);
  });

  test.each<[string, SystemConfig, number]>([
    ["R4 (faster cold start)", withImprovedColdStart(asWasSystem), 30],
    [
      "R4 + R8 (bootstrap from the authoritative store)",
      withImprovedColdStart({
        ...asWasSystem,
        ...withRemediations(asWasSystem, ["bootstrapFromAuthoritative"]),
      }),
      30,
    ],
  ])("%s shortens the restart to within %i ticks", (_n, config, k) => {
    const base =
      checkRecoversWithin(asWasSystem, 150, "pacedRestart", options).worstTicks ?? Number.POSITIVE_INFINITY;
    const c = checkRecoversWithin(config, k, "pacedRestart", options);
    expect(c.status).toBe("holds");
    expect(c.worstTicks ?? Number.POSITIVE_INFINITY).toBeLessThan(base);
  });

  test("K14 as a parameter: if useless maps healed by themselves, removal alone would recover within the propagation delay", () => {
    const c = checkRecoversWithin(
      withSelfHealingCache(asWasSystem),
      asWasSystem.membership.propagationDelayTicks + 1,
      "none",
      options,
    );
    expect(c.status).toBe("holds");
  });

  test("with every remediation on, nothing fails, so there is nothing to recover from", () => {
    const all = { ...asWasSystem, ...withAllRemediations(asWasSystem) };
    const r = recoveryRun(all, { added: 4, earlyLearners: [0, 1, 2], ticksBeforeRemoval: 30 }, "none", 10);
    expect(r.failed).toBe(false);
    expect(r.recoveryTicks).toBe(0);
  });
});

describe("MP8: the restart pace against r_safe (K11, K15; model/load.ts)", () => {
  // A trigger that leaves every frontend with a useless map, so the whole fleet must be restarted.
  const whole = wholeFleetTrigger(asWasSystem);
  const servers = asWasSystem.fleet.initialSize;
  const safe = safePace(asWasSystem);
  if (safe === undefined) throw new Error("as-was has a safe pace");
  const bound = pacedRestartBound(safe, servers);
  /** ε: the paced restart ends when its last bootstrap does; no dependent is still failing after that. */
  const EPSILON_TICKS = 0;
  /** Long enough for four paced restarts: a run that has not recovered by then is stuck, not slow. */
  const horizon = 4 * bound;

  test("at r_safe the in-service count never falls and the restart ends within ⌈N/r⌉ + ε ticks", () => {
    const r = recoveryRun(asWasSystem, whole, "pacedRestart", horizon, safe);
    expect(r.setbacks).toBe(0);
    expect(r.inService.every((n, i) => i === 0 || n >= (r.inService[i - 1] ?? 0))).toBe(true);
    expect(r.recoveryTicks).toBeDefined();
    expect(r.recoveryTicks ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(bound + EPSILON_TICKS);
  });

  test.each<[string, Pace]>([
    ["four times r_safe (4 per bootstrap)", fastPace(asWasSystem)],
    [
      "one more frontend per bootstrap than r_safe",
      { frontends: safe.frontends + 1, perTicks: safe.perTicks },
    ],
  ])(
    "Must show 1: as-was above r_safe (%s) is set back, the in-service count falls, and it recovers later than the paced one, which never falls back",
    (_n, pace) => {
      const c = comparePaces(asWasSystem, pace);
      expect(c.bound).toBe(bound);
      expect(c.pacedRun?.setbacks).toBe(0);
      expect(c.pacedRun?.recoveryTicks ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(
        bound + EPSILON_TICKS,
      );
      expect(c.fastRun.setbacks).toBeGreaterThan(0);
      expect(c.fastRun.inService.some((n, i) => i > 0 && n < (c.fastRun.inService[i - 1] ?? 0))).toBe(true);
      expect(c.fastRun.recoveryTicks).toBeDefined();
      expect(c.fastRun.recoveryTicks ?? 0).toBeGreaterThan(
        c.pacedRun?.recoveryTicks ?? Number.POSITIVE_INFINITY,
      );
      expect(c.verdict).toBe("later");
    },
  );

  test("as-was far above r_safe (one frontend a tick) collapses: every frontend that comes back is sent more than it can serve, and it never recovers", () => {
    const c = comparePaces(asWasSystem, { frontends: 1, perTicks: 1 });
    expect(c.fastRun.setbacks).toBeGreaterThan(0);
    expect(c.fastRun.recoveryTicks).toBeUndefined();
    expect(c.verdict).toBe("never");
  });

  // The previous as-was load (56 requests a tick, 70 % of the fleet) left no headroom for a setback.
  const heavier: SystemConfig = {
    ...asWasSystem,
    name: "as-was, load 56",
    dependents: {
      ...asWasSystem.dependents,
      load: { ...asWasSystem.dependents.load, offeredRequestsPerTick: 56 },
    },
  };

  test("with no headroom (load 56), the 2020 pace is still safe but a fast restart never recovers (metastable under restarts alone, MP2)", () => {
    // With one frontend held out after a setback and one bootstrapping, the N − 2 serving are slow.
    const p = heavier.dependents.load;
    const perFrontend = p.offeredRequestsPerTick / (servers - 2);
    const capacity =
      (p.capacityPerFrontend * (100 - p.bootstrapCostPercent) * p.healthCheckPercent) / 100 / 100;
    expect(perFrontend).toBeGreaterThan(capacity);
    const c = comparePaces(heavier);
    expect(c.pacedRun?.recoveryTicks ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(
      (c.bound ?? 0) + EPSILON_TICKS,
    );
    expect(c.verdict).toBe("never");
  });

  test("r_safe is capped by the bootstraps the core fills at once (a faster pace grows the queue past B_safe)", () => {
    expect(safeConcurrentBootstraps(asWasSystem, servers)).toBeGreaterThan(
      asWasSystem.coldStart.maxConcurrentBootstraps,
    );
    expect(safe.frontends).toBe(asWasSystem.coldStart.maxConcurrentBootstraps);
  });

  test("B_safe frontends bootstrapping at once leave every serving frontend within capacity, B_safe + 1 do not", () => {
    const b = safeConcurrentBootstraps(asWasSystem, servers);
    const p = asWasSystem.dependents.load;
    const perFrontend = (bootstrapping: number) => p.offeredRequestsPerTick / (servers - bootstrapping);
    const capacity = (bootstrapping: number) =>
      (p.capacityPerFrontend * (100 - p.bootstrapCostPercent * bootstrapping)) / 100;
    expect(safe.perTicks).toBe(asWasSystem.coldStart.bootstrapTicks);
    expect(perFrontend(b)).toBeLessThanOrEqual(capacity(b));
    expect(perFrontend(b + 1)).toBeGreaterThan(capacity(b + 1));
  });
});
