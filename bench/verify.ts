// ---------------------------------------------------------------------------------------------------------
// bench: breadth-first verification speed and memory (`npm run bench:verify`). Memory is the visited set, per
// visited state, measured after exploration (frontier dropped, garbage collected).
// Two figures: the visited set's own arrays (exact, slack of the doubling arrays included) and the heap delta
// (run with --expose-gc, as the npm script does; approximate: V8 may still hold garbage of an earlier run).
// ---------------------------------------------------------------------------------------------------------

import { exploreBreadthFirst } from "../checker/verify/bfs.ts";
import type { Config } from "../model/config.ts";
import { asWas, small } from "../model/configs/index.ts";
import { INVARIANTS } from "../properties/index.ts";
import { fleetSpec } from "../specs/fleet.ts";

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap in use plus ArrayBuffer memory (the visited set's typed arrays live outside the JS heap). */
const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const bench = (label: string, config: Config, maxStates: number): void => {
  gc?.();
  const before = used();
  let held = 0;
  const started = performance.now();
  const r = exploreBreadthFirst(fleetSpec, config, INVARIANTS, {
    maxDepth: 1000,
    maxStates,
    onFinish: () => {
      gc?.();
      held = used() - before;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  // On a small run the collection in onFinish can free more garbage of earlier work than the run kept: the
  // delta is then negative and says nothing about this run's states.
  const heap =
    gc === undefined
      ? "heap n/a (run with --expose-gc)"
      : held < 0
        ? "heap n/a (the collection freed more than the run kept)"
        : `heap ${Math.round(held / r.states)} B/state`;
  const bytes = `visited set ${Math.round(r.memory.visitedBytes / r.states)} B/state (${r.memory.keyWords}-word keys), ${heap}`;
  process.stdout.write(
    `${label.padEnd(44)} ${String(r.states).padStart(7)} states ${String(r.transitions).padStart(9)} transitions ${seconds.toFixed(2).padStart(6)} s ${Math.round(
      r.states / seconds,
    )
      .toString()
      .padStart(6)} states/s  ${bytes}${r.complete ? "  (complete)" : ""}\n`,
  );
};

const oneBootstrapAtATime: Config = {
  ...small,
  name: "small, one bootstrap at a time",
  coldStart: { ...small.coldStart, maxConcurrentBootstraps: 1 },
};

// Warm-up: the first exploration also allocates compiled code and caches, which are not per-state memory.
exploreBreadthFirst(fleetSpec, asWas, INVARIANTS, { maxDepth: 1000, maxStates: 20_000 });

bench("small (sorted: full symmetry reduction)", small, 1_000_000);
bench("small, one bootstrap at a time (order kept)", oneBootstrapAtATime, 1_000_000);
bench("as-was, first 50,000 states", asWas, 50_000);
bench("as-was, first 200,000 states", asWas, 200_000);
