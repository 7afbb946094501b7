import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { exploreBreadthFirst } from "../checker/verify/bfs.ts";
import { type Config, NO_REMEDIATIONS, withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/index.ts";
import { invariantNamed } from "../properties/index.ts";
import { fleetSpec } from "../specs/fleet.ts";
import {
  largestSafeAddition,
  largestSafeAdditionByClosedForm,
  safeByClosedForm,
  scenarioConfig,
  simulateAddition,
} from "./preflight.ts";

const threadBudget = invariantNamed("ThreadBudget");
if (threadBudget === undefined) throw new Error("ThreadBudget is registered");

/** Random thread arithmetic, timings and remediations (the numbers are arbitrary, not the 2020 ones). */
const configArb = (max: { readonly limit: number; readonly cell: number }): fc.Arbitrary<Config> =>
  fc
    .record({
      base: fc.integer({ min: 0, max: 20 }),
      perPeer: fc.integer({ min: 1, max: 4 }),
      room: fc.integer({ min: 0, max: max.limit }),
      bootstrapTicks: fc.integer({ min: 1, max: 3 }),
      maxConcurrentBootstraps: fc.integer({ min: 1, max: 4 }),
      propagationDelayTicks: fc.integer({ min: 1, max: 3 }),
      largerServerFactor: fc.integer({ min: 1, max: 4 }),
      cellSize: fc.integer({ min: 1, max: max.cell }),
      largerServers: fc.boolean(),
      cellularization: fc.boolean(),
      preflightGuard: fc.boolean(),
    })
    .map(
      (p): Config => ({
        ...asWas,
        name: "random",
        threads: { baseThreads: p.base, threadsPerPeer: p.perPeer, threadLimit: p.base + p.room },
        membership: { propagationDelayTicks: p.propagationDelayTicks },
        coldStart: {
          bootstrapTicks: p.bootstrapTicks,
          maxConcurrentBootstraps: p.maxConcurrentBootstraps,
          cacheSelfHealsAfterTriggerRemoval: false,
        },
        remediations: {
          ...NO_REMEDIATIONS,
          largerServers: p.largerServers,
          cellularization: p.cellularization,
          preflightGuard: p.preflightGuard,
        },
        remediationParameters: { largerServerFactor: p.largerServerFactor, cellSize: p.cellSize },
      }),
    );

const LIMIT = 48;

describe("capacity preflight", () => {
  it("on as-was, adding one server to the 8 is unsafe: ThreadBudget breaks at step 1, and 0 is the largest safe addition", () => {
    const v = simulateAddition(asWas, 8, 1);
    expect(v).toMatchObject({ safe: false, reason: "violated", invariant: "ThreadBudget", step: 1 });
    expect(largestSafeAddition(asWas, 8, LIMIT)).toMatchObject({ largest: 0, reachedLimit: false });
  });

  it("with the preflight guard, the same addition is refused before it is deployed", () => {
    const v = simulateAddition(withRemediations(asWas, ["preflightGuard"]), 8, 1);
    expect(v).toMatchObject({ safe: false, reason: "refused" });
  });

  it("the random cases exercise both verdicts (so the agreement below is not vacuous)", () => {
    const cases = fc.sample(
      fc.record({
        config: configArb({ limit: 30, cell: 10 }),
        fleet: fc.integer({ min: 1, max: 30 }),
        add: fc.integer({ min: 1, max: 30 }),
      }),
      { seed: 20201125, numRuns: 150 },
    );
    const safe = cases.filter((c) => safeByClosedForm(c.config, c.fleet, c.add)).length;
    expect(safe).toBeGreaterThan(15);
    expect(cases.length - safe).toBeGreaterThan(15);
  });

  test.prop(
    {
      config: configArb({ limit: 30, cell: 10 }),
      fleet: fc.integer({ min: 1, max: 30 }),
      add: fc.integer({ min: 1, max: 30 }),
    },
    { numRuns: 150 },
  )(
    "the simulated verdict agrees with the closed form base + perPeer × (n − 1) ≤ limit",
    ({ config, fleet, add }) => {
      expect(simulateAddition(config, fleet, add).safe).toBe(safeByClosedForm(config, fleet, add));
    },
  );

  test.prop(
    { config: configArb({ limit: 30, cell: 10 }), fleet: fc.integer({ min: 1, max: 30 }) },
    { numRuns: 60 },
  )("the largest safe addition found by simulation is the closed form's", ({ config, fleet }) => {
    const found = largestSafeAddition(config, fleet, LIMIT);
    const closed = largestSafeAdditionByClosedForm(config, fleet);
    if (closed === undefined) expect(found.largest).toBeUndefined();
    else if (closed === "unbounded" || closed >= LIMIT)
      expect(found).toMatchObject({ largest: LIMIT, reachedLimit: true });
    else expect(found).toMatchObject({ largest: closed, reachedLimit: false });
  });

  test.prop(
    {
      config: configArb({ limit: 3, cell: 3 }),
      fleet: fc.integer({ min: 1, max: 3 }),
      add: fc.integer({ min: 1, max: 2 }),
    },
    { numRuns: 25 },
  )(
    "on small fleets, preflight agrees with exhaustive verification of ThreadBudget over every reachable state",
    ({ config, fleet, add }) => {
      const tiny: Config = {
        ...config,
        shards: { shardCount: 1, backendClusters: 1 },
        coldStart: { ...config.coldStart, bootstrapTicks: 1, maxConcurrentBootstraps: 8 },
        membership: { propagationDelayTicks: 1 },
      };
      // The guard would refuse an unsafe addition, which preflight reports as unsafe: explore without it.
      const unguarded = { ...tiny, remediations: { ...tiny.remediations, preflightGuard: false } };
      const r = exploreBreadthFirst(fleetSpec, scenarioConfig(unguarded, fleet, add), [threadBudget], {
        maxDepth: 1000,
        maxStates: 200_000,
      });
      const v = r.verdicts[0]?.verdict;
      expect(v?.status).not.toBe("bounded");
      expect(simulateAddition(tiny, fleet, add).safe).toBe(v?.status === "proved");
    },
  );
});
