// explain: renders one Vega-Lite spec to SVG inside a worker thread, so the synchronous CLI can wait for
// Vega's asynchronous renderer (explain/renderSvg.ts). Plain JavaScript: workers do not load TypeScript.
import { workerData } from "node:worker_threads";
import * as vega from "vega";
import { compile } from "vega-lite";

const { spec, port, flag } = workerData;
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
