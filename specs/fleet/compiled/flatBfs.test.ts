import { describe, expect, it } from "vitest";
import type { BfsOptions, BfsProgress, BfsResult } from "../../../checker/exploration.ts";
import { exploreBreadthFirst, exploreReference } from "../../../checker/verify/bfs.ts";
import { type Config, REMEDIATION_NAMES, withRemediations } from "../../../model/config.ts";
import { asWas, small, threeToEight } from "../../../model/configs/index.ts";
import type { Op } from "../../../model/ops.ts";
import type { State } from "../../../model/state.ts";
import { INVARIANTS, type Invariant } from "../../../properties/index.ts";
import { fleetSpec } from "../../fleet.ts";
import { exploreFlat } from "./flatBfs.ts";

/** The reference search (checker/verify/bfs.ts) over the fleet's `step`, the definition the flat search must meet. */
const exploreBreadthFirstReference = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  options: BfsOptions,
): BfsResult<Config, State, Op> => {
  const exploration = fleetSpec.exploration;
  if (exploration === undefined) throw new Error("the fleet has an exploration");
  return exploreReference(fleetSpec, exploration, config, invariants, options);
};

const oneAtATime: Config = {
  ...small,
  name: "small, one bootstrap at a time",
  coldStart: { ...small.coldStart, maxConcurrentBootstraps: 1 },
};

/** A run of one engine: its result and every progress, level and finish call it made. */
const run = (
  engine: (c: Config, i: ReadonlyArray<Invariant>, o: BfsOptions) => unknown,
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  bounds: { readonly maxDepth: number; readonly maxStates: number },
) => {
  const progress: BfsProgress[] = [];
  const finished: number[] = [];
  const levels: Array<readonly [number, number]> = [];
  const result = engine(config, invariants, {
    ...bounds,
    onProgress: (p) => progress.push(p),
    onLevel: (depth, states) => levels.push([depth, states]),
    onFinish: (n) => finished.push(n),
  });
  return { result, progress, levels, finished };
};

const complete = { maxDepth: 1000, maxStates: 1_000_000 };
const asWasFirst = { maxDepth: 1000, maxStates: 20_000 };
const cases: ReadonlyArray<readonly [Config, { readonly maxDepth: number; readonly maxStates: number }]> = [
  [small, complete],
  ...REMEDIATION_NAMES.map((n) => [withRemediations(small, [n]), complete] as const),
  [oneAtATime, complete],
  [asWas, asWasFirst],
  [withRemediations(asWas, ["waitForCompleteMap"]), { maxDepth: 6, maxStates: 20_000 }],
  // Eight frontends, sorted in the key: the frontier keeps each state's fleet order beside its index.
  [threeToEight, { maxDepth: 1000, maxStates: 20_000 }],
  [withRemediations(threeToEight, ["preflightGuard"]), { maxDepth: 1000, maxStates: 20_000 }],
];

describe("the flat search gives the reference search's result", () => {
  it.each(cases.map(([c, b]) => [c.name, c, b] as const))(
    "%s, every invariant at once: same states, transitions, verdicts, traces, messages and progress calls",
    (_name, config, bounds) => {
      const flat = run(exploreFlat, config, INVARIANTS, bounds);
      expect(flat.result).toBeDefined();
      expect(flat).toEqual(run(exploreBreadthFirstReference, config, INVARIANTS, bounds));
    },
  );

  it.each(INVARIANTS.map((inv) => [inv.name, inv] as const))(
    "%s alone, on small and on as-was's first 20,000 states: the same result",
    (_name, inv) => {
      for (const [config, bounds] of [
        [small, complete],
        [asWas, asWasFirst],
      ] as const) {
        const flat = run(exploreFlat, config, [inv], bounds);
        expect(flat.result).toBeDefined();
        expect(flat).toEqual(run(exploreBreadthFirstReference, config, [inv], bounds));
      }
    },
  );

  it("reports each level of a complete search once: depths 0 to the diameter, states rising to the total", () => {
    const { result, levels } = run(exploreFlat, small, INVARIANTS.slice(0, 1), complete);
    const r = result as BfsResult<Config, State, Op>;
    const verdict = r.verdicts[0]?.verdict;
    expect(verdict?.status).toBe("proved");
    expect(levels.map(([d]) => d)).toEqual(Array.from({ length: (verdict?.depth ?? 0) + 1 }, (_, d) => d));
    expect(levels[0]).toEqual([0, 1]);
    expect(levels.at(-1)?.[1]).toBe(r.states);
    for (let d = 1; d < levels.length; d++)
      expect(levels[d]?.[1] as number).toBeGreaterThan(levels[d - 1]?.[1] as number);
  });

  it("stops at the state bound where the reference does", () => {
    const bounds = { maxDepth: 1000, maxStates: 1234 };
    expect(run(exploreFlat, small, INVARIANTS, bounds)).toEqual(
      run(exploreBreadthFirstReference, small, INVARIANTS, bounds),
    );
  });

  it("gives way to the reference search for a config whose frontend codes are too wide to pack", () => {
    // 30 shards, and lags and bootstraps up to 1,000 ticks: 58 bits per frontend, past the packed key's 52.
    const wide: Config = {
      ...small,
      name: "small, wide",
      shards: { ...small.shards, shardCount: 30 },
      membership: { propagationDelayTicks: 1000 },
      coldStart: { ...small.coldStart, bootstrapTicks: 1000 },
    };
    const bounds = { maxDepth: 1000, maxStates: 300 };
    expect(exploreFlat(wide, INVARIANTS, bounds)).toBeUndefined();
    const reference = exploreBreadthFirstReference(wide, INVARIANTS, bounds);
    expect(reference.memory.unpackedStates).toBe(reference.states);
    expect(exploreBreadthFirst(fleetSpec, wide, INVARIANTS, bounds)).toEqual(reference);
  });

  it("gives way to the reference search for an invariant it has no flat form of", () => {
    const [first] = INVARIANTS;
    if (first === undefined) throw new Error("an invariant is registered");
    const copy: Invariant = { ...first };
    expect(exploreFlat(small, [copy], complete)).toBeUndefined();
    expect(exploreBreadthFirst(fleetSpec, small, [copy], complete)).toEqual(
      exploreBreadthFirstReference(small, [copy], complete),
    );
  });
});

describe("a caller's stop (the CLI's time budget)", () => {
  /** A stop that says yes at its `n`th question: deterministic, so both searches can be compared. */
  const stopAt = (n: number) => {
    let asked = 0;
    return () => ++asked >= n;
  };

  it("stops both searches at the same place: what was not violated is bounded by the budget, none proved", () => {
    const results = [exploreFlat, exploreBreadthFirstReference].map((engine) =>
      engine(
        asWas,
        INVARIANTS.filter((i) => i.name !== "ThreadBudget"),
        {
          maxDepth: 1000,
          maxStates: 1_000_000,
          stop: stopAt(50),
        },
      ),
    );
    expect(results[0]).toEqual(results[1]);
    const r = results[0] as BfsResult<Config, State, Op>;
    expect(r.complete).toBe(false);
    const statuses = r.verdicts.map(({ verdict: v }) =>
      v.status === "bounded" ? `bounded by ${v.bound}` : v.status,
    );
    expect(statuses).toContain("bounded by budget");
    expect(statuses.filter((v) => v !== "violated" && v !== "bounded by budget")).toEqual([]);
  });

  it("is asked every few candidates, so a search of large states stops soon after its budget", () => {
    let asked = 0;
    exploreBreadthFirst(fleetSpec, small, INVARIANTS, {
      maxDepth: 1000,
      maxStates: 1_000_000,
      stop: () => {
        asked += 1;
        return false;
      },
    });
    const complete = exploreBreadthFirst(fleetSpec, small, INVARIANTS, {
      maxDepth: 1000,
      maxStates: 1_000_000,
    });
    expect(asked).toBeGreaterThan(complete.transitions / 64);
  });
});
