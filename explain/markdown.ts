// ---------------------------------------------------------------------------------------------------------
// explain: a counterexample as a Markdown page for a design review: title, the parameters that matter, the
// story step by step with only what changed, the violated invariant with its source, the fleet at the
// violation, a Mermaid diagram, the chart (an SVG beside the page) and the replay command. Pure: same file,
// same bytes.
// ---------------------------------------------------------------------------------------------------------
import { type Config, REMEDIATION_NAMES } from "../model/config.ts";
import { DEPENDENT_REMEDIATION_NAMES } from "../model/dependents/config.ts";
import type { State } from "../model/state.ts";
import { systemParametersFor } from "./dependentParameters.ts";
import { fleetSummary, fleetView } from "./fleetView.ts";
import { type Explained, isSystemCounterexample, traceTitle, violationFrame } from "./frames.ts";
import { cardLines } from "./grids.ts";
import { mermaidDiagram } from "./mermaid.ts";
import { parametersFor } from "./parameters.ts";
import { stepsText, storyOf, timeText } from "./story.ts";
import { type GridChoice, gridsAt } from "./traceGrids.ts";

export interface MarkdownOptions extends GridChoice {
  /** The counterexample file as the reader should type it in the replay command. */
  readonly file: string;
  /** The chart's path relative to the Markdown file, or undefined for no chart. */
  readonly chart?: string;
  /** Heading level of the title (1 for a page of its own, 2 inside a longer page). */
  readonly level?: number;
  /**
   * For a trace another tool wrote (an ITF trace with no counterexample of ours in it): the flags its replay
   * needs (`--config small`), and where it came from, in place of the fast-check seed and path it has not got.
   */
  readonly foreign?: { readonly replayFlags: string; readonly origin: string };
}

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

/** A path as one shell word (quoted when it holds anything but safe characters). */
export const shellWord = (s: string): string =>
  /^[\w./+:=@-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;

/** Markdown-safe table cell. */
const cell = (s: string): string => s.replace(/\|/g, "\\|");

/** The initial state in one clause: how many serve with complete maps, and whether every peer has its threads. */
const initialSentence = (config: Config, state: State): string => {
  const fleet = fleetView(config, state);
  const complete = fleet.filter((f) => f.status === "serving" && f.map === "complete").length;
  const short = fleet.filter((f) => f.held < f.needed).length;
  return `${complete} of ${fleet.length} frontends serve with complete maps; ${
    short === 0
      ? "each holds a thread for every peer"
      : `${short} cannot hold a thread for every peer (over the OS limit)`
  }`;
};

export const renderMarkdown = (e: Explained, options: MarkdownOptions): string => {
  const c = e.counterexample;
  const h = "#".repeat(options.level ?? 1);
  const v = violationFrame(e);
  const on = [
    ...REMEDIATION_NAMES.filter((n) => c.config.remediations[n]),
    ...(isSystemCounterexample(c)
      ? DEPENDENT_REMEDIATION_NAMES.filter((n) => c.config.dependents.remediations[n])
      : []),
  ];
  const parameters = isSystemCounterexample(c)
    ? systemParametersFor(c.invariant).map((p) => ({ ...p, shown: p.value(c.config) }))
    : parametersFor(c.invariant).map((p) => ({ ...p, shown: p.value(c.config) }));
  const out: string[] = [];
  const near = c.nearMiss !== undefined;
  out.push(`${h} ${traceTitle(e, code(c.config.name))}`, "");
  out.push(`> **Invariant.** ${e.sentence}`, ">", `> **Source.** ${c.source}`, "");
  if (!e.reproduces) out.push(`**Warning: this file no longer reproduces.** ${e.replayDetail}.`, "");
  const when =
    c.violationStep === 0 ? "In the initial state" : `After step ${c.violationStep} of ${c.ops.length}`;
  out.push(`**${near ? "How close it came" : "What broke"}.** ${when}: ${c.message}.`, "");
  out.push(`Config ${code(c.config.name)}: ${c.config.description}.`, "");
  out.push(`${h}# Parameters that matter`, "", "| parameter | value | meaning |", "|---|---|---|");
  for (const p of parameters) out.push(`| ${code(p.path)} | ${String(p.shown)} | ${cell(p.meaning)} |`);
  out.push(
    "",
    `Remediations on: ${on.length === 0 ? "none (the system as it was on 25 Nov 2020)" : on.map(code).join(", ")}.`,
    "",
  );
  out.push(`${h}# What happened`, "");
  const initial = e.frames[0];
  if (initial !== undefined) {
    const dependents = gridsAt(e, initial, options).flatMap((g) => g.cards);
    const calm =
      dependents.length > 0 && dependents.every((d) => !d.bad && d.gauges.every((g) => g.value === 0));
    out.push(
      `At the start (t=0, 02:44) ${initialSentence(e.config, initial.state)}${calm ? `; the ${dependents.length} dependent services are ok, their buffers empty` : ""}.`,
      "",
    );
  }
  for (const ch of storyOf(e)) {
    const mark = ch.violation !== undefined ? " ✗" : "";
    out.push(`- **${stepsText(ch)}** (${timeText(ch)}): ${code(ch.label)}${mark}`);
    if (ch.refused !== undefined) out.push(`  - refused by the model, nothing changed: ${ch.refused}`);
    else if (ch.changes.length === 0) out.push("  - nothing visible changed");
    for (const change of ch.changes) out.push(`  - ${change}`);
  }
  out.push("");
  out.push(`${h}# ${near ? "The closest state" : "The violation"}`, "");
  out.push(`**${c.invariant}** ${near ? "comes closest" : "fails"} ${when.toLowerCase()}: ${c.message}.`, "");
  out.push(`Why it matters: the invariant says "${e.sentence}" It encodes ${c.source}.`, "");
  out.push(`The fleet at that moment (t=${v.state.tick}):`, "");
  for (const line of fleetSummary(c.config, v.state)) out.push(`- ${line}`);
  for (const g of gridsAt(e, v, options))
    for (const line of cardLines(g.cards)) out.push(`- ${g.title}: ${line}`);
  const r = v.state.requests;
  const total = r.succeeded + r.failed;
  out.push(
    `- requests so far: ${total === 0 ? "none" : `${r.succeeded} succeeded, ${r.failed} failed (${r.misrouted} of them sent to a shard's former owner)`}`,
    "",
  );
  out.push(`${h}# Diagram`, "", "```mermaid", mermaidDiagram(e).trimEnd(), "```", "");
  if (options.chart !== undefined)
    out.push(
      `${h}# Chart`,
      "",
      `![${c.invariant}: the quantities that lead to the failure](${options.chart})`,
      "",
    );
  const flags = options.foreign === undefined ? "" : `${options.foreign.replayFlags} `;
  out.push(
    `${h}# Replay`,
    "",
    "```sh",
    `npx outage replay ${flags}${shellWord(options.file)}`,
    `npx outage explain ${flags}${shellWord(options.file)} --html trace.html   # step through it in a browser`,
    "```",
    "",
    options.foreign?.origin ??
      (near
        ? `The run fast-check drew with seed ${c.seed}, path ${code(c.path)}, the closest of its search, up to its closest state: ${c.ops.length} operation${c.ops.length === 1 ? "" : "s"}.`
        : `Found by fast-check with seed ${c.seed}, path ${code(c.path || "(empty)")}, then shrunk to ${c.ops.length} operation${c.ops.length === 1 ? "" : "s"}.`),
    "",
  );
  return out.join("\n");
};
