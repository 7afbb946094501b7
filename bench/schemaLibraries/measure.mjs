// bench/schemaLibraries (README.md): one fresh process: CPU and wall time of loading the library, then of defining the config schema,
// emitting its JSON Schema and decoding one good and one bad config.
import { readFileSync } from "node:fs";

const lib = process.argv[2];
const data = JSON.parse(readFileSync("config.json", "utf8"));
const mod = await import(`./${lib}.mjs`);
const c0 = process.cpuUsage();
const t0 = performance.now();
const loaded = await mod.load();
const c1 = process.cpuUsage(c0);
const t1 = performance.now();
const out = mod.use(loaded, data);
const c2 = process.cpuUsage(c0);
const t2 = performance.now();
console.log(
  JSON.stringify({
    lib,
    importCpu: (c1.user + c1.system) / 1000,
    importWall: t1 - t0,
    totalCpu: (c2.user + c2.system) / 1000,
    totalWall: t2 - t0,
    out,
  }),
);
