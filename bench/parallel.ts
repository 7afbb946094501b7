// ---------------------------------------------------------------------------------------------------------
// bench: the simulation on both cores. The model is a pure function, so independent runs share nothing and
// parallelise trivially: `threads` worker threads (node:worker_threads) each run the single-threaded
// section's workload (bench/simulationWorker.ts) at the same time, and the aggregate rate is every thread's
// accepted steps divided by the wall-clock time of the slowest. CPU time cannot split the threads' work in
// Node 20 (process.cpuUsage is the whole process's), so these figures are wall-clock; each repetition also
// runs one thread alone, alternating with the parallel run, so `speedup` compares like with like on a
// machine whose load drifts, and `coresAvailable` measures what the machine gives (a fixed arithmetic loop
// in one thread and in all at once): the speedup cannot exceed it. Nothing here feeds the CLI: the checker's outputs do not depend on it.
// ---------------------------------------------------------------------------------------------------------
import { Worker } from "node:worker_threads";
import type { Effort } from "./sections.ts";
import type { SimulationTally } from "./simulate.ts";
import type { SimulationJob } from "./simulationWorker.ts";
import { median, round } from "./stats.ts";

const BOOT = new URL("./workerBoot.mjs", import.meta.url);
const MODULE = new URL("./simulationWorker.ts", import.meta.url).href;

/** A worker thread running bench/simulationWorker.ts, once it has warmed up. */
const startWorker = (fleetSize: number, budgetMs: number): Promise<Worker> =>
  new Promise((resolve, reject) => {
    const job: SimulationJob = { module: MODULE, fleetSize, budgetMs };
    const w = new Worker(BOOT, { workerData: job });
    w.once("error", reject);
    w.once("message", () => resolve(w));
  });

const runOnce = (w: Worker): Promise<SimulationTally> =>
  new Promise((resolve) => {
    w.once("message", (t: SimulationTally) => resolve(t));
    w.postMessage("go");
  });

const burnOnce = (w: Worker): Promise<number> =>
  new Promise((resolve) => {
    w.once("message", (ms: number) => resolve(ms));
    w.postMessage("burn");
  });

/**
 * How many cores the threads really get: the same fixed arithmetic loop in one thread alone and in all of them
 * at once; `threads` when every thread has a core of its own, about 1 when they share one (a loaded machine).
 */
const coresAvailable = async (workers: ReadonlyArray<Worker>): Promise<number> => {
  const alone = await burnOnce(workers[0] as Worker);
  const all = await Promise.all(workers.map(burnOnce));
  return (workers.length * alone) / Math.max(...all);
};

/** Steps per wall-clock second of `workers` running at once: all their steps over the longest run. */
const together = async (workers: ReadonlyArray<Worker>): Promise<number> => {
  const tallies = await Promise.all(workers.map(runOnce));
  const steps = tallies.reduce((n, t) => n + t.accepted, 0);
  return (steps / Math.max(...tallies.map((t) => t.ms))) * 1000;
};

/**
 * The simulation on `as-was` (`fleetSize` 0) or a scaled fleet, in `threads` worker threads at once against
 * one thread alone, `repetitions` times alternately; medians.
 */
export const parallelSimulation = async (
  fleetSize: number,
  threads: number,
  repetitions: number,
  budgetMs: number,
) => {
  const workers = await Promise.all(Array.from({ length: threads }, () => startWorker(fleetSize, budgetMs)));
  const alone: number[] = [];
  const all: number[] = [];
  const cores: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    cores.push(await coresAvailable(workers));
    alone.push(await together(workers.slice(0, 1)));
    all.push(await together(workers));
  }
  for (const w of workers) w.postMessage("stop");
  await Promise.all(workers.map((w) => w.terminate()));
  const one = median(alone);
  const many = median(all);
  return {
    fleetSize,
    threads,
    aggregateWallStepsPerSecond: round(many),
    oneThreadWallStepsPerSecond: round(one),
    speedup: round(many / one),
    coresAvailable: round(median(cores)),
    runsAggregate: all.map((x) => round(x)),
    runsOneThread: alone.map((x) => round(x)),
  };
};

/** Both cores: the simulation on `as-was` and at 1,000 frontends, in two threads at once and in one. */
export const parallelSection = async (effort: Effort) => {
  const repetitions = Math.min(effort.repetitions, 5);
  const budgetMs = Math.min(effort.budgetMs, 1000);
  return [
    await parallelSimulation(0, 2, repetitions, budgetMs),
    await parallelSimulation(1000, 2, repetitions, budgetMs),
  ];
};
