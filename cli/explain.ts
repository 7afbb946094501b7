// ---------------------------------------------------------------------------------------------------------
// cli: `npx outage explain FILE`: a saved counterexample for a design review. Markdown (the default) with a
// Mermaid diagram and an SVG chart beside it; `--html OUT.html` writes the self-contained trace explorer;
// `--format itf` writes the Informal Trace Format. Same file, same bytes. Every write is atomic. A system
// counterexample (counterexamples/system/, `"kind": "system"`) is explained the same way, with its dependents.
// Exit 0 when the file reproduces, 1 when it no longer does (the output says so), 2 on bad input.
// ---------------------------------------------------------------------------------------------------------

import { basename, dirname, relative } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../checker/corpus.ts";
import { chartSpec } from "../explain/chart.ts";
import { type Explained, explainSaved } from "../explain/frames.ts";
import { renderHtml } from "../explain/html.ts";
import { encodeItf } from "../explain/itf.ts";
import { renderMarkdown } from "../explain/markdown.ts";
import { renderSvg } from "../explain/renderSvg.ts";
import { bad } from "./input.ts";
import type { Io } from "./io.ts";
import { useSaved } from "./savedFile.ts";

export const EXPLAIN_FORMATS = ["md", "itf"] as const;

/** A counterexample file of either spec, explained; a bad file is a one-line BadInput naming the field. */
export const loadExplained = (file: string): Explained => {
  return explainSaved(useSaved(file));
};

/** A path as a Markdown link from `fromDir`, with forward slashes. */
const linkFrom = (fromDir: string, path: string): string => relative(fromDir, path).split("\\").join("/");

export const explain = (args: ReadonlyArray<string>, io: Io): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      out: { type: "string" },
      chart: { type: "string" },
      html: { type: "string" },
      format: { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) bad("explain: give one counterexample file");
  if (positionals.length > 1) bad(`explain: unexpected argument ${positionals[1]}`);
  const file = positionals[0] as string;
  const format = values.format ?? "md";
  if (!(EXPLAIN_FORMATS as ReadonlyArray<string>).includes(format))
    bad(`--format ${format}: unknown; expected one of ${EXPLAIN_FORMATS.join(", ")}`);
  if (format === "itf" && (values.html !== undefined || values.chart !== undefined))
    bad("--format itf writes only the trace; it cannot be used with --html or --chart");
  if (values.html !== undefined && values.html === values.out)
    bad("--html and --out must be different files");
  const e = loadExplained(file);
  if (!e.reproduces) io.err(`outage: ${file} no longer reproduces: ${e.replayDetail}\n`);
  const exit = e.reproduces ? 0 : 1;

  if (format === "itf") {
    const text = encodeItf(e, basename(file));
    if (values.out === undefined) io.out(text);
    else writeFileAtomic(values.out, text);
    return exit;
  }

  const svg = renderSvg(chartSpec(e));
  if (values.html !== undefined) {
    writeFileAtomic(values.html, renderHtml(e, { file, chartSvg: svg }));
    io.err(`wrote ${values.html}\n`);
    if (values.out === undefined) return exit;
  }
  const mdDir = values.out === undefined ? "." : dirname(values.out);
  const chart =
    values.chart ??
    (values.out === undefined
      ? `${basename(file).replace(/\.json$/, "")}.svg`
      : `${values.out.replace(/\.md$/, "")}.svg`);
  writeFileAtomic(chart, svg);
  const md = renderMarkdown(e, { file, chart: linkFrom(mdDir, chart) });
  if (values.out === undefined) io.out(md);
  else writeFileAtomic(values.out, md);
  io.err(`wrote ${values.out === undefined ? "" : `${values.out} and `}${chart}\n`);
  return exit;
};
