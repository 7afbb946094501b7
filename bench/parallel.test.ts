// The bench's worker threads start, run the simulation workload, and report (the figures are `npm run bench`'s).
import { expect, test } from "vitest";
import { parallelSimulation } from "./parallel.ts";

test("two worker threads each run the simulation and the aggregate counts both", async () => {
  const r = await parallelSimulation(10, 2, 1, 50);
  expect(r.threads).toBe(2);
  expect(r.runsAggregate).toHaveLength(1);
  expect(r.aggregateWallStepsPerSecond).toBeGreaterThan(0);
  expect(r.oneThreadWallStepsPerSecond).toBeGreaterThan(0);
  expect(r.coresAvailable).toBeGreaterThan(0);
}, 30_000);
