// explain for the system counterexamples (counterexamples/system/): the fleet and its dependents; and
// `npx outage explain` on one, run in this process (`run` in cli/main.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { statesOf } from "../checker/trace.ts";
import { run } from "../cli/main.ts";
import { systemSpec } from "../specs/index.ts";
import { loadedSystem, named, systemCorpus } from "../test/savedCorpus.ts";
import { chartSpec } from "./chart.ts";
import { dependentCards } from "./dependentGrids.ts";
import { DEPENDENT_PANELS } from "./dependentPanels.ts";
import { explainSystemCounterexample, violationFrame } from "./frames.ts";
import { explorerData } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { mermaidDiagram } from "./mermaid.ts";
import { PANELS } from "./panels.ts";
import { storyOf } from "./story.ts";

const corpus = systemCorpus;
const dir = mkdtempSync(join(tmpdir(), "outage-explain-system-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const loaded = loadedSystem;

/** `npx outage ...args`, in this process; every path it is given is absolute. */
const outage = (...args: ReadonlyArray<string>) => run(args);

describe("explain, for each committed system counterexample", () => {
  test("the system corpus is not empty", () => expect(corpus.length).toBeGreaterThan(0));

  test.each(named(corpus))(
    "%s: frames are the model's system states; Markdown with the dependents, a Mermaid block and the chart",
    (_n, f) => {
      const c = loaded(f);
      const e = explainSystemCounterexample(c);
      expect(e.reproduces).toBe(true);
      // The frames are the states the checker's own fold passes through, up to the violation.
      const states = statesOf(systemSpec, c.config, c.ops);
      expect(e.frames.map((fr) => fr.system)).toEqual(states.slice(0, e.frames.length));
      expect(e.frames.every((fr) => fr.state === fr.system?.core)).toBe(true);
      const v = violationFrame(e);
      expect(v.index).toBe(c.violationStep);
      expect(v.violation?.message).toBe(c.message);

      const md = renderMarkdown(e, { file: "the.json", chart: "the.svg" });
      expect(md).toBe(renderMarkdown(e, { file: "the.json", chart: "the.svg" }));
      expect(md.startsWith(`# ${c.invariant} violated under \`${c.config.name}\``)).toBe(true);
      expect(md).toContain(c.source);
      expect(md).toContain(c.message);
      expect(md).toContain("```mermaid\nsequenceDiagram\n");
      expect(md).toContain("participant deps as Dependent services");
      expect(md).toContain("](the.svg)");
      expect(md).toContain("npx outage replay the.json");
      expect(md).toContain("| `dependents.kinesis.minHealthyPercent` |");
      // The dependents at the violation, one line per card, as the grid computes them from the state.
      if (v.system === undefined) throw new Error("a system frame carries the system state");
      const cards = dependentCards(c.config, v.system);
      // The seven services, the front-end load and the alarms; CloudWatch's partition (R6's own limit) only where it can grow.
      expect(cards).toHaveLength(
        c.config.dependents.remediations.cloudwatchPartitionedFleet &&
          c.config.dependents.partitionFleet !== undefined
          ? 10
          : 9,
      );
      for (const card of cards) expect(md).toContain(`- Dependent services: ${card.name}: ${card.status}`);
      // The violated dependent's card is drawn as bad: the card's verdict is its invariant's.
      expect(cards.some((card) => card.bad)).toBe(true);
      // Every accepted non-tick operation is told, and the violating step is marked.
      for (const s of c.steps)
        if (!/tick/.test(s.label) || s.step === c.violationStep) expect(md).toContain(s.label);
      expect(md).toMatch(new RegExp(`\\*\\*Steps? [^*]*${c.violationStep}\\*\\*[^\\n]*✗`));
      expect(mermaidDiagram(e)).toContain(`✗ ${c.invariant} violated`);

      // The chart has the fleet's panels, then the dependents' (buffer fill, memory…).
      const spec = chartSpec(e) as { vconcat: unknown[] };
      expect(spec.vconcat).toHaveLength(PANELS.length + DEPENDENT_PANELS.length);
      const text = JSON.stringify(spec);
      expect(text).toContain('"Dependents\' buffer fill (C1, R10, seed 000)"');
      expect(text).toContain(`"memory threshold: ${c.config.dependents.lambda.memoryThresholdUnits}"`);
    },
  );
});

describe("the dependents' quantities", () => {
  const cognito = corpus.find((f) => f.includes("CognitoNeverBlocksOnKinesisBuffer")) as string;
  const c = loaded(cognito);
  const e = explainSystemCounterexample(c);
  const v = violationFrame(e);

  test("the explorer's data has the dependents' grid and panels, read from the system state", () => {
    const d = explorerData(e, { file: "f.json", chartSvg: "<svg></svg>" });
    const at = d.frames[v.index];
    const grid = at?.grids.find((g) => g.id === "dependents");
    const card = grid?.cards.find((x) => x.name === "Cognito");
    const cog = v.system?.dependents.cognito;
    expect(card?.bad).toBe(true);
    expect(card?.gauges[0]).toEqual({ label: "buffer (records)", value: cog?.buffered, max: cog?.capacity });
    const fill = at?.quantities.find((q) => q.title.startsWith("Dependents' buffer fill"));
    expect(fill?.values[0]).toEqual({ name: "Cognito usage-record buffer (C1)", value: 100 });
    // the initial state: every dependent fine, no card red
    expect(d.frames[0]?.grids.flatMap((g) => g.cards).some((x) => x.bad)).toBe(false);
  });

  test("folded ticks keep the latest buffer fill and sum the losses", () => {
    const story = storyOf(e);
    const folded = story.filter(
      (ch) => ch.from !== ch.to && ch.changes.some((x) => /datapoints lost/.test(x)),
    );
    expect(folded.length).toBeGreaterThan(0);
    for (const ch of folded) {
      const lost =
        (e.frames[ch.to]?.system?.dependents.cloudwatch.lost ?? 0) -
        (e.frames[ch.from - 1]?.system?.dependents.cloudwatch.lost ?? 0);
      expect(ch.changes).toContain(`${lost} CloudWatch datapoints lost`);
      const buffered = e.frames[ch.to]?.system?.dependents.cognito;
      expect(ch.changes).toContain(
        `Cognito's Kinesis buffer holds ${buffered?.buffered}/${buffered?.capacity} records`,
      );
    }
  });
});

describe("a system file that no longer reproduces", () => {
  test("is still explained up to its last step, and says so", () => {
    const file = corpus.find((f) => f.includes("LambdaUnaffectedByCloudWatch")) as string;
    const c = loaded(file);
    const stale = {
      ...c,
      config: {
        ...c.config,
        dependents: {
          ...c.config.dependents,
          lambda: { ...c.config.dependents.lambda, memoryThresholdUnits: 50 },
        },
      },
    };
    const e = explainSystemCounterexample(stale);
    expect(e.reproduces).toBe(false);
    expect(e.replayDetail).toMatch(/held through all \d+ steps/);
    expect(e.frames).toHaveLength(c.ops.length + 1);
    expect(violationFrame(e).violation).toBeUndefined();
    expect(renderMarkdown(e, { file: "f.json" })).toMatch(
      /\*\*Warning: this file no longer reproduces\.\*\*/,
    );
  });
});

describe("npx outage explain on a system counterexample", () => {
  const file = corpus.find((f) => f.includes("LambdaUnaffectedByCloudWatch")) ?? (corpus[0] as string);

  test("writes Markdown, the SVG chart with the dependents' panels, and the explorer", () => {
    const r = outage("explain", file, "--out", join(dir, "s.md"), "--html", join(dir, "s.html"));
    expect(r.stderr).toContain("s.svg");
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, "s.svg"), "utf8");
    expect(svg).toMatch(/^<svg [^>]*class="marks"/);
    expect(svg).toContain("Lambda host memory held by the metric buffer (L1)");
    expect(svg).toContain("memory threshold: 12");
    expect(readFileSync(join(dir, "s.md"), "utf8")).toContain(
      "- Dependent services: Lambda: memory contention",
    );
    expect(readFileSync(join(dir, "s.html"), "utf8")).toContain('"id":"dependents"');
  });

  test("a bad field in a system file: one line naming it, exit 2", () => {
    writeFileSync(
      join(dir, "bad.json"),
      readFileSync(file, "utf8").replace('"violationStep": ', '"violationStep": -'),
    );
    const r = outage("explain", join(dir, "bad.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/violationStep must be a non-negative integer/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
