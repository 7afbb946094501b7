// Issue 15: check shows where it is (runs, steps, the shrinking phase) and prints each invariant's result as
// soon as it is known, with stdout's bytes unchanged.
import { describe, expect, test } from "vitest";
import type { SearchProgress } from "../checker/propertySearch.ts";
import { searchInvariant } from "../checker/search.ts";
import { asWas } from "../model/configs/index.ts";
import { invariantNamed } from "../properties/index.ts";
import { fleetSpec } from "../specs/index.ts";
import { progressText } from "./check.ts";
import type { Io } from "./io.ts";
import { main, run } from "./main.ts";

describe("check's progress and streamed results", () => {
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

  test("the progress line names the invariant, its place in the list, runs of total and steps, or the phase", () => {
    expect(
      progressText("ThreadBudget", 1, 6, 300, { phase: "searching", runs: 3, steps: 120, attempts: 0 }),
    ).toBe("ThreadBudget (2 of 6): run 3 of 300, 120 steps");
    expect(
      progressText("ThreadBudget", 1, 6, 300, { phase: "shrinking", runs: 3, steps: 120, attempts: 41 }),
    ).toBe("ThreadBudget (2 of 6): violated after 3 runs; shrinking the counterexample, 41 attempts");
  });

  test("each invariant's result is written as soon as it is known, and the whole is the same bytes", () => {
    const chunks: string[] = [];
    const io: Io = { out: (t) => chunks.push(t), err: () => undefined, errIsTty: false };
    const args = [
      "check",
      "--invariant",
      "ThreadBudget,PeersLearnedWithin,WellFormed",
      "--runs",
      "20",
      "--no-save",
    ];
    expect(main(args, io)).toBe(1);
    expect(chunks[0]).toMatch(/^outage check: config as-was, seed 20201125, up to 20 runs/);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    expect(chunks.join("")).toBe(run(args).stdout);
  });
});
