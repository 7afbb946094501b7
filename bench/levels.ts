// ---------------------------------------------------------------------------------------------------------
// bench: states per breadth-first level, for the projections in docs/verify.md and docs/performance.md
// (issue 17: "the measured states per depth and a projection of what it would take").
//
//   npm run -s bench:levels -- CONFIG [REMEDIATION,...|all] [CPU_SECONDS] [THREADS]
//
// Explores the built-in CONFIG (with the remediations named, or every one) breadth-first over every invariant,
// as `npx outage verify` does (the same engine, so the compiled search where it applies; on THREADS threads,
// default 1, as `verify --workers THREADS`), until the search ends or CPU_SECONDS (default 600) of the
// process's CPU time, every thread's, are spent. Per level it prints the depth, the states within that depth,
// the level's own new states, the growth factor over the previous level, and the CPU seconds, wall seconds and
// peak RSS when the level was known; at the end, the states per CPU second and bytes of peak RSS per state.
// Not a test: nothing passes or fails.
// ---------------------------------------------------------------------------------------------------------
import { exploreBreadthFirst } from "../checker/verify/bfs.ts";
import { applyRemediations, BadInput, loadConfig } from "../cli/input.ts";
import type { Config } from "../model/config.ts";
import { INVARIANTS } from "../properties/index.ts";
import { fleetSpec } from "../specs/fleet.ts";

const fail = (message: string): never => {
  process.stderr.write(`bench:levels: ${message}\n`);
  process.exit(2);
};

const [name = "", remediations = "", seconds = "600", threadsArg = "1"] = process.argv.slice(2);
/** The config as the CLI reads `--config NAME|FILE --remediation LIST` (cli/input.ts), its errors in one line. */
const config: Config = (() => {
  try {
    return applyRemediations(loadConfig(name === "" ? undefined : name), [remediations]);
  } catch (e) {
    return e instanceof BadInput ? fail(e.message) : fail(String(e));
  }
})();
const budget = Number(seconds);
if (!(budget > 0)) fail(`CPU_SECONDS must be a positive number, not ${seconds}`);
const threads = Number(threadsArg);
if (!(Number.isInteger(threads) && threads >= 1 && threads <= 64))
  fail(`THREADS must be an integer from 1 to 64, not ${threadsArg}`);

const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
const mib = (b: number): string => `${Math.round(b / 2 ** 20)} MiB`;

process.stdout.write(
  `${config.name}: states per breadth-first level, every invariant, CPU budget ${budget} s, ${threads} thread${threads === 1 ? "" : "s"}\n`,
);
process.stdout.write("depth      states within       new at depth  growth   CPU s  wall s   peak RSS\n");
const start = cpu();
const wallStart = performance.now();
let previous = 0;
let previousNew = 0;
const r = exploreBreadthFirst(fleetSpec, config, INVARIANTS, {
  maxDepth: 1_000_000,
  maxStates: 2 ** 31 - 1,
  workers: threads,
  stop: () => cpu() - start > budget,
  onLevel: (depth, states) => {
    const fresh = states - previous;
    const growth = previousNew > 0 ? (fresh / previousNew).toFixed(2) : "";
    process.stdout.write(
      `${String(depth).padStart(5)} ${states.toLocaleString("en").padStart(18)} ${fresh.toLocaleString("en").padStart(18)} ${growth.padStart(7)} ${(cpu() - start).toFixed(1).padStart(7)} ${((performance.now() - wallStart) / 1000).toFixed(1).padStart(7)} ${mib(peakRss()).padStart(10)}\n`,
    );
    previous = states;
    previousNew = fresh;
  },
});
const spent = cpu() - start;
const verdicts = r.verdicts.map(
  ({ invariant, verdict }) => `${invariant.name} ${verdict.status} (depth ${verdict.depth})`,
);
process.stdout.write(
  `${r.complete ? "complete" : "stopped"}: ${r.states.toLocaleString("en")} states, ${r.transitions.toLocaleString("en")} transitions, ${spent.toFixed(1)} CPU s (${Math.round(r.states / spent).toLocaleString("en")} states per CPU second), peak RSS ${mib(peakRss())} (${Math.round(peakRss() / r.states)} B/state)\n${verdicts.join("; ")}\n`,
);
