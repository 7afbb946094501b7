// ---------------------------------------------------------------------------------------------------------
// bench: the measured sections. Each runs in its own child process (bench/child.ts), so its peak RSS is its
// own and one section's garbage or JIT state does not colour the next. Every figure is the median of
// `repetitions` runs; the individual runs are kept in the result. Times are CPU time (bench/stats.ts cpuMs),
// with wall-clock figures alongside.
// ---------------------------------------------------------------------------------------------------------

import { DEFAULT_RUNS, DEFAULT_SEED } from "../checker/defaults.ts";
import { searchInvariant } from "../checker/search.ts";
import type { Config } from "../model/config.ts";
import { withAllRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { small } from "../model/configs/small.ts";
import { EXPECTATIONS } from "../properties/expectations.ts";
import { INVARIANTS, type Invariant } from "../properties/index.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { simulateFor } from "./simulate.ts";
import { cpuMs, median, nowMs, round } from "./stats.ts";
import { fleetOf, tracesFor } from "./workload.ts";

export interface Effort {
  /** Runs of each measurement; the median is reported. */
  readonly repetitions: number;
  /** Milliseconds each throughput run lasts. */
  readonly budgetMs: number;
}

export const QUICK: Effort = { repetitions: 3, budgetMs: 500 };
export const FULL: Effort = { repetitions: 7, budgetMs: 1500 };

/** The headline invariants: the ones `as-was` is expected to break (properties/expectations.ts). */
export const HEADLINE: ReadonlyArray<Invariant> = INVARIANTS.filter((inv) =>
  EXPECTATIONS.some(
    (e) =>
      Array.isArray(e.remediations) && e.remediations.length === 0 && e.outcomes[inv.name] === "violated",
  ),
);

const TRACES = 1000;

/** The simulation loop's runs on `config`: every invariant checked after every accepted step. */
const simulationRuns = (config: Config, effort: Effort) => {
  const traces = tracesFor(config, TRACES);
  simulateFor(config, traces, effort.budgetMs); // warm-up: let the JIT settle before timing
  return Array.from({ length: effort.repetitions }, () => simulateFor(config, traces, effort.budgetMs));
};

/**
 * Model steps per second on `as-was`, every invariant checked after every step; the same on `small` (the
 * checking config, 2 frontends growing to 3: the "small default config" read literally); and the
 * checker's own rate.
 */
export const simulationSection = (effort: Effort) => {
  const runs = simulationRuns(asWas, effort);
  const rates = runs.map((r) => (r.accepted / r.cpuMs) * 1000);
  const wallRates = runs.map((r) => (r.accepted / r.ms) * 1000);
  const offered = runs.map((r) => (r.offered / r.cpuMs) * 1000);
  const smallRates = simulationRuns(small, effort).map((r) => (r.accepted / r.cpuMs) * 1000);
  // The rate `npm run check` itself reaches: fast-check generation, one invariant and its closeness per
  // step, on as-was with every remediation on (nothing is violated, so there is no shrinking).
  const all = withAllRemediations(asWas);
  const checkRates = Array.from({ length: effort.repetitions }, () => {
    const t0 = cpuMs();
    const steps = INVARIANTS.reduce(
      (n, inv) =>
        n +
        searchInvariant(fleetSpec, all, inv, {
          seed: DEFAULT_SEED,
          runs: DEFAULT_RUNS,
          maxSteps: fleetSpec.defaultMaxSteps,
        }).steps,
      0,
    );
    return (steps / (cpuMs() - t0)) * 1000;
  });
  return {
    config: asWas.name,
    traces: TRACES,
    stepsPerSecond: round(median(rates)),
    wallStepsPerSecond: round(median(wallRates)),
    offeredOpsPerSecond: round(median(offered)),
    runsStepsPerSecond: rates.map((r) => round(r)),
    checkerStepsPerSecond: round(median(checkRates)),
    checkerConfig: all.name,
    small: {
      config: small.name,
      stepsPerSecond: round(median(smallRates)),
      runsStepsPerSecond: smallRates.map((r) => round(r)),
    },
  };
};

/** One search for `inv` under as-was with the CLI's defaults, split into finding and shrinking. */
const timeSearch = (inv: Invariant) => {
  const t0 = cpuMs();
  const w0 = nowMs();
  let lastRunAt = t0;
  // `onRun` fires after every generated run and never during shrinking, so its last call marks the end of
  // the first failing run.
  const r = searchInvariant(fleetSpec, asWas, inv, {
    seed: DEFAULT_SEED,
    runs: DEFAULT_RUNS,
    maxSteps: fleetSpec.defaultMaxSteps,
    onRun: () => {
      lastRunAt = cpuMs();
    },
  });
  const t1 = cpuMs();
  const wallMs = nowMs() - w0;
  return r.status === "violated"
    ? {
        found: true,
        runs: r.runs,
        msToFind: lastRunAt - t0,
        msToShrink: t1 - lastRunAt,
        lengthBefore: r.found.lengthBeforeShrink,
        lengthAfter: r.found.ops.length,
        wallMs,
      }
    : {
        found: false,
        runs: r.runs,
        msToFind: t1 - t0,
        msToShrink: 0,
        lengthBefore: 0,
        lengthAfter: 0,
        wallMs,
      };
};

/** Time to the first counterexample, and to shrink it, for each headline invariant under as-was. */
export const firstCounterexampleSection = (effort: Effort) => {
  // Repetition 0 runs in a fresh process, as `npx outage check` does: it is reported as the cold figure.
  const reps = Array.from({ length: effort.repetitions }, () => HEADLINE.map(timeSearch));
  return HEADLINE.map((inv, i) => {
    const mine = reps.map((rep) => rep[i] as ReturnType<typeof timeSearch>);
    const first = mine[0] as ReturnType<typeof timeSearch>;
    return {
      invariant: inv.name,
      found: first.found,
      runsToFind: first.runs,
      msToFind: round(median(mine.map((m) => m.msToFind))),
      msToShrink: round(median(mine.map((m) => m.msToShrink))),
      msTotal: round(median(mine.map((m) => m.msToFind + m.msToShrink))),
      coldMsTotal: round(first.msToFind + first.msToShrink),
      wallMsTotal: round(median(mine.map((m) => m.wallMs))),
      lengthBefore: first.lengthBefore,
      lengthAfter: first.lengthAfter,
    };
  });
};

/** Steps per second with `size` frontends (every invariant checked after every step). */
export const scalingSection = (effort: Effort, size: number) => {
  const config = fleetOf(size);
  const traces = tracesFor(config, size >= 1000 ? 200 : TRACES);
  simulateFor(config, traces, Math.min(effort.budgetMs, 500));
  const runs = Array.from({ length: effort.repetitions }, () => simulateFor(config, traces, effort.budgetMs));
  const rate = median(runs.map((r) => (r.accepted / r.cpuMs) * 1000));
  return {
    fleetSize: size,
    config: config.name,
    stepsPerSecond: round(rate),
    wallStepsPerSecond: round(median(runs.map((r) => (r.accepted / r.ms) * 1000))),
    microsecondsPerStep: round(1e6 / rate),
    nanosecondsPerStepPerFrontend: round(1e9 / rate / size),
    stepsMeasured: runs.reduce((n, r) => n + r.accepted, 0),
  };
};
