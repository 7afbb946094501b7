// The sensitivity sweep (analyses/sensitivity.ts): the committed docs/sensitivity.json covers every parameter
// of the table over its stated values, and a slice of it (the base and three cells) recomputes to the same
// conclusions; the full sweep takes seconds, so `npm run docs` recomputes it all. The verdicts read flips right.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DAY_SETUP } from "./calibration.ts";
import { CONCLUSIONS, type Conclusions, conclusionsOf, sweepValues, verdicts } from "./sensitivity.ts";
import { SENSITIVITY_JSON, type SensitivityJson, verdictLines } from "./sensitivityReport.ts";
import { UNKNOWN_PARAMETERS, unknownParameter } from "./unknowns.ts";

const root = join(import.meta.dirname, "..");
const committed = JSON.parse(readFileSync(join(root, SENSITIVITY_JSON), "utf8")) as SensitivityJson;

describe("sensitivity sweep", () => {
  test("docs/sensitivity.json has one cell per parameter of the table and value of its sweep, around as-was", () => {
    expect(committed.cells.map((c) => [c.parameter, c.value])).toEqual(
      UNKNOWN_PARAMETERS.flatMap((p) => sweepValues(p, DAY_SETUP).map((v) => [p.name, v])),
    );
    expect(committed.parameters.map((p) => [p.name, p.range, p.base])).toEqual(
      UNKNOWN_PARAMETERS.map((p) => [p.name, p.range, p.get(DAY_SETUP)]),
    );
  });

  test("a slice recomputes to the committed conclusions: the base, both ends of the thread-limit margin, the fastest restart pace, a load where a fast restart collapses, the heaviest load", () => {
    expect(conclusionsOf(DAY_SETUP)).toEqual(committed.base.conclusions);
    for (const [name, value] of [
      ["threadLimitMargin", 0],
      ["threadLimitMargin", 3],
      ["restartPace", 4],
      ["offeredLoad", 48],
      ["offeredLoad", 72],
    ] as const) {
      const cell = committed.cells.find((c) => c.parameter === name && c.value === value);
      expect(conclusionsOf(unknownParameter(name).set(DAY_SETUP, value)), `${name} = ${value}`).toEqual(
        cell?.conclusions,
      );
    }
  });

  test("as-was's conclusions: the record's order, a metastable trigger, five fleet remediations that each suffice (R3 and R5 among them, issue 14)", () => {
    expect(committed.base.conclusions).toMatchObject({
      order: true,
      outcome: "metastable",
      suffices: "preflightGuard, largerServers, cellularization, testedHigherLimit, cacheOnDedicatedFleet",
    });
  });

  test("Must show 1 over the offered load: a fast restart recovers later only in a band of loads; lighter and heavier loads collapse (never), and from 64 no pace is safe", () => {
    const byLoad = committed.cells
      .filter((c) => c.parameter === "offeredLoad")
      .map((c) => [c.value, c.conclusions.fastRestart]);
    const later = byLoad.filter(([, v]) => v === "later").map(([l]) => l);
    expect(later).toContain(unknownParameter("offeredLoad").get(DAY_SETUP));
    // The band is contiguous, with "never" on both sides of it and "no safe pace" at the top.
    const first = byLoad.findIndex(([, v]) => v === "later");
    const last = byLoad.length - 1 - [...byLoad].reverse().findIndex(([, v]) => v === "later");
    expect(byLoad.slice(first, last + 1).every(([, v]) => v === "later")).toBe(true);
    expect(byLoad[first - 1]?.[1]).toBe("never");
    expect(byLoad[last + 1]?.[1]).toBe("never");
    expect(byLoad[byLoad.length - 1]?.[1]).toBe("no safe pace");
  });

  test("a verdict lists exactly the values whose conclusion differs from the base", () => {
    const c = (outcome: string): Conclusions => ({
      order: true,
      orderText: "",
      outcome,
      suffices: "none",
      fastRestart: "later",
    });
    const v = verdicts({
      base: c("metastable"),
      cells: [
        { parameter: "p", value: 1, conclusions: c("metastable") },
        { parameter: "p", value: 2, conclusions: c("vulnerable") },
        { parameter: "p", value: 3, conclusions: c("metastable") },
      ],
    });
    expect(v.map((x) => [x.conclusion, x.flipsAt])).toEqual([
      ["order", []],
      ["outcome", [2]],
      ["suffices", []],
      ["fastRestart", []],
    ]);
  });

  test("the report names each parameter's range and says where each conclusion flips", () => {
    const lines = verdictLines(committed);
    expect(lines).toHaveLength(UNKNOWN_PARAMETERS.length * CONCLUSIONS.length);
    expect(lines).toContain("threadLimitMargin 0–3 threads: outcome FLIPS at 1, 2, 3 (base 0)");
    expect(lines).toContain("bootstrapTime 6–30 ticks: outcome holds over the whole range");
    // docs/load.md: from L = 64 no pace is safe (B_safe = 0), so even the paced restart never recovers; at
    // L = 44 a strict health check (h = 80) still lets one frontend bootstrap (44/7 ≈ 6.3 ≤ 0.8 · 9).
    expect(lines).toContain("offeredLoad 20–72 requests/tick: outcome FLIPS at 64, 68, 72 (base 44)");
    expect(lines).toContain("healthCheckPercent 80–160 percent: outcome holds over the whole range");
    expect(lines).toContain(
      "offeredLoad 20–72 requests/tick: fastRestart FLIPS at 20, 24, 28, 32, 48, 52, 56, 60, 64, 68, 72 (base 44)",
    );
  });
});
