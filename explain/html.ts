// ---------------------------------------------------------------------------------------------------------
// explain: the trace explorer, one self-contained HTML file (inline CSS, script, data and chart; nothing is
// fetched at view time). It opens at the violation. A reviewer steps through the trace with the keyboard (← → Home End, v for the
// violation) or by clicking a step, and sees the operation, what changed, the fleet as a grid of frontends
// (threads against the OS limit, shard-map state; frontends that look the same share one card that lists them
// on click, explain/fleetGroups.ts), for a system counterexample the dependent services with
// their buffers (dependentGrids.ts), the quantities of every chart panel, and the violation highlighted. The page's script only displays precomputed data: every number comes from the model. Pure.
// ---------------------------------------------------------------------------------------------------------

import { threadLimitInForce } from "../model/threadFormula.ts";
import { actorOf } from "./actor.ts";
import { fleetGroups } from "./fleetGroups.ts";
import { clockTime, type Explained, traceTitle, violationFrame } from "./frames.ts";
import { shellWord } from "./markdown.ts";
import { groupChanges } from "./story.ts";
import { type GridChoice, gridsAt } from "./traceGrids.ts";
import { type PanelChoice, tracePanels } from "./tracePanels.ts";

export interface HtmlOptions extends PanelChoice, GridChoice {
  /** The counterexample file as the reader should type it in the replay command. */
  readonly file: string;
  /** The chart, as SVG text (explain/renderSvg.ts), embedded as is. */
  readonly chartSvg: string;
}

/** Everything the page shows, as data. */
export const explorerData = (e: Explained, options: HtmlOptions) => {
  const c = e.counterexample;
  const panels = tracePanels(e, options);
  const v = violationFrame(e);
  return {
    title: traceTitle(e, c.config.name),
    invariant: c.invariant,
    sentence: e.sentence,
    source: c.source,
    message: c.message,
    config: c.config.name,
    description: c.config.description,
    threadLimit: threadLimitInForce(c.config),
    replay: `npx outage replay ${shellWord(options.file)}`,
    reproduces: e.reproduces,
    replayDetail: e.replayDetail,
    violationIndex: v.violation !== undefined ? v.index : null,
    /** The frame the page opens at (issue 15: at the violation, not at step 0), unless the URL names a step. */
    openAt: e.frames.indexOf(v),
    frames: e.frames.map((f, i) => ({
      index: f.index,
      label: f.step?.label ?? "initial state",
      actor: f.step === undefined ? "" : actorOf(f.step.op),
      tick: f.state.tick,
      time: clockTime(e.config, f.state.tick),
      refused: f.step?.refused ?? null,
      changes: f.step === undefined ? [] : groupChanges(f.step.changes),
      violation: f.violation?.message ?? null,
      nearMiss: f.nearMiss?.message ?? null,
      fleet: fleetGroups(e.config, f.state),
      requests: f.state.requests,
      grids: gridsAt(e, f, options),
      quantities: panels.map((p) => ({
        title: p.title,
        limit: p.limit ?? null,
        values: p.series.map((s) => ({ name: s.name, value: s.values[i] ?? null })),
      })),
    })),
  };
};

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

/** JSON that is safe inside a <script> element. */
const scriptJson = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

const CSS = `
:root { --bad: #c62828; --warn: #ef6c00; --ok: #2e7d32; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #222; }
header { padding: 12px 20px; border-bottom: 1px solid var(--line); }
header h1 { font-size: 20px; margin: 0 0 4px; }
header p { margin: 2px 0; color: #444; }
.layout { display: grid; grid-template-columns: 300px 1fr; min-height: calc(100vh - 90px); }
nav { border-right: 1px solid var(--line); padding: 8px; overflow-y: auto; max-height: calc(100vh - 90px); }
nav ol { list-style: none; margin: 0; padding: 0; }
nav li { padding: 4px 8px; border-radius: 4px; cursor: pointer; font: 12px/1.4 ui-monospace, monospace; }
nav li:hover { background: #f0f0f0; }
nav li.current { background: #1565c0; color: white; }
nav li.violation { border-left: 4px solid var(--bad); }
nav li.refused { color: var(--muted); text-decoration: line-through; }
main { padding: 12px 20px; }
.controls { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; }
.controls button { font: inherit; padding: 4px 10px; cursor: pointer; }
.controls .hint { color: var(--muted); font-size: 12px; margin-left: 8px; }
#step-counter { font-weight: 600; margin: 0 8px; }
.op { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin-bottom: 10px; }
.op h2 { font-size: 16px; margin: 0 0 4px; font-family: ui-monospace, monospace; }
.op ul { margin: 4px 0 0; padding-left: 20px; }
#violation-banner { background: #ffebee; border: 2px solid var(--bad); color: #7f0000; border-radius: 6px; padding: 8px 12px; margin-bottom: 10px; font-weight: 600; }
#violation-banner[hidden] { display: none; }
#violation-banner.near { background: #fff3e0; border-color: var(--warn); color: #8a3d00; }
h3 { font-size: 14px; margin: 14px 0 6px; }
.fleet { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; }
.fe { border: 2px solid var(--line); border-radius: 6px; padding: 6px 8px; font-size: 12px; background: #fff; }
.fe .name { font-weight: 600; font-family: ui-monospace, monospace; }
.fe.group { grid-column: span 2; }
.fe .expand { font: 11px ui-monospace, monospace; margin-top: 4px; padding: 1px 6px; cursor: pointer; }
.fe .members { display: flex; flex-wrap: wrap; gap: 2px 6px; max-height: 240px; overflow-y: auto; margin-top: 4px; font: 11px ui-monospace, monospace; color: #444; }
.fe .members[hidden] { display: none; }
.fe .status { float: right; font-size: 11px; padding: 0 4px; border-radius: 3px; background: #e8f5e9; color: var(--ok); }
.fe.status-bootstrapping .status { background: #eceff1; color: #455a64; }
.fe.status-stopped { opacity: .55; }
.fe.status-stopped .status { background: #eee; color: #333; }
.fe.over-limit { border-color: var(--bad); background: #fff5f5; }
.bar { position: relative; height: 12px; background: #eee; border-radius: 3px; margin: 5px 0 2px; overflow: hidden; }
.bar .need { position: absolute; left: 0; top: 0; bottom: 0; background: #64b5f6; }
.fe.over-limit .bar .need { background: var(--bad); }
.bar .limit { position: absolute; top: 0; bottom: 0; width: 2px; background: #000; }
.threads { font-family: ui-monospace, monospace; }
.fe.over-limit .threads { color: var(--bad); font-weight: 700; }
.map { display: inline-block; margin-top: 3px; padding: 0 5px; border-radius: 3px; font-size: 11px; }
.map-complete .map { background: #e8f5e9; color: var(--ok); }
.map-building .map { background: #eceff1; color: #455a64; }
.map-useless .map { background: repeating-linear-gradient(45deg, #ffe0b2, #ffe0b2 4px, #ffcc80 4px, #ffcc80 8px); color: #8a3d00; font-weight: 700; }
.fe.stale .map::after { content: " · stale"; }
.card.bad { border-color: var(--bad); background: #fff5f5; }
.card .status { float: none; display: inline-block; margin-bottom: 3px; }
.card.bad .status { background: #ffebee; color: var(--bad); font-weight: 600; }
.gauge { font-size: 11px; font-family: ui-monospace, monospace; }
.card .bar .need.over { background: var(--bad); }
table.q { border-collapse: collapse; font-size: 12px; }
table.q td, table.q th { border: 1px solid var(--line); padding: 2px 8px; text-align: left; }
table.q td.num { text-align: right; font-family: ui-monospace, monospace; }
table.q tr.over td.num { color: var(--bad); font-weight: 700; }
.chart svg { max-width: 100%; height: auto; }
code, pre { font-family: ui-monospace, monospace; }
pre { background: #f6f8fa; padding: 8px; border-radius: 4px; }
`;

const SCRIPT = `
"use strict";
const data = JSON.parse(document.getElementById("trace-data").textContent);
const frames = data.frames;
let current = 0;
const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
const steps = $("steps");
frames.forEach((f, i) => {
  const li = el("li", (f.violation || f.nearMiss ? "violation" : "") + (f.refused ? " refused" : ""), (f.index === 0 ? "0 " : f.index + " ") + f.label);
  li.dataset.index = String(i);
  li.tabIndex = -1;
  li.addEventListener("click", () => show(i));
  steps.appendChild(li);
});
function fmt(v) { return v === null ? "–" : String(v); }
const num = (n) => n.toLocaleString("en-US");
// A group's members are runs [first, last] of consecutive ids; the page lists every name when expanded.
function memberNames(runs) {
  const names = [];
  for (const [a, b] of runs) {
    const ma = /^(.*-)(\\d+)$/.exec(a), mb = /^(.*-)(\\d+)$/.exec(b);
    if (!ma || !mb || a === b) { names.push(a); if (a !== b) names.push(b); continue; }
    for (let i = Number(ma[2]); i <= Number(mb[2]); i++) names.push(ma[1] + i);
  }
  return names;
}
// Groups listed open stay open from step to step, keyed by their first member.
const expanded = new Set();
function groupCard(g, top) {
  const first = g.members[0][0];
  const card = el("div", "fe status-" + g.status + " map-" + g.map + (g.overLimit ? " over-limit" : "") + (g.staleShards > 0 ? " stale" : "") + (g.count > 1 ? " group" : ""));
  card.dataset.name = first;
  card.dataset.count = String(g.count);
  card.title = "knows " + num(g.knownPeers) + " of " + num(g.actualPeers) + " peers; lag " + g.behindFor + " ticks" + (g.bootstrapLeft ? "; bootstrap ticks left " + g.bootstrapLeft : "");
  card.appendChild(el("span", "status", g.status));
  card.appendChild(el("div", "name", g.count === 1 ? first : num(g.count) + " frontends: " + g.status + ", map " + g.map + ", threads " + num(g.needed) + " of " + num(g.limit)));
  const bar = el("div", "bar");
  const need = el("div", "need"); need.style.width = (100 * Math.min(g.needed, top) / top) + "%";
  const lim = el("div", "limit"); lim.style.left = "calc(" + (100 * g.limit / top) + "% - 2px)";
  bar.append(need, lim);
  card.appendChild(bar);
  card.appendChild(el("div", "threads", "threads " + g.needed + " / " + g.limit + (g.overLimit ? " over" : "") + " · held " + g.held));
  card.appendChild(el("span", "map", "map " + g.map + (g.staleShards > 0 ? " (" + g.staleShards + ")" : "")));
  if (g.count > 1) {
    const button = el("button", "expand");
    const list = el("div", "members");
    const open = (on) => {
      list.hidden = !on;
      button.textContent = on ? "hide the " + num(g.count) : "list the " + num(g.count);
      button.setAttribute("aria-expanded", String(on));
      if (on && list.childElementCount === 0) for (const n of memberNames(g.members)) list.appendChild(el("span", "member", n));
      if (on) expanded.add(first); else expanded.delete(first);
    };
    button.addEventListener("click", () => open(list.hidden));
    open(expanded.has(first));
    card.append(button, list);
  }
  return card;
}
function show(i) {
  current = Math.max(0, Math.min(frames.length - 1, i));
  const f = frames[current];
  $("step-counter").textContent = "Step " + f.index + " / " + frames[frames.length - 1].index;
  $("op-label").textContent = f.label;
  $("op-time").textContent = "t=" + f.tick + " (" + f.time + ")" + (f.actor ? " · actor: " + f.actor : "");
  const changes = $("op-changes");
  changes.replaceChildren();
  if (f.refused) changes.appendChild(el("li", "", "refused by the model, nothing changed: " + f.refused));
  else if (f.index === 0) changes.appendChild(el("li", "", "the steady state before the capacity addition"));
  else if (f.changes.length === 0) changes.appendChild(el("li", "", "nothing visible changed"));
  for (const c of f.changes) changes.appendChild(el("li", "", c));
  const banner = $("violation-banner");
  banner.hidden = !f.violation && !f.nearMiss;
  banner.classList.toggle("near", !!f.nearMiss);
  banner.textContent = f.violation ? "✗ " + data.invariant + " violated: " + f.violation : f.nearMiss ? "≈ " + data.invariant + " held; " + f.nearMiss : "";
  const fleet = $("fleet");
  fleet.replaceChildren();
  const top = Math.max(data.threadLimit, ...f.fleet.map((x) => x.needed));
  for (const g of f.fleet) fleet.appendChild(groupCard(g, top));
  const size = f.fleet.reduce((n, g) => n + g.count, 0);
  const over = f.fleet.filter((x) => x.overLimit).reduce((n, g) => n + g.count, 0);
  const incomplete = f.fleet.filter((x) => x.map !== "complete").reduce((n, g) => n + g.count, 0);
  $("fleet-summary").textContent = num(size) + " frontends in " + num(f.fleet.length) + (f.fleet.length === 1 ? " group" : " groups") + " (frontends that look the same share a card; click to list them) · " + num(over) + " over the thread limit of " + num(data.threadLimit) + " · " + num(incomplete) + " without a complete map · requests: " + f.requests.succeeded + " ok, " + f.requests.failed + " failed (" + f.requests.misrouted + " of them sent to a former owner)";
  const grids = $("grids");
  grids.replaceChildren();
  for (const g of f.grids) {
    const h = el("h3", "", g.title);
    const box = el("div", "fleet grid-" + g.id);
    for (const c of g.cards) {
      const card = el("div", "fe card" + (c.bad ? " bad" : ""));
      card.dataset.name = c.name;
      card.appendChild(el("span", "status", c.status));
      card.appendChild(el("div", "name", c.name));
      for (const gauge of c.gauges) {
        const top = Math.max(gauge.max, gauge.value, 1);
        const bar = el("div", "bar");
        const fill = el("div", "need" + (gauge.value > gauge.max ? " over" : ""));
        fill.style.width = (100 * gauge.value / top) + "%";
        const lim = el("div", "limit"); lim.style.left = "calc(" + (100 * gauge.max / top) + "% - 2px)";
        bar.append(fill, lim);
        card.append(bar, el("div", "gauge", gauge.label + " " + gauge.value + " / " + gauge.max));
      }
      box.appendChild(card);
    }
    grids.append(h, box);
  }
  const q = $("quantities");
  q.replaceChildren();
  for (const p of f.quantities) {
    const head = el("tr"); const th = el("th", "", p.title); th.colSpan = 2; head.appendChild(th); q.appendChild(head);
    for (const s of p.values) {
      const tr = el("tr", p.limit && s.value !== null && s.value > p.limit.value ? "over" : "");
      tr.append(el("td", "", s.name), el("td", "num", fmt(s.value)));
      q.appendChild(tr);
    }
    if (p.limit) { const tr = el("tr"); tr.append(el("td", "", p.limit.name), el("td", "num", String(p.limit.value))); q.appendChild(tr); }
  }
  for (const li of steps.children) li.classList.toggle("current", Number(li.dataset.index) === current);
  steps.children[current].scrollIntoView({ block: "nearest" });
  $("prev").disabled = current === 0;
  $("next").disabled = current === frames.length - 1;
  if (location.hash !== "#step=" + f.index) history.replaceState(null, "", "#step=" + f.index);
}
const violationAt = () => { const i = frames.findIndex((f) => f.violation || f.nearMiss); return i === -1 ? frames.length - 1 : i; };
$("first").addEventListener("click", () => show(0));
$("prev").addEventListener("click", () => show(current - 1));
$("next").addEventListener("click", () => show(current + 1));
$("last").addEventListener("click", () => show(frames.length - 1));
$("to-violation").addEventListener("click", () => show(violationAt()));
document.addEventListener("keydown", (ev) => {
  if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const k = ev.key;
  if (k === "ArrowRight" || k === "ArrowDown" || k === "j") show(current + 1);
  else if (k === "ArrowLeft" || k === "ArrowUp" || k === "k") show(current - 1);
  else if (k === "Home") show(0);
  else if (k === "End") show(frames.length - 1);
  else if (k === "v") show(violationAt());
  else return;
  ev.preventDefault();
});
const m = /^#step=(\\d+)$/.exec(location.hash);
show(m ? frames.findIndex((f) => f.index === Number(m[1])) : data.openAt);
`;

/** The explorer page. */
export const renderHtml = (e: Explained, options: HtmlOptions): string => {
  const d = explorerData(e, options);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(d.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(d.title)}</h1>
<p><strong>Invariant.</strong> ${escapeHtml(d.sentence)} <em>Source: ${escapeHtml(d.source)}</em></p>
<p><strong>Config.</strong> <code>${escapeHtml(d.config)}</code>: ${escapeHtml(d.description)}${d.reproduces ? "" : ` <strong>Warning: this file no longer reproduces: ${escapeHtml(d.replayDetail)}.</strong>`}</p>
</header>
<div class="layout">
<nav aria-label="steps"><ol id="steps"></ol></nav>
<main>
<div class="controls">
<button id="first" title="Home">« first</button>
<button id="prev" title="← or k">◀ prev</button>
<span id="step-counter"></span>
<button id="next" title="→ or j">next ▶</button>
<button id="last" title="End">last »</button>
<button id="to-violation" title="v">✗ violation</button>
<span class="hint">keys: ← → Home End, v = violation; click a step</span>
</div>
<div id="violation-banner" role="alert" hidden></div>
<section class="op"><h2 id="op-label"></h2><div id="op-time"></div><ul id="op-changes"></ul></section>
<h3>Fleet</h3>
<p id="fleet-summary"></p>
<div id="fleet" class="fleet"></div>
<div id="grids"></div>
<h3>Quantities at this step</h3>
<table class="q"><tbody id="quantities"></tbody></table>
<h3>Chart (whole trace; red line: the violation)</h3>
<div class="chart">${options.chartSvg}</div>
<h3>Replay</h3>
<pre>${escapeHtml(d.replay)}</pre>
</main>
</div>
<script type="application/json" id="trace-data">${scriptJson(d)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
};
