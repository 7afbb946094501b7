// ---------------------------------------------------------------------------------------------------------
// bench: `npm run bench [-- --quick] [-- --json]`. Measures simulation throughput, time to the first
// counterexample (and to shrink it) for each headline invariant with its breadth-first shortest (shrink
// quality), exhaustive search (bench/exhaustive.ts), scaling with the fleet size, and whole CLI processes
// (bench/cli.ts: start-up, check and verify as a user runs them); prints a table, or with --json one object.
// Each section runs in a child process (its peak RSS is reported; the CLI section's are its commands');
// each figure is a median of several runs. Not a test: nothing here passes or fails, except bad flags (exit 2).
// ---------------------------------------------------------------------------------------------------------
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cliSection } from "./cli.ts";
import { machine } from "./machine.ts";
import { FULL, QUICK } from "./sections.ts";
import { round } from "./stats.ts";
import { judgeTargets, targetLines } from "./targets.ts";
import { verifyWorkersSection } from "./verifyWorkers.ts";
import { FLEET_SIZES } from "./workload.ts";

const USAGE = `Usage: npm run bench [-- --quick] [-- --json]
  --quick   fewer and shorter runs (${QUICK.repetitions} × ${QUICK.budgetMs} ms; one process of each long CLI command); about a minute on an idle machine
  --json    print one JSON object instead of the table
`;

const EXHAUSTIVE_NOTE =
  "breadth-first search (checker/verify/bfs.ts) over every invariant; the headline figures are on `small`, the " +
  "small default checking config, explored completely (runs lists small with one bootstrap at a time, also " +
  "complete, and the first states of as-was); states/s is per CPU second; bytesPerState is the visited set's " +
  "own arrays per stored state (packed key, hash slots, parent and operation; slack included)";

const SHORTEST_NOTE =
  "shortest = breadth-first shortest counterexample under as-was within the states searched; where none is " +
  "found there, shortest is null and shortestAtLeast the proven lower bound (no violation within one step " +
  "fewer). onSmall repeats the comparison on `small`, where every shortest counterexample is within reach";

const PARALLEL_NOTE =
  "every other rate is one thread's, per CPU second; parallel.runs are wall-clock: aggregateWallStepsPerSecond " +
  "is the steps of `threads` worker threads running the simulation workload at once over the wall time of the " +
  "slowest, oneThreadWallStepsPerSecond one of them alone, alternated with it (fleetSize 0 is as-was itself); " +
  "coresAvailable is what the machine gave the threads (a fixed arithmetic loop alone and in every thread at once)";

const CLI_NOTE =
  "cli: whole `node bin/outage.js` processes on the built dist/, each timed by GNU time (wall, user + system " +
  "CPU, peak RSS; medians over `processes`; start-up and exit included); steps is every invariant's steps in " +
  "the --json report summed, stepsPerCpuSecond that over the process's CPU; for verify, states visited per " +
  "CPU second and the process's peak RSS over them; peakRssBytes of any section leaves them out";

const VERIFY_WORKERS_NOTE =
  "verifyWorkers (bench/verifyWorkers.ts): whole processes under GNU time; speedup: `verify --max-states N` on " +
  "as-was with --workers 1 and --workers 2 alternated, per round one's wall over two's, the median; cpuRatio " +
  "the CPU of two over one's; sameOutput whether the --json reports were the same bytes; load average before " +
  "and after (the target is for an idle machine). threeToEight: --workers 2 within a --budget-seconds, and " +
  "docs/verify.md's projected 260 million states at that wall rate (a lower bound on the time)";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

interface ChildOutput<T> {
  readonly result: T;
  readonly peakRssBytes: number;
}

/** Runs one section in a fresh Node process with the same loader (tsx) as this one, plus `flags`. */
const inChild = <T>(
  label: string,
  args: ReadonlyArray<string>,
  flags: ReadonlyArray<string> = [],
): ChildOutput<T> => {
  process.stderr.write(`bench: ${label} …\n`);
  const r = spawnSync(process.execPath, [...process.execArgv, ...flags, CHILD, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench section ${label} failed: ${r.stderr.trim().split("\n")[0]}`);
  return JSON.parse(r.stdout) as ChildOutput<T>;
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const num = (n: number): string => Math.round(n).toLocaleString("en-US");
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);

const run = (argv: ReadonlyArray<string>): number => {
  let values: { quick?: boolean; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { quick: { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean" } },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`bench: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const mode = values.quick ? "quick" : "full";
  const effort = values.quick ? QUICK : FULL;
  const t0 = Date.now();
  const facts = machine();
  type Sim = ReturnType<typeof import("./sections.ts").simulationSection>;
  type First = ReturnType<typeof import("./sections.ts").firstCounterexampleSection>;
  type Scale = ReturnType<typeof import("./sections.ts").scalingSection>;
  type Parallel = Awaited<ReturnType<typeof import("./parallel.ts").parallelSection>>;
  type Exhaustive = ReturnType<typeof import("./exhaustive.ts").exhaustiveSection>;
  interface Shortest {
    readonly asWas: ReturnType<typeof import("./exhaustive.ts").shortestFor>;
    readonly small: ReturnType<typeof import("./exhaustive.ts").shrinkQualityOnSmall>;
  }
  const sim = inChild<Sim>("simulation throughput (as-was)", ["simulation", mode]);
  const first = inChild<First>("first counterexample per headline invariant", ["firstCounterexample", mode]);
  const exhaustive = inChild<Exhaustive>(
    "exhaustive search (small, small one-at-a-time, as-was)",
    ["exhaustive", mode],
    ["--expose-gc"],
  );
  const shortest = inChild<Shortest>("shortest counterexamples (breadth-first) and shrink quality", [
    "shortest",
    mode,
  ]);
  const scaling = FLEET_SIZES.map((n) =>
    inChild<Scale>(`scaling: ${n} frontends`, ["scaling", mode, String(n)]),
  );
  const parallel = inChild<Parallel>("both cores: the simulation in two worker threads at once", [
    "parallel",
    mode,
  ]);
  process.stderr.write("bench: whole CLI processes (bin/outage.js under GNU time) …\n");
  const cli = cliSection(effort);
  process.stderr.write("bench: verify --workers 2 against one thread, and three-to-eight on both cores …\n");
  const verifyWorkers = verifyWorkersSection(effort);
  const out = {
    machine: facts,
    effort: { mode, repetitions: effort.repetitions, msPerThroughputRun: effort.budgetMs },
    simulation: { ...sim.result, peakRssBytes: sim.peakRssBytes },
    firstCounterexample: first.result.map((f) => {
      const s = shortest.result.asWas.find((x) => x.invariant === f.invariant);
      const onSmall = shortest.result.small.find((x) => x.invariant === f.invariant);
      return {
        ...f,
        shortest: s?.shortest ?? null,
        shortestAtLeast: s?.shortestAtLeast ?? null,
        shrinkQuality: s?.shortest != null ? round(f.lengthAfter / s.shortest) : null,
        statesSearchedForShortest: s?.statesSearched ?? null,
        onSmall: onSmall ?? null,
        peakRssBytes: first.peakRssBytes,
      };
    }),
    exhaustive: {
      ...(exhaustive.result[0] as Exhaustive[number]),
      runs: exhaustive.result,
      peakRssBytes: exhaustive.peakRssBytes,
    },
    scaling: scaling.map((s) => ({ ...s.result, peakRssBytes: s.peakRssBytes })),
    parallel: { runs: parallel.result, peakRssBytes: parallel.peakRssBytes },
    cli,
    verifyWorkers,
    peakRssBytes: Math.max(
      sim.peakRssBytes,
      first.peakRssBytes,
      exhaustive.peakRssBytes,
      shortest.peakRssBytes,
      ...scaling.map((s) => s.peakRssBytes),
      parallel.peakRssBytes,
    ),
    notes: {
      exhaustive: EXHAUSTIVE_NOTE,
      shortest: SHORTEST_NOTE,
      parallel: PARALLEL_NOTE,
      cli: CLI_NOTE,
      verifyWorkers: VERIFY_WORKERS_NOTE,
    },
    wallSeconds: round((Date.now() - t0) / 1000),
  };
  const targets = judgeTargets(out);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...out, targets }, null, 2)}\n`);
    return 0;
  }
  const m = out.machine;
  const lines = [
    `kinesis-outage-model bench (${mode}: median of ${effort.repetitions} runs) on ${m.cores} cores, ${m.cpuModel}, Node ${m.nodeVersion}, load ${m.loadAverage1m}`,
    "",
    "Simulation (as-was, every invariant checked after every accepted step)",
    `  model steps/s           ${lpad(num(out.simulation.stepsPerSecond), 12)}   (offered ops/s ${num(out.simulation.offeredOpsPerSecond)})`,
    `  model steps/s, small    ${lpad(num(out.simulation.small.stepsPerSecond), 12)}   (the checking config: 2 frontends growing to 3)`,
    `  checker steps/s         ${lpad(num(out.simulation.checkerStepsPerSecond), 12)}   (npm run check's loop, fast-check included, ${out.simulation.checkerConfig})`,
    `  peak RSS                ${lpad(mb(out.simulation.peakRssBytes), 12)}`,
    "",
    "First counterexample under as-was (default seed, runs and max steps)",
    `  ${pad("invariant", 27)}${lpad("find ms", 9)}${lpad("shrink ms", 11)}${lpad("total ms", 10)}${lpad("cold ms", 9)}${lpad("length", 10)}  shortest`,
    ...out.firstCounterexample.map(
      (f) =>
        `  ${pad(f.invariant, 27)}${lpad(f.msToFind.toFixed(1), 9)}${lpad(f.msToShrink.toFixed(1), 11)}${lpad(f.msTotal.toFixed(1), 10)}${lpad(f.coldMsTotal.toFixed(0), 9)}${lpad(`${f.lengthBefore} → ${f.lengthAfter}`, 10)}  ${f.shortest === null ? `≥ ${f.shortestAtLeast} (none in ${num(f.statesSearchedForShortest ?? 0)} states)` : `${f.shortest} (quality ${f.shrinkQuality})`}`,
    ),
    "  on small (random checker's shrunk length vs breadth-first shortest):",
    ...out.firstCounterexample.map(
      (f) =>
        `  ${pad(f.invariant, 27)}${lpad(`${f.onSmall?.lengthBefore ?? "-"} → ${f.onSmall?.lengthAfter ?? "-"}`, 10)}  shortest ${f.onSmall?.shortest ?? "n/a"} (quality ${f.onSmall?.shrinkQuality ?? "n/a"})`,
    ),
    `  peak RSS ${mb(first.peakRssBytes)}`,
    "",
    "Exhaustive search (breadth-first, every invariant; states/s per CPU second)",
    `  ${pad("config", 32)}${lpad("states/s", 10)}${lpad("states", 9)}${lpad("transitions", 13)}${lpad("B/state", 9)}${lpad("heap B/state", 14)}  key`,
    ...out.exhaustive.runs.map(
      (e) =>
        `  ${pad(e.config, 32)}${lpad(num(e.statesPerSecond), 10)}${lpad(num(e.distinctStates), 9)}${lpad(num(e.transitions), 13)}${lpad(String(e.bytesPerState), 9)}${lpad(e.heapBytesPerState === null ? "n/a" : String(e.heapBytesPerState), 14)}  ${e.keyWords} words${e.complete ? ", complete" : ""}`,
    ),
    `  peak RSS ${mb(out.exhaustive.peakRssBytes)}`,
    "",
    "Scaling (every invariant checked after every accepted step)",
    `  ${lpad("frontends", 9)}${lpad("steps/s", 13)}${lpad("µs/step", 11)}${lpad("ns/step/frontend", 18)}${lpad("peak RSS", 10)}`,
    ...out.scaling.map(
      (s) =>
        `  ${lpad(num(s.fleetSize), 9)}${lpad(num(s.stepsPerSecond), 13)}${lpad(s.microsecondsPerStep.toFixed(2), 11)}${lpad(s.nanosecondsPerStepPerFrontend.toFixed(2), 18)}${lpad(mb(s.peakRssBytes), 10)}`,
    ),
    "",
    "Both cores (the simulation in worker threads; wall-clock steps/s, unlike the per-CPU-second rates above)",
    `  ${pad("config", 24)}${lpad("threads", 8)}${lpad("aggregate", 12)}${lpad("one thread", 12)}${lpad("speedup", 9)}${lpad("cores available", 17)}`,
    ...out.parallel.runs.map(
      (p) =>
        `  ${pad(p.fleetSize === 0 ? "as-was" : `${num(p.fleetSize)} frontends`, 24)}${lpad(String(p.threads), 8)}${lpad(num(p.aggregateWallStepsPerSecond), 12)}${lpad(num(p.oneThreadWallStepsPerSecond), 12)}${lpad(p.speedup.toFixed(2), 9)}${lpad(p.coresAvailable.toFixed(2), 17)}`,
    ),
    "",
    "Whole CLI processes (node bin/outage.js under GNU time; medians)",
    `  ${pad("command", 46)}${lpad("wall ms", 9)}${lpad("CPU ms", 9)}${lpad("peak RSS", 10)}${lpad("per CPU s", 18)}`,
    ...out.cli.map(
      (c) =>
        `  ${pad(c.id, 46)}${lpad(c.wallMs.toFixed(0), 9)}${lpad(c.cpuMs.toFixed(0), 9)}${lpad(mb(c.peakRssBytes), 10)}${lpad(c.stepsPerCpuSecond !== null ? `${num(c.stepsPerCpuSecond)} steps` : c.statesPerCpuSecond !== null ? `${num(c.statesPerCpuSecond)} states` : "", 18)}${c.peakRssBytesPerState === null ? "" : `  (${num(c.peakRssBytesPerState)} B of peak RSS per state)`}`,
    ),
    "",
    "verify on both cores (whole processes; wall-clock)",
    `  as-was, ${num(verifyWorkers.speedup.states)} states: --workers 1 vs 2, ${verifyWorkers.speedup.rounds.map((r) => `${r.oneWallMs.toFixed(0)} / ${r.twoWallMs.toFixed(0)} ms`).join(", ")}: speed-up ${verifyWorkers.speedup.speedup} (CPU ×${verifyWorkers.speedup.cpuRatio}), ${verifyWorkers.speedup.sameOutput ? "same output" : "OUTPUTS DIFFER"}, peak RSS ${mb(verifyWorkers.speedup.peakRssBytesOne)} / ${mb(verifyWorkers.speedup.peakRssBytesTwo)}, load ${verifyWorkers.speedup.loadAverage1m.join(" → ")}`,
    `  three-to-eight, --workers 2, ${verifyWorkers.threeToEight.budgetSeconds} s: ${num(verifyWorkers.threeToEight.states)} states (${num(verifyWorkers.threeToEight.statesPerWallSecond)}/s wall, peak RSS ${mb(verifyWorkers.threeToEight.peakRssBytes)}); ${num(verifyWorkers.threeToEight.projectedStates)} projected states would take at least ${num(verifyWorkers.threeToEight.projectedSeconds)} s`,
    "",
    "Targets of issues 6 and 17 (judged on these figures: bench/targets.ts)",
    ...targetLines(targets),
    "",
    `peak RSS of any section: ${mb(out.peakRssBytes)}; wall time ${out.wallSeconds} s`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
};

process.exitCode = run(process.argv.slice(2));
