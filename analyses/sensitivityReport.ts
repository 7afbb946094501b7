// ---------------------------------------------------------------------------------------------------------
// analyses: the sensitivity sweep's outputs (sensitivity.ts): the JSON (`outage sensitivity --json`, and the
// committed docs/sensitivity.json), the text report, docs/sensitivity.md, and the chart as a Vega-Lite spec
// (rendered to SVG by explain/renderSvg.ts: docs/sensitivity.svg). All are built from the JSON alone, so
// the committed page and chart can be checked against the committed data cheaply (the sweep itself takes
// seconds; analyses/sensitivity.test.ts recomputes a slice of it).
// ---------------------------------------------------------------------------------------------------------
import {
  type Cell,
  CONCLUSION_TEXT,
  CONCLUSIONS,
  type ConclusionName,
  type Conclusions,
  conclusionValue,
  type Sweep,
  verdicts,
} from "./sensitivity.ts";
import { UNKNOWN_PARAMETERS } from "./unknowns.ts";

export const SENSITIVITY_JSON = "docs/sensitivity.json";
export const SENSITIVITY_MD = "docs/sensitivity.md";
export const SENSITIVITY_SVG = "docs/sensitivity.svg";

export interface SensitivityJson {
  readonly base: { readonly config: string; readonly scenario: string; readonly conclusions: Conclusions };
  readonly parameters: ReadonlyArray<{
    readonly name: string;
    readonly what: string;
    readonly unit: string;
    readonly range: readonly [number, number];
    readonly rangeSource: string;
    readonly base: number;
  }>;
  readonly cells: ReadonlyArray<Cell>;
}

export const sensitivityJson = (
  s: Sweep,
  base: {
    readonly config: string;
    readonly scenario: string;
    readonly values: Readonly<Record<string, number>>;
  },
): SensitivityJson => ({
  base: { config: base.config, scenario: base.scenario, conclusions: s.base },
  parameters: UNKNOWN_PARAMETERS.filter((p) => s.cells.some((c) => c.parameter === p.name)).map((p) => ({
    name: p.name,
    what: p.what,
    unit: p.unit,
    range: p.range,
    rangeSource: p.rangeSource,
    base: base.values[p.name] ?? 0,
  })),
  cells: s.cells,
});

const sweepOf = (j: SensitivityJson): Sweep => ({ base: j.base.conclusions, cells: j.cells });

/** One line per parameter and conclusion: holds over the whole range, or where it flips. */
export const verdictLines = (j: SensitivityJson): ReadonlyArray<string> =>
  verdicts(sweepOf(j)).map((v) => {
    const p = j.parameters.find((x) => x.name === v.parameter);
    const range = p === undefined ? "" : ` ${p.range[0]}–${p.range[1]} ${p.unit}`;
    return v.flipsAt.length === 0
      ? `${v.parameter}${range}: ${v.conclusion} holds over the whole range`
      : `${v.parameter}${range}: ${v.conclusion} FLIPS at ${v.flipsAt.join(", ")} (base ${p?.base})`;
  });

const baseLines = (j: SensitivityJson): ReadonlyArray<string> => [
  `order: ${j.base.conclusions.order ? "yes" : "no"} (${j.base.conclusions.orderText || "nothing fails"})`,
  `outcome: ${j.base.conclusions.outcome}`,
  `suffices: ${j.base.conclusions.suffices}`,
  `fastRestart: ${j.base.conclusions.fastRestart}`,
];

export const sensitivityText = (j: SensitivityJson): string =>
  `${[
    `outage sensitivity: the day's conclusions as each unknown parameter moves over its plausible range (base: ${j.base.config}, ${j.base.scenario})`,
    "",
    "At the base:",
    ...baseLines(j).map((l) => `  ${l}`),
    "",
    ...verdictLines(j),
  ].join("\n")}\n`;

const cellText = (c: Conclusions, name: ConclusionName): string =>
  name === "order" ? (c.order ? "yes" : "no") : conclusionValue(c, name);

/**
 * Issue 14, Must show 1: the fast restart's verdict at each offered load, in runs of equal verdicts
 * ("20–32: never"), and why it flips (docs/load.md).
 */
const fastRestartSection = (j: SensitivityJson): ReadonlyArray<string> => {
  const cells = j.cells.filter((c) => c.parameter === "offeredLoad");
  if (cells.length === 0) return [];
  const runs: { from: number; to: number; verdict: string }[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.verdict === c.conclusions.fastRestart) last.to = c.value;
    else runs.push({ from: c.value, to: c.value, verdict: c.conclusions.fastRestart });
  }
  return [
    "## The fast restart over the offered load (issue 14, Must show 1)",
    "",
    "A whole-fleet restart at 4× r_safe against the paced one (`analyses/recovery.ts` `comparePaces`), by load:",
    "",
    ...runs.map((r) => `- ${r.from === r.to ? r.from : `${r.from}–${r.to}`} requests a tick: ${r.verdict}`),
    "",
    'The finding: "a fast restart recovers later" holds only in a band of loads. Above it there is no headroom',
    "for the frontends held out after the fast pace's setbacks. Below it the setback comes too late: the first",
    "setback is what makes the operators fall back to r_safe, and with a light load no frontend is slow until",
    "the fast pace has taken the whole fleet out; each frontend that then comes back alone is sent the whole",
    "load and set back again (never: metastable under restarts alone; a stronger push such as shedding load",
    "would be needed, MP2). From the load at which even one bootstrap is unsafe, no pace is safe.",
    "",
  ];
};

export const sensitivityMarkdown = (j: SensitivityJson): string =>
  [
    "<!-- Generated by `npm run docs` from docs/sensitivity.json (analyses/sensitivityReport.ts); npm test checks it. -->",
    "",
    "# Sensitivity of the day's conclusions (`npx outage sensitivity`)",
    "",
    `Each unknown parameter of the replay (\`analyses/unknowns.ts\`) is moved over its plausible range, one at a time, the others at the base (${j.base.config} on \`${j.base.scenario}\`), and four conclusions are recomputed:`,
    "",
    ...CONCLUSIONS.map((c) => `- **${c}**: ${CONCLUSION_TEXT[c]}.`),
    "",
    '"suffices" runs the day\'s own actions, its restart included, under each remediation: a remediation that',
    "keeps the trigger from failing the fleet can still see Kinesis fail when the scripted restart takes down",
    "too much of a small fleet at once (larger servers with few frontends, or a fast restart pace).",
    "",
    "At the base:",
    "",
    ...baseLines(j).map((l) => `- ${l}`),
    "",
    "![sensitivity chart](sensitivity.svg)",
    "",
    "## Verdicts",
    "",
    ...verdictLines(j).map((l) => `- ${l}`),
    "",
    ...fastRestartSection(j),
    "## Parameters and ranges",
    "",
    "| parameter | what | range | base | where the range comes from |",
    "| --- | --- | --- | --- | --- |",
    ...j.parameters.map(
      (p) =>
        `| \`${p.name}\` | ${p.what} | ${p.range[0]}–${p.range[1]} ${p.unit} | ${p.base} | ${p.rangeSource} |`,
    ),
    "",
    "## Every cell",
    "",
    "| parameter | value | order | outcome | suffices | fastRestart | first failures |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...j.cells.map(
      (c) =>
        `| ${c.parameter} | ${c.value} | ${cellText(c.conclusions, "order")} | ${c.conclusions.outcome} | ${c.conclusions.suffices} | ${c.conclusions.fastRestart} | ${c.conclusions.orderText || "-"} |`,
    ),
    "",
  ].join("\n");

/** The chart: one row of cells per parameter for each conclusion; a cell is coloured by whether it agrees with the base. */
export const sensitivityChartSpec = (j: SensitivityJson): Readonly<Record<string, unknown>> => {
  const values = j.cells.flatMap((c) => {
    const index = j.cells.filter((x) => x.parameter === c.parameter).indexOf(c);
    return CONCLUSIONS.map((name) => ({
      conclusion: name,
      parameter: c.parameter,
      index,
      label: String(c.value),
      agrees:
        conclusionValue(c.conclusions, name) === conclusionValue(j.base.conclusions, name)
          ? "as at the base"
          : "flips",
    }));
  });
  const order = j.parameters.map((p) => p.name);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Which conclusions hold over each parameter's plausible range",
      subtitle: `base: ${j.base.config} on ${j.base.scenario}; cells from the low to the high end of each range, labelled with the value`,
      anchor: "start",
      fontSize: 15,
    },
    background: "white",
    padding: 12,
    config: { font: "sans-serif", view: { stroke: "#ddd" } },
    data: { values },
    facet: {
      row: { field: "conclusion", type: "nominal", sort: [...CONCLUSIONS], title: null },
    },
    spec: {
      width: 360,
      height: { step: 22 },
      layer: [
        {
          mark: { type: "rect", stroke: "white" },
          encoding: {
            x: {
              field: "index",
              type: "ordinal",
              title: "low → high",
              axis: { labels: false, ticks: false },
            },
            y: { field: "parameter", type: "nominal", sort: order, title: null },
            color: {
              field: "agrees",
              type: "nominal",
              scale: { domain: ["as at the base", "flips"], range: ["#9ecae1", "#fd8d3c"] },
              title: null,
            },
          },
        },
        {
          mark: { type: "text", fontSize: 10 },
          encoding: {
            x: { field: "index", type: "ordinal" },
            y: { field: "parameter", type: "nominal", sort: order },
            text: { field: "label" },
          },
        },
      ],
    },
  };
};
