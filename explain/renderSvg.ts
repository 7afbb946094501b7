// ---------------------------------------------------------------------------------------------------------
// explain: Vega-Lite spec -> SVG, with Vega's own renderer (no canvas: text is measured by Vega's built-in
// estimate, which makes the bytes the same on every machine). Vega renders asynchronously and the CLI's
// commands are synchronous, so the rendering runs in a fresh worker thread and this thread waits for it;
// a fresh worker per chart also keeps Vega's internal id counters from leaking between charts.
// ---------------------------------------------------------------------------------------------------------
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

const WORKER = new URL("./vegaWorker.mjs", import.meta.url);
const TIMEOUT_MS = 60_000;

/** Renders a Vega-Lite spec to SVG text (ends with a newline). */
export const renderSvg = (spec: Readonly<Record<string, unknown>>): string => {
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { workerData: { spec, port: port2, flag }, transferList: [port2] });
  try {
    const outcome = Atomics.wait(new Int32Array(flag), 0, 0, TIMEOUT_MS);
    const reply = receiveMessageOnPort(port1)?.message as { svg?: string; error?: string } | undefined;
    if (reply?.svg !== undefined) return reply.svg.endsWith("\n") ? reply.svg : `${reply.svg}\n`;
    throw new Error(
      `chart rendering failed: ${reply?.error ?? (outcome === "timed-out" ? "timed out" : "no answer")}`,
    );
  } finally {
    void worker.terminate();
    port1.close();
  }
};
