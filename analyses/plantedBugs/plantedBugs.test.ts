import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../../checker/defaults.ts";
import { searchInvariant } from "../../checker/search.ts";
import { runTrace } from "../../checker/trace.ts";
import { EXPECTATIONS } from "../../properties/expectations.ts";
import { invariantNamed } from "../../properties/index.ts";
import { fleetSpec } from "../../specs/fleet.ts";
import { PLANTED_BUGS, type PlantedBug } from "./index.ts";
import { configWith, specWith } from "./plantedBug.ts";
import { caughtByName, rowsIn, traceCell } from "./trustTable.ts";

/** docs/trust.md's planted-bug table: what it says each search measured (`npm run planted-bugs -- --write`). */
const documented = rowsIn(readFileSync("docs/trust.md", "utf8"));

const defaults = { seed: DEFAULT_SEED, runs: DEFAULT_RUNS, maxSteps: fleetSpec.defaultMaxSteps };

/** What properties/expectations.ts (kept true by properties/expectations.test.ts) says of the real model. */
const realOutcome = (bug: PlantedBug) =>
  EXPECTATIONS.find((e) => JSON.stringify(e.remediations) === JSON.stringify(bug.remediations))?.outcomes[
    bug.expectedInvariant
  ];

describe("the planted bugs", () => {
  test("there are at least 20, with distinct names", () => {
    expect(PLANTED_BUGS.length).toBeGreaterThanOrEqual(20);
    const names = PLANTED_BUGS.map((b) => b.name);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(PLANTED_BUGS.map((b) => [b.name, b] as const))("%s", (_name, bug) => {
    test(`is caught by ${bug.expectedInvariant} within the default runs, on a trace the real model passes`, () => {
      // The invariant holds for the real model under this config, so the violation is the bug's doing.
      expect(realOutcome(bug)).toBe("holds");
      const config = configWith(bug.remediations);
      const inv = invariantNamed(bug.expectedInvariant);
      if (inv === undefined) throw new Error(`unknown invariant ${bug.expectedInvariant}`);
      const buggy = specWith(bug.step);
      const r = searchInvariant(buggy, config, inv, defaults);
      expect(r.status, `${bug.name} escaped ${bug.expectedInvariant}`).toBe("violated");
      if (r.status !== "violated") return;
      expect(r.runs).toBeLessThanOrEqual(DEFAULT_RUNS);
      expect(runTrace(buggy, config, r.found.ops, [inv]).violation).toBeDefined();
      expect(runTrace(fleetSpec, config, r.found.ops, [inv]).violation).toBeUndefined();
      // The table in docs/trust.md says what this search measured (regenerate it if not).
      expect(
        documented.get(bug.name),
        "docs/trust.md is stale: npm run planted-bugs -- --write",
      ).toMatchObject({
        caughtBy: caughtByName(bug.expectedInvariant, r.found.message),
        within: `${r.runs} runs`,
        trace: traceCell(r.found.ops),
      });
    });
  });
});
