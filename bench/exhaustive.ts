// ---------------------------------------------------------------------------------------------------------
// bench: the exhaustive verifier's sections (issue 6 items 3 and 4), run in their own child processes like the
// rest (bench/child.ts).
//
//   - `exhaustiveSection`: breadth-first search (checker/verify/bfs.ts) over every invariant on `small`, the
//     small default checking config (complete: every reachable state), `small` with one bootstrap at a time
//     (order kept, so no symmetry reduction; complete), and the first N states of `as-was` (bounded). States
//     per second of CPU time (median of several runs after warming up for as long as a throughput run; the first, cold run apart), distinct states, and bytes per stored state: the
//     visited set's own arrays (exact, slack included) and, where the child runs with --expose-gc, the heap
//     and ArrayBuffer growth measured after exploration with the frontier dropped.
//   - `shortestFor`: the shortest counterexample length of each headline invariant, by the same search, for
//     the shrink-quality ratio (shrunk length ÷ shortest).
// ---------------------------------------------------------------------------------------------------------

import { DEFAULT_RUNS, DEFAULT_SEED } from "../checker/defaults.ts";
import { searchInvariant } from "../checker/search.ts";
import { exploreBreadthFirst } from "../checker/verify/bfs.ts";
import type { Config } from "../model/config.ts";
import { asWas, small } from "../model/configs/index.ts";
import { INVARIANTS, type Invariant } from "../properties/index.ts";
import { fleetSpec } from "../specs/fleet.ts";
import type { Effort } from "./sections.ts";
import { cpuMs, median, nowMs, round } from "./stats.ts";

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap in use plus ArrayBuffer memory (the visited set's typed arrays live outside the JS heap). */
const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

export const smallOneBootstrapAtATime: Config = {
  ...small,
  name: "small, one bootstrap at a time",
  coldStart: { ...small.coldStart, maxConcurrentBootstraps: 1 },
};

/** States of `as-was` explored (it is far too large to explore completely). */
export const asWasStates = (effort: Effort): number => (effort.repetitions <= 3 ? 50_000 : 200_000);

/**
 * One exploration, timed. With `measureMemory` (and --expose-gc) a full collection before it and another at its
 * end measure what it holds; such a run is not timed for the rate: a forced collection before a run of 10–100
 * ms cost the run that follows it ×2–3 in states per second (V8 starts it again with a cold, shrunk heap).
 * `collectFirst` collects before a timed run all the same: for the seconds-long `as-was` runs, where the cost
 * is noise and the previous runs' frontiers (200,000 states each) would otherwise pile up in the peak RSS.
 */
const explore = (config: Config, maxStates: number, measureMemory = false, collectFirst = false) => {
  if (measureMemory || collectFirst) {
    gc?.();
    gc?.();
  }
  const before = used();
  let held = Number.NaN;
  let t1 = Number.NaN;
  let w1 = Number.NaN;
  const t0 = cpuMs();
  const w0 = nowMs();
  const r = exploreBreadthFirst(fleetSpec, config, INVARIANTS, {
    maxDepth: 100_000,
    maxStates,
    onFinish: () => {
      // The search ends here; the forced collection that measures memory is not part of its time.
      t1 = cpuMs();
      w1 = nowMs();
      if (gc === undefined || !measureMemory) return;
      gc();
      held = used() - before;
    },
  });
  return { r, cpuMs: t1 - t0, wallMs: w1 - w0, held };
};

/**
 * Explores `config` `repetitions` times after `warmUpMs` of CPU spent exploring it (a complete `small` lasts
 * 10–100 ms, too short for one run to warm the JIT).
 */
const workload = (
  config: Config,
  maxStates: number,
  repetitions: number,
  warmUpMs: number,
  collectFirst = false,
) => {
  // The first exploration in a fresh process is what a single `npx outage verify` pays (JIT compilation
  // included): reported as `coldStatesPerSecond`. Then explore until the JIT has settled, and time.
  const cold = explore(config, Math.min(maxStates, 20_000));
  const warmUntil = cpuMs() + warmUpMs;
  while (cpuMs() < warmUntil) explore(config, Math.min(maxStates, 20_000));
  const runs = Array.from({ length: repetitions }, () => explore(config, maxStates, false, collectFirst));
  const last = runs[runs.length - 1] as ReturnType<typeof explore>;
  const memory = explore(config, maxStates, true);
  return {
    config: config.name,
    complete: last.r.complete,
    statesPerSecond: round(median(runs.map((x) => (x.r.states / x.cpuMs) * 1000))),
    coldStatesPerSecond: round((cold.r.states / cold.cpuMs) * 1000),
    wallStatesPerSecond: round(median(runs.map((x) => (x.r.states / x.wallMs) * 1000))),
    transitionsPerSecond: round(median(runs.map((x) => (x.r.transitions / x.cpuMs) * 1000))),
    distinctStates: last.r.states,
    transitions: last.r.transitions,
    bytesPerState: round(last.r.memory.visitedBytes / last.r.states),
    heapBytesPerState: Number.isNaN(memory.held) ? null : round(memory.held / memory.r.states),
    keyWords: last.r.memory.keyWords,
    unpackedStates: last.r.memory.unpackedStates,
    runsStatesPerSecond: runs.map((x) => round((x.r.states / x.cpuMs) * 1000)),
  };
};

/** States per second, distinct states and bytes per state of breadth-first search; the first run is `small`'s. */
export const exhaustiveSection = (effort: Effort) => [
  workload(small, 1_000_000, Math.max(effort.repetitions, 5), effort.budgetMs),
  workload(smallOneBootstrapAtATime, 1_000_000, Math.max(effort.repetitions, 5), effort.budgetMs),
  workload(asWas, asWasStates(effort), Math.min(effort.repetitions, 3), effort.budgetMs, true),
];

/**
 * The shortest counterexample to each of `invariants` under `config`, by breadth-first search of at most
 * `maxStates` states: `shortest` when it found one, else `shortestAtLeast` (no violation within `depth` steps).
 */
export const shortestFor = (config: Config, invariants: ReadonlyArray<Invariant>, maxStates: number) => {
  const t0 = cpuMs();
  const r = exploreBreadthFirst(fleetSpec, config, invariants, { maxDepth: 100_000, maxStates });
  const ms = round(cpuMs() - t0);
  return r.verdicts.map(({ invariant, verdict }) => ({
    invariant: invariant.name,
    shortest: verdict.status === "violated" ? verdict.depth : null,
    shortestAtLeast: verdict.status === "violated" ? verdict.depth : verdict.depth + 1,
    proved: verdict.status === "proved",
    statesSearched: r.states,
    msSearch: ms,
  }));
};

/**
 * Shrink quality on `small`, where every shortest counterexample is within reach: the random checker's shrunk
 * length (CLI defaults) against the breadth-first shortest, per invariant.
 */
export const shrinkQualityOnSmall = (invariants: ReadonlyArray<Invariant>) => {
  const shortest = shortestFor(small, invariants, 1_000_000);
  return invariants.map((inv, i) => {
    const r = searchInvariant(fleetSpec, small, inv, {
      seed: DEFAULT_SEED,
      runs: DEFAULT_RUNS,
      maxSteps: fleetSpec.defaultMaxSteps,
    });
    const s = shortest[i] as (typeof shortest)[number];
    const lengthAfter = r.status === "violated" ? r.found.ops.length : null;
    return {
      invariant: inv.name,
      config: small.name,
      lengthBefore: r.status === "violated" ? r.found.lengthBeforeShrink : null,
      lengthAfter,
      shortest: s.shortest,
      shrinkQuality: lengthAfter !== null && s.shortest !== null ? round(lengthAfter / s.shortest) : null,
    };
  });
};
