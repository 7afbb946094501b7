// checker/verify: the entry point of a worker thread of the parallel flat search (flatParallel.ts). Plain
// JavaScript, so that it can report any failure of the worker, loading its module included: it imports the
// module it is given (registering tsx first when that module is TypeScript: worker threads do not inherit the
// parent's loader), runs it, and on an error sets its error word and posts the message, one line, on its port.
import { workerData } from "node:worker_threads";

try {
  if (workerData.tsx) (await import("tsx/esm/api")).register();
  const { runFlatWorker } = await import(workerData.module);
  runFlatWorker();
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  workerData.port.postMessage({ error: message.split("\n")[0] });
  const ctrl = new Int32Array(workerData.ctrl);
  Atomics.store(ctrl, workerData.errorAt, 1);
  Atomics.notify(ctrl, workerData.errorAt);
}
