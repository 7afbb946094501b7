// ---------------------------------------------------------------------------------------------------------
// explain: the generated documentation: the counterexample JSON Schema and the worked design-review page
// built from the committed corpus, the fleet's (counterexamples/) and then the dependents'
// (counterexamples/system/), as docs/design-review.md with a chart per counterexample in docs/design-review/,
// all committed; and a trace explorer per counterexample, built into reports/design-review/ and not
// committed (3.5 MB of HTML that says nothing the corpus and the generator do not). `npm run docs` writes
// both (explain/writeDocs.ts); `npm test` regenerates the committed files in memory and fails when one
// differs (explain/docs.test.ts), so the page cannot rot. Reads the corpus; writes nothing.
// ---------------------------------------------------------------------------------------------------------
import { basename, join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { corpusFiles, corpusFolderOf } from "../checker/corpus.ts";
import { SYSTEM_INVARIANT_NAMES } from "../properties/dependents/index.ts";
import { INVARIANT_NAMES } from "../properties/index.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { loadSaved } from "../specs/saved.ts";
import { chartSpec } from "./chart.ts";
import { CONFIG_SCHEMA_PATH, configSchemaText } from "./configSchema.ts";
import { type Explained, explainSaved } from "./frames.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderSvg } from "./renderSvg.ts";
import { SCHEMA_PATH, schemaText } from "./schema.ts";

export interface GeneratedFile {
  /** Relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** What `npm run docs` writes: the committed files (`npm test` compares them) and the explorers (not committed). */
export interface GeneratedDocs {
  readonly committed: ReadonlyArray<GeneratedFile>;
  readonly explorers: ReadonlyArray<GeneratedFile>;
}

export const DESIGN_REVIEW = "docs/design-review.md";
/** The design review's charts, committed: the page shows them. */
export const DESIGN_REVIEW_DIR = "docs/design-review";
/** The trace explorers, built by `npm run docs` and ignored by git (reports/ is). */
export const EXPLORER_DIR = "reports/design-review";

/** Files in the order of `names` (the invariants' registry order), then by name. */
const inOrder = (files: ReadonlyArray<string>, names: ReadonlyArray<string>): ReadonlyArray<string> => {
  const rank = (file: string): number => {
    const i = names.findIndex((n) => basename(file).startsWith(`${n}--`));
    return i === -1 ? names.length : i;
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || basename(a).localeCompare(basename(b)));
};

const explained = (path: string): Explained => {
  const loaded = loadSaved(path);
  if (E.isLeft(loaded)) throw new Error(loaded.left);
  return explainSaved(loaded.right);
};

/** Every generated file, from the corpus under `root`. */
export const generatedDocs = (root: string): GeneratedDocs => {
  const corpus = join(root, "counterexamples");
  const files = [
    ...inOrder(corpusFiles(corpusFolderOf(corpus, fleetSpec)), INVARIANT_NAMES).map((path) => ({
      path,
      system: false,
    })),
    ...inOrder(corpusFiles(corpusFolderOf(corpus, systemSpec)), SYSTEM_INVARIANT_NAMES).map((path) => ({
      path,
      system: true,
    })),
  ];
  const out: GeneratedFile[] = [
    { path: SCHEMA_PATH, text: schemaText() },
    { path: CONFIG_SCHEMA_PATH, text: configSchemaText() },
  ];
  const explorers: GeneratedFile[] = [];
  const sections: string[] = [];
  const rows: string[] = [];
  for (const [i, { path, system }] of files.entries()) {
    const name = basename(path, ".json");
    const e = explained(path);
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
    const explorer = `${EXPLORER_DIR}/${name}.html`;
    explorers.push({ path: explorer, text: renderHtml(e, { file, chartSvg: svg }) });
    rows.push(
      `| ${i + 1} | [${c.invariant}](#${i + 1}-${c.invariant.toLowerCase()}-violated-under-${c.config.name.replace(/[^a-z0-9-]/gi, "").toLowerCase()}) | ${c.ops.length} | ${c.message.replace(/\|/g, "\\|")} |`,
    );
    sections.push(
      renderMarkdown(e, { file, chart: `design-review/${name}.svg`, level: 2 }).replace(
        /^## /,
        `## ${i + 1}. `,
      ),
      `Step through it: \`npm run docs\` builds its explorer, \`${explorer}\` (open it in a browser; it needs no network).`,
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
    "Each one also has a trace explorer, a self-contained HTML page to step through it: `npm run docs` builds them",
    `into ${EXPLORER_DIR}/, which is not committed, and \`npx outage explain FILE --html OUT.html\` builds one.`,
    "",
    "| # | invariant | steps | what broke |",
    "|---|---|---|---|",
    ...rows,
    "",
    ...sections,
  ].join("\n");
  out.push({ path: DESIGN_REVIEW, text: `${page.trimEnd()}\n` });
  return { committed: out, explorers };
};
