// Tests for load, capacity and goodput (model/load.ts; domain.md K2, K8, K11, MP8, R1, R7, R8).
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { serviceProblems } from "../analyses/scenario.ts";
import { reachableStateArb } from "../specs/fleet/arbitraries.ts";
import { appliedSystem, ticks } from "../test/trace.ts";
import { withRemediations } from "./config.ts";
import { asWasSystem } from "./configs/asWasDependents.ts";
import type { SystemConfig } from "./dependents/config.ts";
import { mainFleetAvailable, routablePercent } from "./dependents/kinesisHealth.ts";
import {
  cellLoads,
  deliversAllOffered,
  goodput,
  goodputPercent,
  judgedSlow,
  safeConcurrentBootstraps,
  safeRestartPerTick,
} from "./load.ts";
import { initialState } from "./state.ts";

const restarted = (positions: ReadonlyArray<number>) =>
  positions.map((frontend) => ({ type: "frontendRestarted", frontend }) as const);

const withCore = (config: SystemConfig, names: Parameters<typeof withRemediations>[1]): SystemConfig => ({
  ...config,
  ...withRemediations(config, names),
});

describe("goodput (K2, K11)", () => {
  test("the fleet at rest delivers every offered request", () => {
    expect(goodput(asWasSystem, initialState(asWasSystem))).toBe(
      asWasSystem.dependents.load.offeredRequestsPerTick,
    );
    expect(deliversAllOffered(asWasSystem, initialState(asWasSystem))).toBe(true);
  });

  test("one frontend bootstrapping takes bootstrapCostPercent of each serving peer's capacity (K11)", () => {
    const s = appliedSystem(asWasSystem, restarted([0])).core;
    const [cell] = cellLoads(asWasSystem, s);
    const p = asWasSystem.dependents.load;
    expect(cell?.bootstrapping).toBe(1);
    expect(cell?.capacityEach).toBeCloseTo(p.capacityPerFrontend * (1 - p.bootstrapCostPercent / 100), 10);
  });

  test("R8: bootstrapping from the authoritative store takes nothing from the peers", () => {
    const config = withCore(asWasSystem, ["bootstrapFromAuthoritative"]);
    const s = appliedSystem(config, restarted([0, 1, 2])).core;
    expect(cellLoads(config, s)[0]?.capacityEach).toBe(config.dependents.load.capacityPerFrontend);
  });

  test("MUST SHOW: with waitForCompleteMap and the fleet mostly bootstrapping, availability is the capacity actually serving, and the dependents see it", () => {
    const config = withCore(asWasSystem, ["waitForCompleteMap"]);
    const s = appliedSystem(config, [...restarted([1, 2, 3, 4, 5, 6, 7]), ...ticks(2)]);
    // The head count says every serving frontend can route: the one serving has a complete map.
    expect(routablePercent(s.core)).toBe(100);
    // One frontend beside seven bootstrapping serves c·(1 − 7β) of the requests offered (as-was: 3 of 44).
    const p = config.dependents.load;
    const expected = p.capacityPerFrontend * (1 - (7 * p.bootstrapCostPercent) / 100);
    expect(goodput(config, s.core)).toBeCloseTo(expected, 10);
    expect(goodputPercent(config, s.core)).toBeLessThan(config.dependents.kinesis.minHealthyPercent);
    expect(mainFleetAvailable(config, s.core)).toBe(false);
    const problems = serviceProblems(config, s);
    expect(problems.kinesis).toContain(
      `delivers ${Math.round(10 * expected) / 10} of ${p.offeredRequestsPerTick} requests`,
    );
    expect(problems.cloudwatch).toBeDefined();
    expect(problems.eventbridge).toBeDefined();
  });

  test("a frontend sent more than it can serve is slow (K11): three bootstrapping in as-was", () => {
    const two = appliedSystem(asWasSystem, restarted([0, 1])).core;
    const three = appliedSystem(asWasSystem, restarted([0, 1, 2])).core;
    expect(two.frontends.some((f) => judgedSlow(asWasSystem, two, f))).toBe(false);
    expect(three.frontends.filter((f) => judgedSlow(asWasSystem, three, f))).toHaveLength(5);
  });

  test("R7: with cells, cell 0 gets firstCellLoadPercent of the load and the other cells share the rest", () => {
    const config = withCore(asWasSystem, ["cellularization"]);
    const cells = cellLoads(config, initialState(config));
    const L = config.dependents.load.offeredRequestsPerTick;
    expect(cells).toHaveLength(2);
    expect(cells[0]?.offered).toBeCloseTo((L * config.dependents.load.firstCellLoadPercent) / 100, 10);
    expect((cells[0]?.offered ?? 0) + (cells[1]?.offered ?? 0)).toBeCloseTo(L, 10);
  });
});

describe("each cell's counts (one pass over the fleet)", () => {
  const cellular = withCore(asWasSystem, ["cellularization"]);
  // Cells of 4 (as-was's R7) never pass the thread limit; cells of 10 can, so some serve with useless maps.
  const wide: SystemConfig = {
    ...cellular,
    remediationParameters: { ...cellular.remediationParameters, cellSize: 10 },
  };
  propTest.prop([
    fc
      .constantFrom(cellular, wide)
      .chain((config) => fc.tuple(fc.constant(config), reachableStateArb(config, 60))),
  ])(
    "R7, random reachable states: each cell counts exactly its own serving, complete-map and bootstrapping frontends",
    ([config, s]) => {
      const loads = cellLoads(config, s);
      expect(loads.map((c) => c.cell)).toEqual(s.cellSizes.map((_, cell) => cell));
      for (const c of loads) {
        const own = s.frontends.filter((f) => f.cell === c.cell);
        expect([c.serving, c.servingComplete, c.bootstrapping]).toEqual([
          own.filter((f) => f.status === "serving").length,
          own.filter((f) => f.status === "serving" && f.map === "complete").length,
          own.filter((f) => f.status === "bootstrapping").length,
        ]);
      }
    },
  );
});

describe("the safe restart pace (MP8): B_safe from the closed form", () => {
  /** The defining inequality: with B bootstrapping and N − B serving, none is sent more than it can serve. */
  const safe = (c: SystemConfig, servers: number, b: number): boolean => {
    const p = c.dependents.load;
    return (
      p.offeredRequestsPerTick / (servers - b) <=
      ((p.capacityPerFrontend * p.healthCheckPercent) / 100) *
        Math.max(0, 1 - (p.bootstrapCostPercent * b) / 100) +
        1e-9
    );
  };

  test("as-was: two frontends may bootstrap at once, three may not; the core's one fill at a time makes the 2020 pace the fastest safe one", () => {
    const n = asWasSystem.fleet.initialSize;
    const b = safeConcurrentBootstraps(asWasSystem, n);
    expect(safe(asWasSystem, n, b)).toBe(true);
    expect(safe(asWasSystem, n, b + 1)).toBe(false);
    expect(b).toBeGreaterThan(asWasSystem.coldStart.maxConcurrentBootstraps);
    expect(safeRestartPerTick(asWasSystem, n)).toBe(
      asWasSystem.coldStart.maxConcurrentBootstraps / asWasSystem.coldStart.bootstrapTicks,
    );
  });

  propTest.prop({
    servers: fc.integer({ min: 1, max: 40 }),
    offered: fc.integer({ min: 0, max: 400 }),
    capacity: fc.integer({ min: 1, max: 30 }),
    cost: fc.integer({ min: 0, max: 100 }),
    health: fc.integer({ min: 1, max: 200 }),
  })(
    "B_safe is the largest B below N that satisfies the inequality (−1 when B = 0 does not)",
    ({ servers, offered, capacity, cost, health }) => {
      const c: SystemConfig = {
        ...asWasSystem,
        dependents: {
          ...asWasSystem.dependents,
          load: {
            ...asWasSystem.dependents.load,
            offeredRequestsPerTick: offered,
            capacityPerFrontend: capacity,
            bootstrapCostPercent: cost,
            healthCheckPercent: health,
          },
        },
      };
      const brute = Array.from({ length: servers }, (_, b) => b).filter((b) => safe(c, servers, b));
      const largest = brute.length === 0 ? -1 : Math.max(...brute);
      // The safe B form a prefix (the left side falls with B), so the largest is also the count less one.
      expect(brute).toEqual(Array.from({ length: largest + 1 }, (_, b) => b));
      expect(safeConcurrentBootstraps(c, servers)).toBe(largest);
    },
  );
});
