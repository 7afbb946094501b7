// ---------------------------------------------------------------------------------------------------------
// analyses: the generated files of the day's replay (issue 14): the shipped scenario files
// (examples/scenarios/), their schema (docs/scenario.schema.json), the calibration and detection tables in
// docs/cascade.md, the metastability boundary (docs/metastability.md) and the sensitivity report and chart
// (docs/sensitivity.md, docs/sensitivity.svg). `npm run docs` writes them (analyses/writeReplayDocs.ts);
// analyses/replayDocs.test.ts regenerates them in memory and fails when a committed one differs. Each is cheap
// to compute (a few hundred scenario runs), so `npm test` can afford it. Reads docs/cascade.md; writes nothing.
// ---------------------------------------------------------------------------------------------------------
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderSvg } from "../explain/renderSvg.ts";
import { SCENARIO_SCHEMA_PATH, scenarioSchemaText } from "../explain/scenarioSchema.ts";
import { NOV25_FAST_RESTART_FILE, NOV25_FILE, NOV25_IN_EVENT_FIXES_FILE } from "../model/scenarios/nov25.ts";
import type { ScenarioFile } from "../model/scenarios/scenarioFile.ts";
import { DAY_SETUP } from "./calibration.ts";
import { calibrationMarkdown } from "./calibrationDoc.ts";
import { detectionMarkdown } from "./detectionDoc.ts";
import { METASTABILITY_DOC, metastabilityMarkdown } from "./metastabilityDoc.ts";
import { type OnCell, sweep } from "./sensitivity.ts";
import {
  SENSITIVITY_JSON,
  SENSITIVITY_MD,
  SENSITIVITY_SVG,
  type SensitivityJson,
  sensitivityChartSpec,
  sensitivityJson,
  sensitivityMarkdown,
} from "./sensitivityReport.ts";
import { type Setup, UNKNOWN_PARAMETERS } from "./unknowns.ts";

export interface GeneratedFile {
  /** Relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** Where a shipped scenario file points its `$schema` (relative to examples/scenarios/). */
const SCHEMA_REF = "../../docs/scenario.schema.json";

/** A scenario file's text as shipped: `$schema` first, two-space indent, trailing newline. */
export const scenarioFileText = (f: ScenarioFile): string =>
  `${JSON.stringify({ $schema: SCHEMA_REF, ...f }, null, 2)}\n`;

export const SHIPPED_SCENARIOS: ReadonlyArray<ScenarioFile> = [
  NOV25_FILE,
  NOV25_IN_EVENT_FIXES_FILE,
  NOV25_FAST_RESTART_FILE,
];

export const scenarioPath = (f: ScenarioFile): string => `examples/scenarios/${f.name}.json`;

/**
 * Replaces the text between `<!-- generated: ID -->` and `<!-- end generated: ID -->` in `doc` with `body`
 * (the markers stay, so the hand-written prose around them is kept).
 */
export const replaceSection = (doc: string, id: string, body: string): string => {
  const begin = `<!-- generated: ${id} (npm run docs; checked by npm test) -->\n`;
  const end = `<!-- end generated: ${id} -->`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i === -1 || j < i) throw new Error(`docs: no generated section ${id} (markers missing)`);
  return `${doc.slice(0, i + begin.length)}${body}${doc.slice(j)}`;
};

/** The sweep docs/sensitivity.json records: every parameter around the as-was day with the in-event fixes. */
export const docsSensitivity = (base: Setup = DAY_SETUP, onCell?: OnCell): SensitivityJson =>
  sensitivityJson(sweep(base, onCell === undefined ? {} : { onCell }), {
    config: base.config.name,
    scenario: `examples/scenarios/${base.file.name}.json`,
    values: Object.fromEntries(UNKNOWN_PARAMETERS.map((p) => [p.name, p.get(base)])),
  });

export const jsonText = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

/**
 * The generated files. `root` is the repository root (docs/cascade.md's prose is read there). The sweep takes
 * several seconds, so unless `sensitivity` is given (`npm run docs` computes it), the committed
 * docs/sensitivity.json is read, and its page and chart are generated from it (sensitivity.test.ts checks the
 * JSON itself on a slice).
 */
export const replayDocs = (root: string, sensitivity?: SensitivityJson): ReadonlyArray<GeneratedFile> => {
  const cascade = readFileSync(join(root, "docs/cascade.md"), "utf8");
  const jsonPath = join(root, SENSITIVITY_JSON);
  const data =
    sensitivity ??
    (existsSync(jsonPath)
      ? (JSON.parse(readFileSync(jsonPath, "utf8")) as SensitivityJson)
      : docsSensitivity());
  return [
    { path: SENSITIVITY_JSON, text: jsonText(data) },
    { path: SENSITIVITY_MD, text: sensitivityMarkdown(data) },
    { path: SENSITIVITY_SVG, text: renderSvg(sensitivityChartSpec(data)) },
    ...SHIPPED_SCENARIOS.map((f) => ({ path: scenarioPath(f), text: scenarioFileText(f) })),
    { path: SCENARIO_SCHEMA_PATH, text: scenarioSchemaText() },
    {
      path: "docs/cascade.md",
      text: replaceSection(
        replaceSection(cascade, "calibration", calibrationMarkdown()),
        "detection",
        detectionMarkdown(),
      ),
    },
    { path: METASTABILITY_DOC, text: metastabilityMarkdown() },
  ];
};
