// ---------------------------------------------------------------------------------------------------------
// explain: Vega-Lite spec -> SVG, with Vega's own renderer (no canvas: text is measured by Vega's built-in
// estimate, which makes the bytes the same on every machine). Vega renders asynchronously and the CLI's
// commands are synchronous, so the rendering runs in a worker thread and this thread waits for it. One worker
// serves every chart of the process (loading Vega takes longer than rendering a chart; `npm run docs` renders
// one per counterexample): a chart's bytes do not depend on what the worker rendered before, which
// explain/docs.test.ts checks on every committed chart and explain/explain.test.ts on one rendered twice.
// ---------------------------------------------------------------------------------------------------------
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";

const WORKER = new URL("./vegaWorker.mjs", import.meta.url);
const TIMEOUT_MS = 60_000;

interface Renderer {
  readonly worker: Worker;
  readonly port: MessagePort;
}

/** The process's renderer, started at the first chart; it does not keep the process alive. */
let renderer: Renderer | undefined;

const start = (): Renderer => {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { workerData: { port: port2 }, transferList: [port2] });
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
};

/** Stops the renderer after a failure, so that the next chart starts a fresh one (no late answer is read). */
const stop = (r: Renderer): void => {
  if (renderer === r) renderer = undefined;
  void r.worker.terminate();
  r.port.close();
};

/** Renders a Vega-Lite spec to SVG text (ends with a newline). */
export const renderSvg = (spec: Readonly<Record<string, unknown>>): string => {
  renderer ??= start();
  const r = renderer;
  const flag = new SharedArrayBuffer(4);
  r.port.postMessage({ spec, flag });
  const outcome = Atomics.wait(new Int32Array(flag), 0, 0, TIMEOUT_MS);
  const reply = receiveMessageOnPort(r.port)?.message as { svg?: string; error?: string } | undefined;
  if (reply?.svg !== undefined) return reply.svg.endsWith("\n") ? reply.svg : `${reply.svg}\n`;
  stop(r);
  throw new Error(
    `chart rendering failed: ${reply?.error ?? (outcome === "timed-out" ? "timed out" : "no answer")}`,
  );
};
