// Issue 15: check shows where it is (runs, steps, the shrinking and minimizing phases).
import { describe, expect, test } from "vitest";
import type { SearchProgress } from "../checker/propertySearch.ts";
import { searchInvariant } from "../checker/search.ts";
import { asWas } from "../model/configs/index.ts";
import { invariantNamed } from "../properties/index.ts";
import { fleetSpec } from "../specs/index.ts";
import { progressText } from "./check.ts";
import { progress } from "./progress.ts";

describe("check's progress", () => {
  test("the search reports its runs and steps, then shrinking and minimizing a violation, with counts", () => {
    const inv = invariantNamed("ThreadBudget");
    if (inv === undefined) throw new Error("ThreadBudget is registered");
    const seen: SearchProgress[] = [];
    const r = searchInvariant(fleetSpec, asWas, inv, {
      seed: 20201125,
      runs: 300,
      maxSteps: 80,
      onProgress: (p) => seen.push(p),
    });
    expect(r.status).toBe("violated");
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(["searching", "shrinking", "minimizing"]);
    expect(seen.find((p) => p.phase === "searching")?.steps).toBeGreaterThan(0);
    expect(seen.filter((p) => p.phase === "shrinking").at(-1)?.attempts).toBeGreaterThan(0);
  });

  test("the progress line names what is searched together, runs of total and steps, or the phase", () => {
    expect(progressText("6 invariants", 300, { phase: "searching", runs: 3, steps: 120, attempts: 0 })).toBe(
      "6 invariants: run 3 of 300, 120 steps",
    );
    expect(progressText("6 invariants", 300, { phase: "shrinking", runs: 3, steps: 120, attempts: 41 })).toBe(
      "6 invariants: shrinking a counterexample, 41 attempts",
    );
  });
});

describe("a note among the progress lines (a result known early)", () => {
  const logged = (tty: boolean) => {
    const err: string[] = [];
    return { io: { out: () => undefined, err: (t: string) => void err.push(t), errIsTty: tty }, err };
  };

  test("is a line of its own once the first second has passed, and nothing before", () => {
    let now = 0;
    const { io, err } = logged(false);
    const bar = progress(true, io, () => now);
    bar.note("check: too early");
    now = 1000;
    bar.note("check: ThreadBudget VIOLATED");
    bar.note("check: not throttled");
    expect(err).toEqual(["check: ThreadBudget VIOLATED\n", "check: not throttled\n"]);
  });

  test("on a terminal it clears the progress line it replaces, which is redrawn below it", () => {
    let now = 0;
    const { io, err } = logged(true);
    const bar = progress(true, io, () => now);
    now = 1500;
    bar.update("run 3 of 300");
    bar.note("check: ThreadBudget VIOLATED");
    expect(err).toEqual(["\r\x1b[K… run 3 of 300 (1.5 s)", "\r\x1b[Kcheck: ThreadBudget VIOLATED\n"]);
  });

  test("done clears the progress line once, so check's report can be printed below it as it comes", () => {
    let now = 0;
    const { io, err } = logged(true);
    const bar = progress(true, io, () => now);
    now = 1500;
    bar.update("run 3 of 300");
    bar.done();
    bar.done();
    expect(err).toEqual(["\r\x1b[K… run 3 of 300 (1.5 s)", "\r\x1b[K"]);
  });
});
