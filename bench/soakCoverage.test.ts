// The soak's coverage report is Markdown a reviewer can paste into docs/trust.md: one row per operation type
// and per invariant, the margins where each invariant must hold, and how the run was made.
import { describe, expect, test } from "vitest";
import { soakRound } from "../analyses/configSearch/soakRound.ts";
import { OP_TYPES } from "../model/ops.ts";
import { INVARIANT_NAMES } from "../properties/index.ts";
import { coverageReport } from "./soakCoverage.ts";

// Round 31 draws a config of two frontends (cheap: soakRound.test.ts).
const coverage = soakRound(31, 5).coverage;
const report = coverageReport(coverage, {
  command: "npm run soak -- --minutes 2 --threads 1",
  date: "2026-12-05",
  seed: 18_000_000,
  minutes: 2,
  threads: 1,
  mismatches: 0,
});
const lines = report.split("\n");

describe("the soak's coverage report", () => {
  test("says how it was run and what it found", () => {
    expect(lines[0]).toBe(
      "Soak of 2026-12-05: `npm run soak -- --minutes 2 --threads 1` (seed 18000000), **0 mismatch(es)**.",
    );
  });

  test("has a row per operation type and per invariant, each table with its separator line", () => {
    for (const t of OP_TYPES)
      expect(
        lines.some((l) => l.startsWith(`| ${t} | `)),
        t,
      ).toBe(true);
    for (const n of INVARIANT_NAMES)
      expect(
        lines.filter((l) => l.startsWith(`| ${n} | `)),
        n,
      ).toHaveLength(1);
    const headers = lines.filter((l, i) => l.startsWith("| ") && !(lines[i - 1] ?? "").startsWith("| "));
    expect(headers).toHaveLength(4);
    for (const h of headers) expect(lines[lines.indexOf(h) + 1]).toMatch(/^\| -{3}/);
  });

  test("gives each invariant's margin where it must hold, or a dash where no drawn config needed it to", () => {
    for (const n of INVARIANT_NAMES) {
      const cells = lines.find((l) => l.startsWith(`| ${n} | `))?.split(" | ") ?? [];
      const whereHolds = (cells[4] ?? "").replace(" |", "");
      expect(whereHolds).toBe(
        coverage.closestWhereHolds[n] < 0 ? "–" : coverage.closestWhereHolds[n].toFixed(2),
      );
    }
    // Where an invariant must hold, the soak never saw it broken: its margin stays at most 1 (the edge).
    for (const n of INVARIANT_NAMES) expect(coverage.closestWhereHolds[n]).toBeLessThanOrEqual(1);
  });
});
