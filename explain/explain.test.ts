// explain for the fleet's committed counterexamples (counterexamples/*.json): the frames, the Markdown story,
// the chart; and `npx outage explain`, run in this process (`run` in cli/main.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { counterexampleFrom } from "../checker/counterexample.ts";
import { runTrace } from "../checker/trace.ts";
import { run } from "../cli/main.ts";
import { asWas } from "../model/configs/asWas.ts";
import type { Op } from "../model/ops.ts";
import { servesOnlyWithCompleteMap } from "../properties/servesOnlyWithCompleteMap.ts";
import { fleetSpec } from "../specs/index.ts";
import { fleetCorpus, loadedFleet, named } from "../test/savedCorpus.ts";
import { chartSpec } from "./chart.ts";
import { explainCounterexample, violationFrame } from "./frames.ts";
import type { Grid } from "./grids.ts";
import { renderHtml } from "./html.ts";
import { toItf } from "./itf.ts";
import { renderMarkdown } from "./markdown.ts";
import { mermaidDiagram } from "./mermaid.ts";
import { narrate, savedSteps } from "./narrate.ts";
import { PANELS, type Panel } from "./panels.ts";
import { groupChanges, storyOf } from "./story.ts";

const corpus = fleetCorpus;
const dir = mkdtempSync(join(tmpdir(), "outage-explain-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const explained = (f: string) => explainCounterexample(loadedFleet(f));

/** `npx outage ...args`, in this process; every path it is given is absolute. */
const outage = (...args: ReadonlyArray<string>) => run(args);

describe("explain, for each committed counterexample", () => {
  test.each(named(corpus))("%s: Markdown with the story, a Mermaid block and the chart", (_n, f) => {
    const e = explained(f);
    const c = e.counterexample;
    expect(e.reproduces).toBe(true);
    // The rebuilt states end where the saved violation is, and that state really breaks the invariant.
    const v = violationFrame(e);
    expect(v.index).toBe(c.violationStep);
    expect(v.violation?.message).toBe(c.message);
    const md = renderMarkdown(e, { file: "the.json", chart: "the.svg" });
    expect(md).toBe(renderMarkdown(e, { file: "the.json", chart: "the.svg" }));
    expect(md.startsWith(`# ${c.invariant} violated under \`${c.config.name}\``)).toBe(true);
    expect(md).toContain(c.source);
    expect(md).toContain(c.message);
    expect(md).toContain("```mermaid\nsequenceDiagram\n");
    expect(md).toContain("![");
    expect(md).toContain("](the.svg)");
    expect(md).toContain("npx outage replay the.json");
    // every operation the model accepted is told, and the violating one is marked
    for (const s of c.steps)
      if (!/tick/.test(s.label) || s.step === c.violationStep) expect(md).toContain(s.label);
    expect(md).toMatch(new RegExp(`\\*\\*Steps? [^*]*${c.violationStep}\\*\\*[^\\n]*✗`));
    expect(mermaidDiagram(e)).toContain(`✗ ${c.invariant} violated`);
  });
});

describe("the story", () => {
  const peers = corpus.find((f) => f.includes("PeersLearnedWithin"));
  test.runIf(peers !== undefined)(
    "folds the waiting ticks into one entry and groups frontends that changed alike",
    () => {
      const e = explained(peers as string);
      const story = storyOf(e);
      const folded = story.find((ch) => ch.from !== ch.to);
      expect(folded).toBeDefined();
      expect(folded?.label).toMatch(/^clock\/tick ×\d+ to t=\d+$/);
      expect(story.length).toBeLessThan(e.frames.length - 1);
      const last = story[story.length - 1];
      expect(last?.violation).toBeDefined();
      // 8 frontends changed the same way at the violation; the story tells it in fewer sentences than that.
      const changed =
        e.frames[e.frames.length - 1]?.state.frontends.filter((f) => f.map === "useless").length ?? 0;
      expect(changed).toBeGreaterThan(2);
      expect(last?.changes.length).toBeLessThan(changed);
      expect(groupChanges(last?.changes ?? [])).toEqual(last?.changes);
    },
  );

  test("groupChanges keeps single sentences and groups consecutive frontends", () => {
    expect(groupChanges(["frontend-3's shard-map is useless", "fleet: 9 frontends"])).toEqual([
      "frontend-3's shard-map is useless",
      "fleet: 9 frontends",
    ]);
    expect(
      groupChanges([
        "frontend-0's map is x",
        "frontend-1's map is x",
        "frontend-2's map is x",
        "frontend-3's map is x",
      ]),
    ).toEqual(["frontend-0 … frontend-3 (4 frontends): map is x"]);
    expect(groupChanges(["frontend-0 knows 2", "frontend-5 knows 2"])).toEqual([
      "frontend-0, frontend-5: knows 2",
    ]);
  });
});

describe("the chart", () => {
  test("is a Vega-Lite spec with one panel per quantity, the limit and the violation step", () => {
    const e = explained(corpus[0] as string);
    const spec = chartSpec(e) as { vconcat: Array<{ layer: unknown[] }> };
    expect(spec.vconcat.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(spec);
    expect(text).toContain(`"OS thread limit: ${e.config.threads.threadLimit}"`);
    expect(text).toContain(`{"step":${e.counterexample.violationStep}}`);
  });
});

describe("extending the renderers (for parts of the model added later, such as dependents)", () => {
  const grid: Grid = {
    id: "dependents",
    title: "Dependent services",
    cards: (_config, state) => [
      {
        name: "service-a",
        status: state.tick > 0 ? "buffering" : "ok",
        bad: state.tick > 0,
        gauges: [{ label: "buffer", value: state.frontends.length, max: 8 }],
      },
    ],
  };
  const panel: Panel = {
    id: "buffers",
    title: "Buffer fill of dependents",
    yTitle: "items",
    series: [{ name: "buffer of service-a", value: (_config, state) => state.frontends.length }],
    limit: { name: "buffer size", value: () => 8 },
  };
  // The as-was fleet of 8 that grows to 9 (the grid reads the fleet size as a buffer of 8).
  const e = explained(corpus.find((f) => f.includes("PeersLearnedWithin--as-was")) ?? (corpus[0] as string));

  test("a grid added to the list shows in the explorer's data and the Markdown summary", () => {
    const html = renderHtml(e, { file: "f.json", chartSvg: "<svg></svg>", grids: [grid] });
    expect(html).toContain('"title":"Dependent services"');
    expect(html).toContain('"name":"service-a"');
    const md = renderMarkdown(e, { file: "f.json", grids: [grid] });
    expect(md).toMatch(/- Dependent services: service-a: \w+, buffer 9 of 8 \(over\)/);
  });

  test("a panel added to the list becomes a chart panel with its limit", () => {
    const spec = JSON.stringify(chartSpec(e, [...PANELS, panel]));
    expect(spec).toContain('"Buffer fill of dependents"');
    expect(spec).toContain('"buffer size: 8"');
    expect((chartSpec(e, [...PANELS, panel]) as { vconcat: unknown[] }).vconcat).toHaveLength(
      PANELS.length + 1,
    );
  });
});

describe("npx outage explain", () => {
  const file = corpus.find((f) => f.includes("ServesOnlyWithCompleteMap")) ?? (corpus[0] as string);
  test("writes Markdown and an SVG chart drawn by Vega, byte-identical across runs", () => {
    const a = outage("explain", file, "--out", join(dir, "a.md"));
    const b = outage("explain", file, "--out", join(dir, "b.md"), "--svg", join(dir, "b.svg"));
    expect(a.stderr).toContain("a.svg");
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const svgA = readFileSync(join(dir, "a.svg"), "utf8");
    expect(svgA).toBe(readFileSync(join(dir, "b.svg"), "utf8"));
    expect(svgA).toMatch(/^<svg [^>]*class="marks"/);
    expect(svgA).toContain("OS thread limit: 11");
    const mdA = readFileSync(join(dir, "a.md"), "utf8");
    expect(mdA).toContain("](a.svg)");
    expect(mdA.replace("](a.svg)", "](b.svg)")).toBe(readFileSync(join(dir, "b.md"), "utf8"));
  });

  test("prints Markdown on stdout and writes no file; --svg FILE (or its old name --chart) writes the chart it links", () => {
    // Run in the temporary folder: explain FILE once wrote FILE.svg into the working folder unasked (issue 15).
    const cwd = mkdtempSync(join(dir, "cwd-"));
    const home = process.cwd();
    process.chdir(cwd);
    const [plain, charted, old] = (() => {
      try {
        return [
          outage("explain", file),
          outage("explain", file, "--svg", "c.svg"),
          outage("explain", file, "--chart", "d.svg"),
        ];
      } finally {
        process.chdir(home);
      }
    })();
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(/\.svg\)/);
    expect(charted.code).toBe(0);
    expect(charted.stdout).toContain("](c.svg)");
    expect(old.stdout).toBe(charted.stdout.replace("](c.svg)", "](d.svg)"));
    expect(readdirSync(cwd).sort()).toEqual(["c.svg", "d.svg"]);
    expect(readFileSync(join(cwd, "c.svg"), "utf8")).toMatch(/^<svg /);
    expect(readFileSync(join(cwd, "d.svg"), "utf8")).toBe(readFileSync(join(cwd, "c.svg"), "utf8"));
  });

  test.each([
    ["a truncated file", "trunc.json", (t: string) => t.slice(0, t.length / 2), /not valid JSON/],
    [
      "a bad field",
      "field.json",
      (t: string) => t.replace('"violationStep": ', '"violationStep": -'),
      /violationStep/,
    ],
  ])("%s: one line naming the problem, exit 2", (_what, name, mangle, message) => {
    writeFileSync(join(dir, name), mangle(readFileSync(file, "utf8")));
    const r = outage("explain", join(dir, name));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  test.each([
    [["explain"], /give one counterexample file/],
    [["explain", "a.json", "b.json"], /unexpected argument b.json/],
    [["explain", "x.json", "--format", "xml"], /--format xml: unknown/],
    [["explain", "x.json", "--format", "itf", "--html", "o.html"], /cannot be used with --html/],
    [["explain", join(dir, "no-such.json")], /no-such.json: no such file/],
  ])("bad input %j: exit 2", (args, message) => {
    const r = outage(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test("a file that no longer reproduces is still explained, says so, and exits 1", () => {
    const c = JSON.parse(readFileSync(file, "utf8"));
    c.config.threads.threadLimit = 50;
    writeFileSync(join(dir, "stale.json"), JSON.stringify(c));
    const r = outage("explain", join(dir, "stale.json"), "--out", join(dir, "stale.md"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no longer reproduces/);
    expect(readFileSync(join(dir, "stale.md"), "utf8")).toMatch(/this file no longer reproduces/);
  });

  test("help lists explain and its flags", () => {
    const r = outage("help");
    expect(r.stdout).toMatch(/npx outage explain FILE .*--html OUT\.html.*--format md\|itf/);
  });
});

describe("a trace with a step the model refused", () => {
  const ops: ReadonlyArray<Op> = [
    { type: "capacityAdded", count: 1 },
    { type: "requestRouted", frontend: 8, shard: 0 }, // frontend-8 is bootstrapping: refused
    { type: "peerLearned", frontend: 0 },
  ];
  const trace = runTrace(fleetSpec, asWas, ops, [servesOnlyWithCompleteMap]);
  const v = trace.violation;
  if (v === undefined) throw new Error("expected ServesOnlyWithCompleteMap to fail");
  const c = counterexampleFrom(
    fleetSpec,
    asWas,
    servesOnlyWithCompleteMap,
    { seed: 1, path: "", ops, violationStep: v.step, message: v.violation.message },
    savedSteps(narrate(fleetSpec, asWas, trace)),
  );
  const e = explainCounterexample(c);

  test("the refused step says why and changes nothing, in the Markdown, the frames and the ITF", () => {
    expect(e.reproduces).toBe(true);
    expect(e.frames[2]?.step?.refused).toMatch(/not in service/);
    expect(e.frames[2]?.state).toBe(e.frames[1]?.state);
    expect(renderMarkdown(e, { file: "f.json" })).toMatch(
      /\*\*Step 2\*\* .*requestRouted.*\n {2}- refused by the model, nothing changed: frontend-8 is not in service/,
    );
    const itf = toItf(e, "f.json") as { states: Array<Record<string, unknown>> };
    expect(itf.states[2]?.["#meta"]).toMatchObject({ refused: expect.stringMatching(/not in service/) });
    expect({ ...itf.states[2], "#meta": null }).toEqual({
      ...itf.states[1],
      "#meta": null,
      "mbt::actionTaken": "requestRouted",
    });
    expect(mermaidDiagram(e)).toContain("refused: frontend-8 is not in service");
  });
});
