// ---------------------------------------------------------------------------------------------------------
// analyses: MP10, the blast-radius bound inside the Kinesis fleet (domain.md §(d) MP10; R6, R7), computed on a
// config from model/load.ts. With the fleet in c cells, a failure confined to one cell should keep the fleet's
// goodput at or above (1 − 1/c) of its baseline: the other cells deliver their share as before. The failure
// is injected as every frontend of the cell crashing (in this model a cell never crosses the thread limit by
// itself, R7 sizes cells inside it; a cell of useless maps delivers nothing either, so the goodput is the same).
// Each cell is failed in turn, twice: with the load spread evenly (the bound's premise) and with the config's
// own share for cell 0 (`firstCellLoadPercent`: a hot cell, whose failure takes more than 1/c of the streams).
// R6: whether CloudWatch's ingest still sees Kinesis (model/dependents/kinesisHealth.ts): always on its own
// partitioned fleet, otherwise only while the main fleet delivers `minHealthyPercent` of its load.
// `npx outage blast-radius kinesis --remediation cellularization` prints it (cli/blastRadius.ts).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import type { SystemConfig } from "../model/dependents/config.ts";
import { cloudwatchKinesisAvailable, mainFleetAvailable } from "../model/dependents/kinesisHealth.ts";
import { cellLoadShare, goodput, loadedCells } from "../model/load.ts";
import { initialSystemState, type SystemState, systemStep } from "../model/system.ts";

/** One cell failed: what the fleet still delivers, against the bound, and whether CloudWatch sees Kinesis. */
export interface CellFailure {
  readonly cell: number;
  /** Percent of the offered load this cell takes. */
  readonly loadPercent: number;
  /** Requests per tick the fleet delivers with this cell failed. */
  readonly goodput: number;
  /** That goodput as a percent of the baseline (the fleet at rest). */
  readonly percentOfBaseline: number;
  /** MP10: goodput ≥ (1 − 1/c) · baseline. */
  readonly boundHolds: boolean;
  /** R6: CloudWatch's calls to Kinesis still succeed. */
  readonly cloudwatchAvailable: boolean;
}

export interface BlastRadiusBound {
  /** c: cells that take streams (model/load.ts `loadedCells`). */
  readonly cells: number;
  readonly cellSize: number;
  readonly offered: number;
  /** Requests per tick the fleet delivers at rest. */
  readonly baseline: number;
  /** MP10's bound as a percent of the baseline: 100 · (1 − 1/c). */
  readonly boundPercent: number;
  /** Each cell failed, the load spread evenly over the cells. */
  readonly balanced: ReadonlyArray<CellFailure>;
  /** The config's share for cell 0 (R7: a hot cell when above 100/c). */
  readonly firstCellLoadPercent: number;
  /** Each cell failed, with the config's shares. */
  readonly configured: ReadonlyArray<CellFailure>;
  /** R6: CloudWatch on its own partitioned front-end fleet. */
  readonly cloudwatchPartitioned: boolean;
}

/** Comparisons of derived real numbers allow this much rounding (all inputs are integers). */
const EPSILON = 1e-9;

/** Reported numbers are rounded to a millionth, so the JSON reads 8, not 7.999999999999998. */
const reported = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The fleet at rest with every frontend of `cell` crashed. */
const cellFailed = (config: SystemConfig, cell: number): SystemState =>
  initialSystemState(config).core.frontends.reduce((s, f, i) => {
    if (f.cell !== cell) return s;
    const r = systemStep(config, s, { type: "frontendCrashed", frontend: i });
    return E.isRight(r) ? r.right : s;
  }, initialSystemState(config));

const failures = (config: SystemConfig, cells: number, boundPercent: number): ReadonlyArray<CellFailure> => {
  const baseline = goodput(config, initialSystemState(config).core);
  return Array.from({ length: cells }, (_, cell) => {
    const s = cellFailed(config, cell);
    const g = goodput(config, s.core);
    const percentOfBaseline = baseline === 0 ? 100 : (100 * g) / baseline;
    return {
      cell,
      loadPercent: reported(100 * cellLoadShare(config, cell, cells)),
      goodput: reported(g),
      percentOfBaseline: reported(percentOfBaseline),
      boundHolds: percentOfBaseline + EPSILON >= boundPercent,
      cloudwatchAvailable: cloudwatchKinesisAvailable(
        config,
        mainFleetAvailable(config, s.core),
        s.dependents.partition,
      ),
    };
  });
};

/** The config with the load spread evenly over its `cells` cells. */
const spreadEvenly = (config: SystemConfig, cells: number): SystemConfig => ({
  ...config,
  dependents: {
    ...config.dependents,
    load: { ...config.dependents.load, firstCellLoadPercent: 100 / cells },
  },
});

/** MP10 on `config`; undefined unless it is cellularized (R7) into at least two cells that take streams. */
export const blastRadiusBound = (config: SystemConfig): BlastRadiusBound | undefined => {
  const cells = loadedCells(config);
  if (!config.remediations.cellularization || cells < 2) return undefined;
  const boundPercent = 100 * (1 - 1 / cells);
  return {
    cells,
    cellSize: config.remediationParameters.cellSize,
    offered: config.dependents.load.offeredRequestsPerTick,
    baseline: goodput(config, initialSystemState(config).core),
    boundPercent: reported(boundPercent),
    balanced: failures(spreadEvenly(config, cells), cells, boundPercent),
    firstCellLoadPercent: config.dependents.load.firstCellLoadPercent,
    configured: failures(config, cells, boundPercent),
    cloudwatchPartitioned: config.dependents.remediations.cloudwatchPartitionedFleet,
  };
};
