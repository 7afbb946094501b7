// ---------------------------------------------------------------------------------------------------------
// bench: one worker thread of the parallel simulation (bench/parallel.ts). It builds the same workload as the
// single-threaded section (same config, same traces from the same seed), warms up, says "ready", and then
// runs `simulateFor` once for every "go" it is sent, replying with the tally ("burn": a fixed arithmetic loop,
// replying with its wall-clock ms, to measure how many cores the machine really gives).
// ---------------------------------------------------------------------------------------------------------
import { parentPort, workerData } from "node:worker_threads";
import { asWas } from "../model/configs/asWas.ts";
import { simulateFor } from "./simulate.ts";
import { nowMs } from "./stats.ts";
import { fleetOf, tracesFor } from "./workload.ts";

/** What the parent sends with the worker: the fleet size (0 for `as-was` itself) and the ms per run. */
export interface SimulationJob {
  readonly module: string;
  readonly fleetSize: number;
  readonly budgetMs: number;
}

const job = workerData as SimulationJob;
const config = job.fleetSize === 0 ? asWas : fleetOf(job.fleetSize);
const traces = tracesFor(config, job.fleetSize >= 1000 ? 200 : 1000);
simulateFor(config, traces, Math.min(job.budgetMs, 500));
/** A fixed amount of pure arithmetic, timed in wall-clock ms: how much of a core this thread gets. */
const burn = (): number => {
  const t0 = nowMs();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x = (x + i) % 1_000_003;
  return x < 0 ? Number.NaN : nowMs() - t0;
};

parentPort?.on("message", (m: string) => {
  if (m === "go") parentPort?.postMessage(simulateFor(config, traces, job.budgetMs));
  else if (m === "burn") parentPort?.postMessage(burn());
  else parentPort?.close();
});
parentPort?.postMessage("ready");
