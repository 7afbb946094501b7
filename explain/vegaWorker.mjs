// explain: renders Vega-Lite specs to SVG inside a worker thread, so the synchronous CLI can wait for Vega's
// asynchronous renderer (explain/renderSvg.ts). One worker serves every chart of a process: each request
// brings the spec and a flag to raise when the answer has been posted. Plain JavaScript: workers do not load
// TypeScript.
import { workerData } from "node:worker_threads";
import * as vega from "vega";
import { compile } from "vega-lite";

const { port } = workerData;
port.on("message", async ({ spec, flag }) => {
  const signal = new Int32Array(flag);
  try {
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
    const svg = await view.toSVG();
    view.finalize();
    port.postMessage({ svg });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
