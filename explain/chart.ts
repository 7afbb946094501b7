// ---------------------------------------------------------------------------------------------------------
// explain: the chart of a counterexample, as a Vega-Lite specification (one panel per entry of PANELS, and of
// DEPENDENT_PANELS for a system counterexample: see tracePanels.ts).
// Pure: the spec is data; explain/renderSvg.ts turns it into SVG with Vega itself, so no SVG is written by
// hand and the same spec gives the same bytes.
// ---------------------------------------------------------------------------------------------------------
import { type Explained, violationFrame } from "./frames.ts";
import type { Panel, PanelValues } from "./panels.ts";
import { type PanelChoice, tracePanels } from "./tracePanels.ts";

export interface ChartPoint {
  readonly step: number;
  readonly series: string;
  readonly value: number;
}

/** The points of one panel: one per frame and series, leaving out undefined values. */
export const panelPoints = (e: Explained, panel: PanelValues): ReadonlyArray<ChartPoint> =>
  e.frames.flatMap((f, i) =>
    panel.series.flatMap((s) => {
      const value = s.values[i] ?? null;
      return value === null ? [] : [{ step: f.index, series: s.name, value }];
    }),
  );

/** A y range around the values and the limit, padded so flat lines and the limit rule stay readable. */
export const fittedDomain = (
  points: ReadonlyArray<ChartPoint>,
  limit: number | undefined,
): readonly [number, number] => {
  const ys = [...points.map((p) => p.value), ...(limit === undefined ? [] : [limit])];
  if (ys.length === 0) return [0, 1];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = Math.max(1, Math.ceil((hi - lo) * 0.15));
  return [Math.max(0, lo - pad), hi + pad];
};

const WIDTH = 560;
const HEIGHT = 130;
const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#17becf"];

const panelSpec = (e: Explained, panel: PanelValues, lastStep: number, violationStep: number | undefined) => {
  const limit = panel.limit;
  const points = panelPoints(e, panel);
  const x = {
    field: "step",
    type: "quantitative",
    title: "step",
    scale: { domain: [0, Math.max(1, lastStep)], nice: false },
    axis: { tickMinStep: 1, format: "d" },
  };
  const layers: unknown[] = [
    {
      data: { values: points },
      mark: { type: "line", point: true, strokeWidth: 2 },
      encoding: {
        x,
        y: {
          field: "value",
          type: "quantitative",
          title: panel.yTitle,
          scale: { domain: [...(panel.domain ?? fittedDomain(points, limit?.value))], nice: false },
          axis: { tickMinStep: 1 },
        },
        color: {
          field: "series",
          type: "nominal",
          title: null,
          scale: {
            domain: panel.series.map((s) => s.name),
            range: PALETTE.slice(0, panel.series.length),
          },
          legend: { orient: "right", labelLimit: 320 },
        },
      },
    },
  ];
  if (limit !== undefined)
    layers.push({
      data: { values: [{ value: limit.value, label: `${limit.name}: ${limit.value}` }] },
      layer: [
        {
          mark: { type: "rule", color: "#d62728", strokeDash: [6, 3], strokeWidth: 2 },
          encoding: { y: { field: "value", type: "quantitative" } },
        },
        {
          mark: { type: "text", color: "#d62728", align: "left", dx: 4, dy: -7, fontSize: 11 },
          encoding: {
            y: { field: "value", type: "quantitative" },
            x: { datum: 0, type: "quantitative" },
            text: { field: "label" },
          },
        },
      ],
    });
  if (violationStep !== undefined)
    layers.push({
      data: { values: [{ step: violationStep }] },
      layer: [
        {
          mark: { type: "rule", color: "#d62728", strokeWidth: 1.5, opacity: 0.6 },
          encoding: { x: { field: "step", type: "quantitative" } },
        },
      ],
    });
  return {
    title: { text: panel.title, anchor: "start", fontSize: 13 },
    width: WIDTH,
    height: HEIGHT,
    layer: layers,
  };
};

/**
 * The Vega-Lite spec of the chart: the panels stacked (PANELS, then DEPENDENT_PANELS for a system
 * counterexample), with the violation step marked in red. `panels` replaces the fleet's panels.
 */
export const chartSpec = (
  e: Explained,
  panels?: ReadonlyArray<Panel>,
  choice: PanelChoice = {},
): Readonly<Record<string, unknown>> => {
  const last = e.frames[e.frames.length - 1]?.index ?? 0;
  const v = violationFrame(e);
  const violationStep = v.violation !== undefined || v.nearMiss !== undefined ? v.index : undefined;
  const c = e.counterexample;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `${c.invariant} under ${c.config.name}`,
      subtitle:
        violationStep === undefined
          ? "the file no longer reproduces"
          : v.nearMiss !== undefined
            ? `held; closest at step ${violationStep} (red line)`
            : `violated at step ${violationStep} (red line)`,
      anchor: "start",
      fontSize: 15,
    },
    background: "white",
    padding: 12,
    config: { font: "sans-serif", view: { stroke: "#ddd" } },
    vconcat: tracePanels(e, { ...choice, ...(panels !== undefined ? { panels } : {}) }).map((p) =>
      panelSpec(e, p, last, violationStep),
    ),
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
  };
};
