import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitMatrixFile } from "./dependentMatrix.ts";
import { buildMatrix, MATRIX_PATH, matrixMarkdown } from "./matrix.ts";

const root = join(import.meta.dirname, "..");

describe("the remediation matrix", () => {
  const matrix = buildMatrix();

  it("docs/remediation-matrix.md's core half is the generated matrix (run `npx outage matrix` if this fails)", () => {
    expect(splitMatrixFile(readFileSync(join(root, MATRIX_PATH), "utf8")).core).toBe(matrixMarkdown(matrix));
  });

  it("as-was violates ThreadBudget, and every remediation set that proves it contains a minimal set", () => {
    const none = matrix.rows[0];
    expect(none?.set).toEqual([]);
    expect(none?.cells.ThreadBudget?.level).toBe("violated");
    const minimal = matrix.minimal.find((m) => m.invariant === "ThreadBudget")?.sets ?? [];
    expect(minimal.length).toBeGreaterThan(0);
    for (const row of matrix.rows) {
      const level = row.cells.ThreadBudget?.level;
      const covered = minimal.some((m) => m.every((r) => row.set.includes(r)));
      if (level === "proved" || level === "inductive") expect(covered).toBe(true);
    }
  });

  it("with every remediation on, every invariant is proved or inductive", () => {
    const all = matrix.rows.find((r) => r.label === "all");
    expect(
      Object.values(all?.cells ?? {}).map((c) => c.level === "proved" || c.level === "inductive"),
    ).toEqual(Object.values(all?.cells ?? {}).map(() => true));
  });
});
