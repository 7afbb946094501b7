// ---------------------------------------------------------------------------------------------------------
// explain: the generated documentation: the counterexample JSON Schema and the worked design-review page
// built from the committed corpus, the fleet's (counterexamples/) and then the dependents'
// (counterexamples/system/), as docs/design-review.md with a chart and a trace explorer per counterexample in
// docs/design-review/. `npm run docs` writes them (explain/writeDocs.ts); `npm test`
// regenerates them in memory and fails when a committed file differs (explain/docs.test.ts), so the page
// cannot rot. Reads the corpus; writes nothing.
// ---------------------------------------------------------------------------------------------------------
import { basename, join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { corpusFiles, loadCounterexample } from "../checker/corpus.ts";
import { loadSystemCounterexample, systemCorpusFiles } from "../checker/systemCounterexample.ts";
import { SYSTEM_INVARIANT_NAMES } from "../properties/dependents/index.ts";
import { INVARIANT_NAMES } from "../properties/index.ts";
import { chartSpec } from "./chart.ts";
import { type Explained, explainCounterexample } from "./frames.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderSvg } from "./renderSvg.ts";
import { SCHEMA_PATH, schemaText } from "./schema.ts";
import { explainSystemCounterexample } from "./systemFrames.ts";
import { SYSTEM_SCHEMA_PATH, systemSchemaText } from "./systemSchema.ts";

export interface GeneratedFile {
  /** Relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

export const DESIGN_REVIEW = "docs/design-review.md";
export const DESIGN_REVIEW_DIR = "docs/design-review";

/** Files in the order of `names` (the invariants' registry order), then by name. */
const inOrder = (files: ReadonlyArray<string>, names: ReadonlyArray<string>): ReadonlyArray<string> => {
  const rank = (file: string): number => {
    const i = names.findIndex((n) => basename(file).startsWith(`${n}--`));
    return i === -1 ? names.length : i;
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || basename(a).localeCompare(basename(b)));
};

const explained = (path: string, system: boolean): Explained => {
  if (system) {
    const loaded = loadSystemCounterexample(path);
    if (E.isLeft(loaded)) throw new Error(loaded.left);
    return explainSystemCounterexample(loaded.right);
  }
  const loaded = loadCounterexample(path);
  if (E.isLeft(loaded)) throw new Error(loaded.left);
  return explainCounterexample(loaded.right);
};

/** Every generated file, from the corpus under `root`. */
export const generatedDocs = (root: string): ReadonlyArray<GeneratedFile> => {
  const corpus = join(root, "counterexamples");
  const files = [
    ...inOrder(corpusFiles(corpus), INVARIANT_NAMES).map((path) => ({ path, system: false })),
    ...inOrder(systemCorpusFiles(corpus), SYSTEM_INVARIANT_NAMES).map((path) => ({ path, system: true })),
  ];
  const out: GeneratedFile[] = [
    { path: SCHEMA_PATH, text: schemaText() },
    { path: SYSTEM_SCHEMA_PATH, text: systemSchemaText() },
  ];
  const sections: string[] = [];
  const rows: string[] = [];
  for (const [i, { path, system }] of files.entries()) {
    const name = basename(path, ".json");
    const e = explained(path, system);
    const c = e.counterexample;
    const file = `counterexamples/${system ? "system/" : ""}${name}.json`;
    if (system && !files[i - 1]?.system)
      sections.push(
        "## The dependent services",
        "",
        "The rest are system counterexamples ([counterexamples/system/](../counterexamples/system)): the same fleet with the",
        "services that depend on Kinesis (Cognito, CloudWatch, AutoScaling, Lambda, EventBridge with ECS and EKS, the Service",
        "Health Dashboard, a customer's pipeline). Their explorers add a grid of the dependents with their buffers, and their",
        "charts add the dependents' buffer fill, memory, waits and losses.",
        "",
      );
    const svg = renderSvg(chartSpec(e));
    out.push({ path: `${DESIGN_REVIEW_DIR}/${name}.svg`, text: svg });
    out.push({ path: `${DESIGN_REVIEW_DIR}/${name}.html`, text: renderHtml(e, { file, chartSvg: svg }) });
    rows.push(
      `| ${i + 1} | [${c.invariant}](#${i + 1}-${c.invariant.toLowerCase()}-violated-under-${c.config.name.replace(/[^a-z0-9-]/gi, "").toLowerCase()}) | ${c.ops.length} | ${c.message.replace(/\|/g, "\\|")} | [explorer](design-review/${name}.html) |`,
    );
    sections.push(
      renderMarkdown(e, { file, chart: `design-review/${name}.svg`, level: 2 }).replace(
        /^## /,
        `## ${i + 1}. `,
      ),
      `Step through it: [design-review/${name}.html](design-review/${name}.html) (download and open in a browser; it needs no network).`,
      "",
    );
  }
  const page = [
    "# Design review: the committed counterexamples",
    "",
    "<!-- Generated by `npm run docs` from counterexamples/. Do not edit: `npm test` fails when this page differs from what the corpus produces. -->",
    "",
    "Each section below is `npx outage explain` of one file in [counterexamples/](../counterexamples), the shrunk traces",
    "that `npm run check` found in the `as-was` model of the 25 Nov 2020 Kinesis outage. Read them in order: the",
    "thread budget breaks first, then the maps, then the routing; then what that did to the services that depend on",
    "Kinesis ([counterexamples/system/](../counterexamples/system)). [How to read a counterexample](reading-counterexamples.md).",
    "",
    "| # | invariant | steps | what broke | explorer |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    ...sections,
  ].join("\n");
  out.push({ path: DESIGN_REVIEW, text: `${page.trimEnd()}\n` });
  return out;
};
