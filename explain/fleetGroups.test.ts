// The explorer's fleet grid at any size (issue 15): frontends that look the same share one card, the cards
// account for the whole fleet, and a 3,000-frontend counterexample's page stays under 1 MB and opens at the
// violation.
import { describe, expect, test } from "vitest";
import { counterexample3000 } from "../test/fleet3000.ts";
import { fleetCorpus, loadedFleet } from "../test/savedCorpus.ts";
import { fleetGroups, nameRuns } from "./fleetGroups.ts";
import { fleetView } from "./fleetView.ts";
import { type Explained, explainCounterexample, violationFrame } from "./frames.ts";
import { explorerData, renderHtml } from "./html.ts";

const big = explainCounterexample(counterexample3000());
const small = fleetCorpus.map((f) => explainCounterexample(loadedFleet(f)));

/** Every name a group's runs stand for, in order. */
const expand = (runs: ReadonlyArray<readonly [string, string]>): ReadonlyArray<string> =>
  runs.flatMap(([a, b]) => {
    const from = Number(a.split("-").pop());
    const to = Number(b.split("-").pop());
    return Array.from({ length: to - from + 1 }, (_, i) => `frontend-${from + i}`);
  });

describe("the fleet as groups of frontends that look the same", () => {
  const cases: ReadonlyArray<readonly [string, Explained]> = [
    ["the 3,000-frontend counterexample", big],
    ...small.map((e) => [e.counterexample.invariant, e] as const),
  ];
  test.each(cases)(
    "%s: every frame's group counts sum to the fleet, and each frontend is in the group that looks like it",
    (_n, e) => {
      for (const f of e.frames) {
        const views = fleetView(e.config, f.state);
        const groups = fleetGroups(e.config, f.state);
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(views.length);
        const members = groups.flatMap((g) => expand(g.members));
        expect([...members].sort()).toEqual(views.map((v) => v.name).sort());
        const byName = new Map(views.map((v) => [v.name, v]));
        for (const g of groups) {
          expect(expand(g.members)).toHaveLength(g.count);
          const { count: _count, members: _members, ...shared } = g;
          for (const name of expand(g.members)) {
            const view = byName.get(name);
            if (view === undefined) throw new Error(`${name} is in a group but not in the fleet`);
            const { name: _name, cell: _cell, ...look } = view;
            expect(look).toEqual(shared);
          }
        }
      }
    },
  );

  test("3,000 frontends at the violation are three cards: frontend-0, the 2,999 others, the newcomer", () => {
    const groups = fleetGroups(big.config, violationFrame(big).state);
    expect(groups.map((g) => [g.count, g.members])).toEqual([
      [1, [["frontend-0", "frontend-0"]]],
      [2999, [["frontend-1", "frontend-2999"]]],
      [1, [["frontend-3000", "frontend-3000"]]],
    ]);
    expect(groups[1]).toMatchObject({
      status: "serving",
      map: "useless",
      overLimit: true,
      needed: 32010,
      limit: 32000,
    });
  });

  test("members are kept as runs of consecutive ids", () => {
    expect(
      nameRuns(["frontend-0", "frontend-1", "frontend-2", "frontend-5", "frontend-7", "frontend-8"]),
    ).toEqual([
      ["frontend-0", "frontend-2"],
      ["frontend-5", "frontend-5"],
      ["frontend-7", "frontend-8"],
    ]);
    expect(nameRuns([])).toEqual([]);
  });
});

describe("the explorer at 3,000 frontends", () => {
  const options = { file: "cx.json", chartSvg: "<svg></svg>" };

  test("the page is under 1 MB", () => {
    const bytes = Buffer.byteLength(renderHtml(big, options));
    expect(bytes).toBeLessThan(1_000_000);
  });

  test("it opens at the violation, not at step 0", () => {
    const d = explorerData(big, options);
    const v = violationFrame(big);
    expect(v.index).toBe(16);
    expect(d.openAt).toBe(big.frames.indexOf(v));
    expect(d.frames[d.openAt]?.violation).toBe(big.counterexample.message);
    expect(renderHtml(big, options)).toContain(": data.openAt);");
  });
});
