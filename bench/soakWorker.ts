// ---------------------------------------------------------------------------------------------------------
// bench: one worker thread of the soak (bench/soak.ts). It runs soak rounds with seeds index, index + stride,
// index + 2·stride, … (offset by the base seed) until its deadline, and posts each round's result to the parent.
// ---------------------------------------------------------------------------------------------------------
import { parentPort, workerData } from "node:worker_threads";
import { soakRound } from "../analyses/configSearch/soakRound.ts";

export interface SoakJob {
  readonly module: string;
  readonly seed: number;
  readonly index: number;
  readonly stride: number;
  /** Wall-clock ms (Date.now()) after which no new round starts. */
  readonly deadline: number;
}

const job = workerData as SoakJob;
for (let k = 0; Date.now() < job.deadline; k++) {
  const seed = job.seed + job.index + k * job.stride;
  parentPort?.postMessage({ seed, ...soakRound(seed) });
}
parentPort?.close();
