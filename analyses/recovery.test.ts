import { describe, expect, test } from "vitest";
import { DEFAULT_SEED } from "../checker/defaults.ts";
import { withAllRemediations, withRemediations } from "../model/config.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { checkRecoversWithin, recoveryRun, withImprovedColdStart, withSelfHealingCache } from "./recovery.ts";

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
