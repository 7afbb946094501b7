import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { withAllRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { small } from "../model/configs/small.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import {
  offsetPath,
  type RunCheck,
  type RunOptions,
  type RunSpace,
  type Searched,
  searchRunsTogether,
} from "./propertySearch.ts";
import type { Spec } from "./spec.ts";

/**
 * The oracle: one fast-check search per invariant, as `check` ran before the one-pass search (the code of
 * checker/propertySearch.ts before issue 17, without the incremental check). The one-pass search must give
 * each invariant exactly this result: runs, steps, near miss, and fast-check's own shrink and path.
 */
const searchAlone = <S, Op>(
  space: RunSpace<S, Op>,
  check: RunCheck<S>,
  options: RunOptions,
): Searched<Op> => {
  const firstRun = options.path === undefined ? 0 : Number(options.path.split(":")[0]);
  let runsDone = 0;
  let steps = 0;
  let shrinking = false;
  let best = { closeness: -1, run: 0 };
  let firstFailureLength = 0;
  const property = fc.property(space.ops, (ops) => {
    const run = firstRun + runsDone;
    if (!shrinking) runsDone += 1;
    let state = space.initial;
    let ok = check.holds(state);
    for (const op of ops) {
      if (!ok) break;
      const r = space.step(state, op);
      if (E.isLeft(r)) continue;
      state = r.right;
      if (!shrinking) {
        steps += 1;
        const c = check.closeness(state);
        if (c > best.closeness) best = { closeness: c, run };
      }
      ok = check.holds(state);
    }
    if (!shrinking && !ok) {
      shrinking = true;
      firstFailureLength = ops.length;
    }
    return ok;
  });
  const d = fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    endOnFailure: false,
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  const bestOf = { closeness: Math.max(0, best.closeness), path: String(best.run) };
  return d.failed && d.counterexample !== null
    ? {
        runs: runsDone,
        steps,
        best: bestOf,
        failing: {
          ops: d.counterexample[0],
          path: d.counterexamplePath ?? "",
          lengthBeforeShrink: firstFailureLength,
        },
      }
    : { runs: runsDone, steps, best: bestOf };
};

/** The one-pass search and the oracle on `spec` under `config`, every invariant, for given options. */
const bothOn = <C, S, Op>(spec: Spec<C, S, Op>, config: C, maxSteps: number) => {
  const space: RunSpace<S, Op> = {
    ops: spec.opsArb(config, maxSteps),
    initial: spec.init(config),
    step: (s, op) => spec.step(config, s, op),
  };
  const checks = spec.invariants.map(
    (inv): RunCheck<S> => ({
      holds: (s) => O.isNone(inv.check(config, s)),
      closeness: (s) => inv.closeness(config, s),
    }),
  );
  return (options: RunOptions) => ({
    together: searchRunsTogether(space, checks, options),
    alone: checks.map((c) => searchAlone(space, c, options)),
  });
};

const WORKLOADS = [
  { name: "fleet, as-was", both: bothOn(fleetSpec, asWas, 40) },
  { name: "fleet, small", both: bothOn(fleetSpec, small, 40) },
  { name: "fleet, as-was with every remediation", both: bothOn(fleetSpec, withAllRemediations(asWas), 40) },
  { name: "system, as-was", both: bothOn(systemSpec, asWasSystem, 25) },
];

describe("one pass for every invariant gives each the result of its own search", () => {
  for (const w of WORKLOADS) {
    fcTest.prop(
      [
        fc.integer({ min: -2147483648, max: 2147483647 }),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      ],
      { numRuns: 6 },
    )(`${w.name}: seed, runs and a start path`, (seed, runs, start) => {
      const { together, alone } = w.both({
        seed,
        runs,
        ...(start === undefined ? {} : { path: String(start) }),
      });
      expect(together).toEqual(alone);
    });
  }

  test("a replay path into a shrink (3:0:1) starts every invariant at the same value", () => {
    const { together, alone } = bothOn(fleetSpec, asWas, 40)({ seed: 20201125, runs: 40, path: "3:0:1" });
    expect(together).toEqual(alone);
  });
});

describe("offsetPath moves fast-check's path on by whole runs, as its RunExecution.mergePaths does", () => {
  test.each([
    [undefined, 4, "4"],
    ["", 0, "0"],
    ["17", 3, "20"],
    ["3:0:1", 2, "3:0:3"],
  ])("%s + %i → %s", (path, offset, expected) => {
    expect(offsetPath(path, offset)).toBe(expected);
  });
});

describe("the pass hands out each result the moment it is final (issue 15)", () => {
  /** Runs of 0–9 additions of 1 to a counter; "below 3" breaks in some runs, "below 1000" never. */
  const counter: RunSpace<number, number> = {
    ops: fc.array(fc.constant(1), { maxLength: 9 }),
    initial: 0,
    step: (state, op) => E.right(state + op),
  };
  const below = (n: number): RunCheck<number> => ({ holds: (s) => s < n, closeness: (s) => s / n });

  test("a failure is shrunk and told before the next run is generated; a HOLDS at the end of the pass", () => {
    const events: string[] = [];
    const results = searchRunsTogether(
      counter,
      [below(1000), below(3)],
      { seed: 7, runs: 30, onRun: (n) => events.push(`run ${n} done`) },
      {
        onSearched: (j, searched) => events.push(`result ${j} after ${searched.runs} runs`),
        onBroken: (j, runs) => events.push(`broken ${j} at run ${runs}`),
      },
    );
    const failedAt = results[1]?.runs ?? 0;
    expect(results[1]?.failing?.ops).toEqual([1, 1, 1]);
    expect(failedAt).toBeLessThan(30);
    expect(
      events.slice(events.indexOf(`run ${failedAt} done`), events.indexOf(`run ${failedAt} done`) + 4),
    ).toEqual([
      `run ${failedAt} done`,
      `broken 1 at run ${failedAt}`,
      `result 1 after ${failedAt} runs`,
      `run ${failedAt + 1} done`,
    ]);
    expect(events.slice(-2)).toEqual(["run 30 done", "result 0 after 30 runs"]);
  });

  test("a visitor sees every state of every run, also after every check broke, until it is done", () => {
    const seen: number[] = [];
    searchRunsTogether(
      counter,
      [below(1)],
      { seed: 3, runs: 5 },
      {
        visitor: { mark: (state) => seen.push(state), done: () => seen.includes(5) },
      },
    );
    // "below 1" breaks at the first step of the first non-empty run; the visitor still sees it up to 5.
    expect(seen).toContain(5);
  });

  test("an error thrown while a result is told stops the pass and is thrown as it was", () => {
    const boom = new Error("disk full");
    expect(() =>
      searchRunsTogether(
        counter,
        [below(2), below(1000)],
        { seed: 1, runs: 20 },
        {
          onSearched: (j) => {
            if (j === 0) throw boom;
          },
        },
      ),
    ).toThrow(boom);
  });
});
