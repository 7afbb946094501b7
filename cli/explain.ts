// ---------------------------------------------------------------------------------------------------------
// cli: `npx outage explain FILE`: a saved counterexample for a design review. Markdown (the default) with a
// Mermaid diagram, on stdout or in `--out OUT.md` with its SVG chart beside it (OUT.svg, or `--svg FILE`;
// `--chart` is its old name, kept);
// `--html OUT.html` writes the self-contained trace explorer; `--format itf` writes the Informal Trace Format.
// It writes only what it is asked to, never over its input. Same file, same bytes. Every write is atomic. A
// system counterexample (counterexamples/system/, `"kind": "system"`) is explained the same way.
// Exit 0 when the file reproduces, 1 when it no longer does (the output says so), 2 on bad input or I/O error.
// ---------------------------------------------------------------------------------------------------------

import { realpathSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../checker/corpus.ts";
import { chartSpec } from "../explain/chart.ts";
import { type Explained, explainSaved } from "../explain/frames.ts";
import { renderHtml } from "../explain/html.ts";
import { encodeItf } from "../explain/itf.ts";
import { renderMarkdown, shellWord } from "../explain/markdown.ts";
import { renderSvg } from "../explain/renderSvg.ts";
import { bad, writing } from "./input.ts";
import type { Io } from "./io.ts";
import { steps } from "./reportLines.ts";
import { useLoaded } from "./savedFile.ts";

export const EXPLAIN_FORMATS = ["md", "itf"] as const;

/**
 * A counterexample file of either spec (our JSON or an ITF trace), explained, and for a trace another tool wrote
 * the flags its replay needs and where it came from (its counterexample is the first invariant its operations
 * break, not a search's); a bad file is a one-line BadInput naming the field.
 */
export const loadExplained = (
  file: string,
  config?: string,
): {
  readonly e: Explained;
  readonly foreign?: { readonly replayFlags: string; readonly origin: string };
} => {
  const l = useLoaded(file, config);
  if (l.saved === undefined)
    return bad(
      `${file}: the trace breaks no invariant of ${l.itf?.spec ?? "its spec"}, so there is nothing to explain`,
    );
  const e = explainSaved(l.saved);
  if (l.itf === undefined || l.itf.recorded) return { e };
  const n = e.counterexample.violationStep;
  return {
    e,
    foreign: {
      replayFlags: config === undefined ? "" : `--config ${shellWord(config)}`,
      origin: `An ITF trace another tool wrote (${steps(l.itf.steps)}); ${n === 1 ? "its first operation breaks" : `its first ${n} operations break`} ${e.counterexample.invariant}. Not shrunk.`,
    },
  };
};

/** A path as a Markdown link from `fromDir`, with forward slashes. */
const linkFrom = (fromDir: string, path: string): string => relative(fromDir, path).split("\\").join("/");

/**
 * True when two paths name the same file: the same absolute path, or, when both exist, the same real path
 * (a symbolic link to the input is the input).
 */
const sameFile = (a: string, b: string): boolean => {
  if (resolve(a) === resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/** Refuses, before anything is written, an output that is the input or another output. */
const refuseClashes = (file: string, outputs: ReadonlyArray<readonly [string, string]>): void => {
  for (const [flag, path] of outputs)
    if (sameFile(path, file)) bad(`${flag} ${path}: is the input file; an output never overwrites an input`);
  outputs.forEach(([flag, path], i) => {
    const other = outputs.slice(i + 1).find(([, p]) => sameFile(p, path));
    if (other !== undefined) bad(`${flag} and ${other[0]} name the same file ${path}; give different files`);
  });
};

export const explain = (args: ReadonlyArray<string>, io: Io): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      out: { type: "string" },
      svg: { type: "string" },
      // The old name of --svg (issue 16 names it --svg), kept so scripts that use it keep working.
      chart: { type: "string" },
      html: { type: "string" },
      format: { type: "string" },
      config: { type: "string" },
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
  if (values.svg !== undefined && values.chart !== undefined)
    bad("--svg and --chart are one option (--chart is its old name); give one");
  const [chartFlag, chartFile] =
    values.chart === undefined ? (["--svg", values.svg] as const) : (["--chart", values.chart] as const);
  if (format === "itf" && (values.html !== undefined || chartFile !== undefined))
    bad(`--format itf writes only the trace; it cannot be used with --html or ${chartFlag}`);
  // The chart is written only when asked: by --svg, or beside the page --out writes (OUT.svg), which links it.
  // Markdown on stdout writes nothing (issue 15: it used to leave FILE.svg in the working folder).
  const chart =
    format === "itf"
      ? undefined
      : (chartFile ?? (values.out === undefined ? undefined : `${values.out.replace(/\.md$/, "")}.svg`));
  const outputs: ReadonlyArray<readonly [string, string]> = [
    ...(values.out === undefined ? [] : [["--out", values.out] as const]),
    ...(values.html === undefined ? [] : [["--html", values.html] as const]),
    ...(chart === undefined
      ? []
      : [[chartFile === undefined ? "the chart beside --out," : chartFlag, chart] as const]),
  ];
  refuseClashes(file, outputs);
  const { e, foreign } = loadExplained(file, values.config);
  if (!e.reproduces) io.err(`outage: ${file} no longer reproduces: ${e.replayDetail}\n`);
  const exit = e.reproduces ? 0 : 1;
  const write = (flag: string, path: string, text: string): void =>
    writing(flag, path, () => writeFileAtomic(path, text));

  if (format === "itf") {
    const text = encodeItf(e, basename(file));
    if (values.out === undefined) io.out(text);
    else write("--out", values.out, text);
    return exit;
  }

  const svg = renderSvg(chartSpec(e));
  const writeChart = (): void => {
    if (chart !== undefined) write(chartFile === undefined ? "--out" : chartFlag, chart, svg);
  };
  if (values.html !== undefined) {
    write("--html", values.html, renderHtml(e, { file, chartSvg: svg }));
    if (values.out === undefined) {
      writeChart();
      io.err(`wrote ${[values.html, ...(chart === undefined ? [] : [chart])].join(" and ")}\n`);
      return exit;
    }
  }
  const mdDir = values.out === undefined ? "." : dirname(values.out);
  const md = renderMarkdown(e, {
    file,
    ...(chart === undefined ? {} : { chart: linkFrom(mdDir, chart) }),
    ...(foreign === undefined ? {} : { foreign }),
  });
  // The page first, then its chart: a folder that cannot be written is named as the user typed it.
  if (values.out !== undefined) write("--out", values.out, md);
  writeChart();
  if (values.out === undefined) io.out(md);
  const wrote = [values.out, chart].filter((p): p is string => p !== undefined);
  if (wrote.length > 0) io.err(`wrote ${wrote.join(" and ")}\n`);
  return exit;
};
