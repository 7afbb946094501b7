import { describe, expect, test } from "vitest";
import { small } from "../model/configs/small.ts";
import { wellFormed } from "../properties/wellFormed.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { searchInvariant } from "./search.ts";
import { sometimesInRuns } from "./sometimesInRuns.ts";

describe("check's non-vacuity pass", () => {
  test("walks exactly the search's runs: as many accepted steps as the search of a holding invariant counted", () => {
    const options = { seed: 7, runs: 40, maxSteps: 30 };
    const search = searchInvariant(fleetSpec, small, wellFormed, options);
    expect(search.status).toBe("holds");
    let transitions = 0;
    // A property never reached, so the pass marks every transition of every run; counting is the test's only effect.
    const counting = {
      ...fleetSpec,
      sometimes: [
        {
          name: "Never",
          sentence: "counts the transitions it is shown",
          reached: (_c: unknown, _s: unknown, via: unknown) => {
            if (via !== undefined) transitions += 1;
            return false;
          },
        },
      ],
    };
    const r = sometimesInRuns(counting, small, [wellFormed], options);
    expect(r).toEqual([{ name: "Never", sentence: "counts the transitions it is shown", reached: false }]);
    expect(transitions).toBe(search.steps);
  });

  test("too short a search misses what the fleet's proofs are about; the default one reaches it all", () => {
    const missed = (runs: number, maxSteps: number) =>
      sometimesInRuns(fleetSpec, small, [wellFormed], { seed: 20201125, runs, maxSteps })
        .filter((p) => !p.reached)
        .map((p) => p.name);
    expect(missed(1, 1).length).toBeGreaterThan(0);
    expect(missed(300, 80)).toEqual([]);
  });
});
