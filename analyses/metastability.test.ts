// The metastability boundary (analyses/metastability.ts): MP7 (duration monotonicity) as a property over
// generated triggers, and the claims docs/metastability.md's reading makes about as-was and its variants.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { boundary, noPushOutcome, triggerOutcome } from "./metastability.ts";
import { METASTABILITY_CONFIGS, maxTicksOf } from "./metastabilityDoc.ts";
import { withSelfHealingCache } from "./recovery.ts";

const [asWas, spare, selfHealing] = METASTABILITY_CONFIGS.map((c) =>
  boundary(c.config, maxTicksOf(c.config)),
);

describe("metastability boundary", () => {
  test("MP7: for a fixed addition and early learners, a trigger left longer is metastable whenever a shorter one is", () => {
    for (const config of [asWasSystem, withSelfHealingCache(asWasSystem)])
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 4 }),
          fc.array(fc.nat({ max: 11 }), { maxLength: 6 }),
          fc.integer({ min: 0, max: 20 }),
          fc.integer({ min: 1, max: 12 }),
          (added, earlyLearners, ticks, more) => {
            const shorter = noPushOutcome(config, { added, earlyLearners, ticksBeforeRemoval: ticks });
            const longer = noPushOutcome(config, { added, earlyLearners, ticksBeforeRemoval: ticks + more });
            return shorter.outcome !== "metastable" || longer.outcome === "metastable";
          },
        ),
        { numRuns: 25, seed: 14 },
      );
  });

  test("as-was: every addition size has a sharp boundary at the first learning, kept by the useless maps, not the threads (MP3)", () => {
    for (const r of asWas ?? []) {
      expect(r.sharp).toBe(true);
      expect(r.boundary).toBe(
        r.learning === "atDeadline" ? asWasSystem.membership.propagationDelayTicks + 1 : 0,
      );
      expect(r.outOfBand).toContain("complete-map share");
      expect(r.outOfBand).not.toContain("max threads / limit");
    }
  });

  test("MP2: at the boundary the paced restart recovers what removing the trigger did not (metastable, not permanent)", () => {
    const t = {
      added: 1,
      earlyLearners: [],
      ticksBeforeRemoval: asWasSystem.membership.propagationDelayTicks + 1,
    };
    expect(noPushOutcome(asWasSystem, t).outcome).toBe("metastable");
    expect(triggerOutcome(asWasSystem, t).outcome).toBe("metastable");
  });

  test("one thread to spare: a one-server addition never fails, larger ones keep as-was's boundary", () => {
    for (const r of spare ?? []) {
      expect(r.sharp).toBe(true);
      if (r.added === 1) expect(r.outcomes.every((o) => o === "unaffected")).toBe(true);
      else expect(r.boundary).toBe(asWasSystem.membership.propagationDelayTicks + 1);
    }
  });

  test("self-healing maps (K14): nothing is metastable; some triggers are vulnerable", () => {
    const outcomes = (selfHealing ?? []).flatMap((r) => r.outcomes);
    expect(outcomes).not.toContain("metastable");
    expect(outcomes).toContain("vulnerable");
  });
});
