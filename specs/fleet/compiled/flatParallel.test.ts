import { describe, expect, it } from "vitest";
import type { BfsOptions, BfsProgress } from "../../../checker/exploration.ts";
import {
  type Config,
  REMEDIATION_NAMES,
  withAllRemediations,
  withRemediations,
} from "../../../model/config.ts";
import { asWas, small, threeToEight } from "../../../model/configs/index.ts";
import { INVARIANTS, type Invariant } from "../../../properties/index.ts";
import { exploreFlat } from "./flatBfs.ts";
import { defaultWorkerEntry, type ParallelTuning, type WorkerEntry, WorkerFailure } from "./flatParallel.ts";

/** A run of the flat search: its result and every level and finish call it made. */
const run = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  bounds: { readonly maxDepth: number; readonly maxStates: number },
  workers: number,
  tuning?: ParallelTuning,
) => {
  const levels: Array<readonly [number, number]> = [];
  const finished: number[] = [];
  const progress: BfsProgress[] = [];
  const options: BfsOptions = {
    ...bounds,
    workers,
    onLevel: (depth, states) => levels.push([depth, states]),
    onFinish: (n) => finished.push(n),
    onProgress: (p) => progress.push(p),
  };
  const result = exploreFlat(config, invariants, options, undefined, tuning);
  return { result, levels, finished, lastProgress: progress.at(-1) };
};

/**
 * The workers' code as built in dist/ (vitest's global setup builds it when a source is newer): plain
 * JavaScript, so a worker starts without compiling TypeScript through tsx, which under a loaded test run
 * was the slow and the fragile part. One test below starts them from the sources instead.
 */
const built: WorkerEntry = {
  boot: new URL("../../../dist/specs/fleet/compiled/flatWorkerBoot.mjs", import.meta.url),
  module: new URL("../../../dist/specs/fleet/compiled/flatWorker.js", import.meta.url).href,
  tsx: false,
};
// Workers from the first level on, in chunks of 7 states: many chunks per level, every slot of each worker;
// the main thread only reads, so every chunk is a worker's.
const everyLevel: ParallelTuning = {
  useWorkersAt: 1,
  startWorkersAt: 1,
  chunk: 7,
  entry: built,
  mainExpands: false,
};
// The same with the main thread expanding whatever chunk it would otherwise wait for (the default).
const everyLevelShared: ParallelTuning = { ...everyLevel, mainExpands: true };
const complete = { maxDepth: 1000, maxStates: 1_000_000 };
const cases: ReadonlyArray<readonly [Config, { readonly maxDepth: number; readonly maxStates: number }]> = [
  [small, complete],
  ...REMEDIATION_NAMES.map((n) => [withRemediations(small, [n]), complete] as const),
  // Bounded: the --max-states bound falls inside a level, so the stop must come at the same successor.
  [asWas, { maxDepth: 1000, maxStates: 20_000 }],
  [withAllRemediations(asWas), { maxDepth: 1000, maxStates: 20_000 }],
  [withRemediations(asWas, ["waitForCompleteMap"]), { maxDepth: 6, maxStates: 20_000 }],
  // Eight frontends, sorted in the key: the records carry each successor's fleet order.
  [threeToEight, { maxDepth: 1000, maxStates: 20_000 }],
];

describe("the flat search on worker threads gives what one thread gives", () => {
  for (const [config, bounds] of cases)
    it(`${config.name} (${bounds.maxStates} states, depth ${bounds.maxDepth}): same verdicts, states, transitions and traces with 2 workers`, () => {
      const one = run(config, INVARIANTS, bounds, 1);
      const two = run(config, INVARIANTS, bounds, 2, everyLevel);
      expect(one.result).toBeDefined();
      expect(two.result).toEqual(one.result);
      expect(two.levels).toEqual(one.levels);
      expect(two.finished).toEqual(one.finished);
    });

  for (const [config, bounds] of [cases[0], ...cases.slice(-4)] as typeof cases)
    it(`${config.name} (${bounds.maxStates} states): the same with the main thread expanding the chunks it would wait for`, () => {
      const one = run(config, INVARIANTS, bounds, 1);
      const two = run(config, INVARIANTS, bounds, 2, everyLevelShared);
      expect(two.result).toEqual(one.result);
      expect(two.levels).toEqual(one.levels);
      expect(two.finished).toEqual(one.finished);
    });

  it("as-was with the default level sizes (workers only for levels of 2,048 states and more) and 3 workers: the same", () => {
    const bounds = { maxDepth: 1000, maxStates: 60_000 };
    const one = run(asWas, INVARIANTS, bounds, 1);
    const three = run(asWas, INVARIANTS, bounds, 3, { entry: built });
    expect(three.result).toEqual(one.result);
    expect(three.levels).toEqual(one.levels);
  });

  it("chunks of 1 to 5 states, so that several chunks wait their turn for each output slot: the same, with 2 and 3 workers", () => {
    const bounds = { maxDepth: 1000, maxStates: 30_000 };
    for (const config of [asWas, threeToEight]) {
      const one = run(config, INVARIANTS, bounds, 1);
      for (const [workers, chunk] of [
        [2, 1],
        [3, 5],
      ] as const) {
        const tuning = { useWorkersAt: 64, startWorkersAt: 1, chunk, entry: built };
        expect(run(config, INVARIANTS, bounds, workers, tuning).result).toEqual(one.result);
      }
    }
  });

  it("each of three invariants alone on small: the same shortest counterexample, found at the same visited count", () => {
    for (const inv of INVARIANTS.slice(0, 3)) {
      const one = run(small, [inv], complete, 1);
      const two = run(small, [inv], complete, 2, everyLevel);
      expect(two.result?.verdicts).toEqual(one.result?.verdicts);
    }
  });

  it("with the workers started from the TypeScript sources (the default entry there): the same on three-to-eight", () => {
    const bounds = { maxDepth: 1000, maxStates: 20_000 };
    const one = run(threeToEight, INVARIANTS, bounds, 1);
    const two = run(threeToEight, INVARIANTS, bounds, 2, { useWorkersAt: 1, startWorkersAt: 1, chunk: 7 });
    expect(two.result).toEqual(one.result);
  });

  it("reports progress as the search goes", () => {
    const two = run(asWas, INVARIANTS, { maxDepth: 1000, maxStates: 20_000 }, 2, everyLevel);
    expect(two.lastProgress?.states).toBeGreaterThan(10_000);
  });
});

describe("a worker that fails", () => {
  const failing = (module: string): ParallelTuning => ({
    useWorkersAt: 1,
    startWorkersAt: 1,
    entry: { ...defaultWorkerEntry(), module },
  });

  // The main thread expands what the worker has not claimed, so on `small` it may finish alone before the
  // worker has even loaded: the failure must surface all the same.
  it("throwing as it starts: the search throws a WorkerFailure of one line naming the worker", () => {
    const module = new URL("../../../test/failingFlatWorker.ts", import.meta.url).href;
    const attempt = () => run(small, INVARIANTS, complete, 2, failing(module));
    expect(attempt).toThrow(WorkerFailure);
    expect(attempt).toThrow(/^verify --workers 2: worker [12] failed: planted failure$/);
  });

  it("whose module cannot be loaded: the same, with the loader's reason", () => {
    const module = new URL("./noSuchWorker.ts", import.meta.url).href;
    expect(() => run(small, INVARIANTS, complete, 2, failing(module))).toThrow(
      /^verify --workers 2: worker [12] failed: .*noSuchWorker/,
    );
  });
});
