// MP10 (domain.md §(d); R6, R7) computed on a config (analyses/blastRadius.ts): each cell failed in turn, the
// load spread evenly and as configured. The expectations come from the shares: a cell at rest delivers its
// share of the load in full, so failing it leaves 100 − share percent of the baseline.
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { withRemediations } from "../model/config.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { blastRadiusBound } from "./blastRadius.ts";

const cellular = (firstCellLoadPercent = asWasSystem.dependents.load.firstCellLoadPercent): SystemConfig => ({
  ...asWasSystem,
  ...withRemediations(asWasSystem, ["cellularization"]),
  dependents: { ...asWasSystem.dependents, load: { ...asWasSystem.dependents.load, firstCellLoadPercent } },
});

describe("MP10: the blast-radius bound on a config", () => {
  test("without cells there is no bound to state", () => {
    expect(blastRadiusBound(asWasSystem)).toBeUndefined();
  });

  test("as-was in cells of 4: two cells, the bound is half the baseline, and the baseline is the whole load", () => {
    const b = blastRadiusBound(cellular());
    expect(b?.cells).toBe(2);
    expect(b?.boundPercent).toBe(50);
    expect(b?.baseline).toBe(asWasSystem.dependents.load.offeredRequestsPerTick);
  });

  test("with the load spread evenly, every cell's failure keeps exactly 1 − 1/c of the baseline: the bound holds", () => {
    const b = blastRadiusBound(cellular());
    for (const f of b?.balanced ?? []) {
      expect(f.percentOfBaseline).toBeCloseTo(b?.boundPercent ?? 0, 9);
      expect(f.boundHolds).toBe(true);
    }
  });

  /** Shares for cell 0 with which both cells carry their share at rest (4 frontends of 10 each). */
  const carried = (hot: number): boolean => {
    const p = asWasSystem.dependents.load;
    const cellCapacity = asWasSystem.remediationParameters.cellSize * p.capacityPerFrontend;
    return (Math.max(hot, 100 - hot) * p.offeredRequestsPerTick) / 100 <= cellCapacity;
  };

  propTest.prop({ hot: fc.integer({ min: 0, max: 100 }).filter(carried) })(
    "as configured (each cell carrying its share at rest), failing a cell leaves 100 − its share, so the bound fails exactly when a hot cell (share > 1/c) fails",
    ({ hot }) => {
      const b = blastRadiusBound(cellular(hot));
      for (const f of b?.configured ?? []) {
        expect(f.percentOfBaseline).toBeCloseTo(100 - f.loadPercent, 9);
        expect(f.boundHolds).toBe(f.loadPercent <= 100 / (b?.cells ?? 1) + 1e-9);
      }
    },
  );

  test("R6: CloudWatch on the shared fleet loses Kinesis when the hot cell fails (below minHealthyPercent), not when the cool one does", () => {
    const b = blastRadiusBound(cellular());
    const [hot, cool] = b?.configured ?? [];
    const min = asWasSystem.dependents.kinesis.minHealthyPercent;
    expect(hot?.percentOfBaseline).toBeLessThan(min);
    expect(hot?.cloudwatchAvailable).toBe(false);
    expect(cool?.percentOfBaseline).toBeGreaterThanOrEqual(min);
    expect(cool?.cloudwatchAvailable).toBe(true);
    expect(b?.cloudwatchPartitioned).toBe(false);
  });

  test("R6: CloudWatch on its own partitioned fleet is unaffected by any cell's failure", () => {
    const base = cellular();
    const partitioned: SystemConfig = {
      ...base,
      dependents: {
        ...base.dependents,
        remediations: { ...base.dependents.remediations, cloudwatchPartitionedFleet: true },
      },
    };
    const b = blastRadiusBound(partitioned);
    expect(b?.cloudwatchPartitioned).toBe(true);
    expect([...(b?.balanced ?? []), ...(b?.configured ?? [])].every((f) => f.cloudwatchAvailable)).toBe(true);
  });
});
