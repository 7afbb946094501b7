import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildMatrix } from "../../checker/matrix.ts";
import { renderMatrix } from "../../checker/matrixMarkdown.ts";
import { SYSTEM_INVARIANTS } from "../../properties/dependents/index.ts";
import { MATRIX_PATH, splitMatrixParts } from "../matrix.ts";
import { systemMatrix } from "./matrix.ts";

const root = join(import.meta.dirname, "../..");

describe("the dependents' remediation matrix", () => {
  const matrix = buildMatrix(systemMatrix);

  it("docs/remediation-matrix.md's system part is the generated matrix (run `npx outage matrix` if this fails)", () => {
    expect(splitMatrixParts(readFileSync(join(root, MATRIX_PATH), "utf8")).system).toBe(
      renderMatrix(systemMatrix, matrix),
    );
  });

  it("as it was, every dependent invariant but a remediation's own limit is violated; with every dependent remediation, every one a dependent remediation fixes is proved", () => {
    const none = matrix.rows.find((r) => r.set.length === 0);
    const all = matrix.rows.find((r) => r.label === "all");
    for (const inv of SYSTEM_INVARIANTS) {
      // A remediation's own limit (R6's partition) holds with its remediation off, as it was.
      expect(none?.cells[inv.name]?.level, inv.name).toBe(inv.limitOf === undefined ? "violated" : "proved");
      // NoRecoverySetback (K11) is about the fleet's load, which no dependent remediation changes.
      expect(all?.cells[inv.name]?.level, inv.name).toBe(inv.remediedBy.length === 0 ? "violated" : "proved");
    }
  });

  it("R6's own limit shows as a trade: PartitionWithinThreadLimit is proved exactly in the rows without R6, and adding R6 breaks it", () => {
    for (const row of matrix.rows)
      expect(row.cells.PartitionWithinThreadLimit?.level, row.label).toBe(
        row.set.includes("cloudwatchPartitionedFleet") ? "violated" : "proved",
      );
    expect(matrix.interactions.some((i) => i.invariant === "PartitionWithinThreadLimit")).toBe(true);
  });

  it("every remediation set an invariant declares (remediedBy) contains a minimal set, and minimal sets are proved cells", () => {
    // A remediation's own limit is not monotone in the sets (its remediation breaks it): the test above covers it.
    for (const inv of SYSTEM_INVARIANTS.filter((i) => i.limitOf === undefined)) {
      const minimal = matrix.minimal.find((m) => m.invariant === inv.name)?.sets ?? [];
      for (const declared of inv.remediedBy)
        expect(
          minimal.some((m) => m.every((r) => declared.includes(r))),
          `${inv.name} under ${declared.join("+")}`,
        ).toBe(true);
      for (const row of matrix.rows) {
        const covered = minimal.some((m) => m.every((r) => row.set.includes(r)));
        expect(row.cells[inv.name]?.level === "proved", `${inv.name} under ${row.label}`).toBe(covered);
      }
    }
  });
});
