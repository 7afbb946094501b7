import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMatrix, type Matrix } from "../../checker/matrix.ts";
import { renderMatrix } from "../../checker/matrixMarkdown.ts";
import type { RemediationName } from "../../model/config.ts";
import { MATRIX_PATH, splitMatrixParts } from "../matrix.ts";
import { fleetMatrix, proveProvedCells, withFleetProofs } from "./matrix.ts";
import { CORE_INVARIANTS } from "./prove/encoding.ts";

const root = join(import.meta.dirname, "../..");

describe("the fleet's remediation matrix", () => {
  const searched = buildMatrix(fleetMatrix);
  let matrix: Matrix<RemediationName> = searched;

  // Z3 proves the cells exhaustive search proved (tens of seconds on a loaded machine).
  beforeAll(async () => {
    matrix = withFleetProofs(searched, await proveProvedCells(searched));
  }, 600_000);

  it("docs/remediation-matrix.md's fleet part is the generated matrix (run `npx outage matrix` if this fails)", () => {
    expect(splitMatrixParts(readFileSync(join(root, MATRIX_PATH), "utf8")).fleet).toBe(
      renderMatrix(fleetMatrix, matrix),
    );
  });

  it("as-was violates ThreadBudget, and every remediation set that proves an invariant contains a minimal set", () => {
    const none = matrix.rows[0];
    expect(none?.set).toEqual([]);
    expect(none?.cells.ThreadBudget?.level).toBe("violated");
    expect(matrix.minimal.find((m) => m.invariant === "ThreadBudget")?.sets.length).toBeGreaterThan(0);
    for (const { invariant, sets } of matrix.minimal)
      for (const row of matrix.rows) {
        const level = row.cells[invariant]?.level;
        const covered = sets.some((m) => m.every((r) => row.set.includes(r)));
        if (level === "proved" || level === "proved for all parameters")
          expect(covered, `${invariant} under ${row.label}`).toBe(true);
      }
  });

  it("with every remediation on, every core invariant is proved for all parameters by Z3", () => {
    const all = matrix.rows.find((r) => r.label === "all");
    for (const inv of CORE_INVARIANTS) expect(all?.cells[inv]?.level, inv).toBe("proved for all parameters");
  });

  it("each remediation's own limit shows as a trade: R1 and R3 break MemoryBudget, R8 MetadataStoreWithinCapacity and R5 CacheFleetWithinThreadLimit, which hold without them", () => {
    const level = (label: string, inv: string) =>
      matrix.rows.find((r) => r.label === label)?.cells[inv]?.level;
    expect(level("largerServers", "ThreadBudget")).toBe("proved for all parameters");
    expect(level("largerServers", "MemoryBudget")).toBe("violated");
    expect(level("bootstrapFromAuthoritative", "MetadataStoreWithinCapacity")).toBe("violated");
    expect(level("testedHigherLimit", "MemoryBudget")).toBe("violated");
    expect(level("cacheOnDedicatedFleet", "ThreadBudget")).toBe("proved for all parameters");
    expect(level("cacheOnDedicatedFleet", "CacheFleetWithinThreadLimit")).toBe("violated");
    // R5 leaves a larger server its base threads only, so with every remediation on R1's memory holds.
    expect(level("all but cacheOnDedicatedFleet", "MemoryBudget")).toBe("violated");
    expect(level("all", "MemoryBudget")).toBe("proved");
    for (const inv of ["MemoryBudget", "MetadataStoreWithinCapacity", "CacheFleetWithinThreadLimit"])
      expect(level("none (as-was)", inv)).toBe("proved");
  });
});
