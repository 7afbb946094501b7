// End-to-end test of the trace explorer in headless Chromium: Debian's `chromium` package driven by
// playwright-core (no browser download). .ci/run installs it; where /usr/bin/chromium is missing the test is
// skipped with a message saying how to get it. It also opens one system counterexample's explorer and checks
// the dependents' buffer cards at its violation.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { corpusFiles, loadCounterexample } from "../checker/corpus.ts";
import { loadSystemCounterexample, systemCorpusFiles } from "../checker/systemCounterexample.ts";
import { dependentCards } from "./dependentGrids.ts";
import { DESIGN_REVIEW_DIR } from "./docs.ts";
import { fleetView } from "./fleetView.ts";
import { explainCounterexample, violationFrame } from "./frames.ts";
import type { Grid } from "./grids.ts";
import { renderHtml } from "./html.ts";
import { explainSystemCounterexample } from "./systemFrames.ts";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const root = join(import.meta.dirname, "..");
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(
    `explorer browser test SKIPPED: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium; .ci/run does this)`,
  );

/** The committed counterexample whose violation shows the most over-limit frontends and incomplete maps. */
const pick = () =>
  corpusFiles(join(root, "counterexamples"))
    .map((file) => {
      const loaded = loadCounterexample(file);
      if (E.isLeft(loaded)) throw new Error(loaded.left);
      const e = explainCounterexample(loaded.right);
      const v = violationFrame(e);
      const fleet = fleetView(e.config, v.state);
      const over = fleet.filter((f) => f.overLimit).length;
      const incomplete = fleet.filter((f) => f.map !== "complete").length;
      return { file, e, v, over, incomplete, score: Math.min(over, incomplete) * 1000 + over + incomplete };
    })
    .sort((a, b) => b.score - a.score)[0];

describe("the trace explorer in headless Chromium", () => {
  const profile = mkdtempSync(join(tmpdir(), "outage-chromium-"));
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  test.skipIf(!haveChromium)(
    `steps to the violation by keyboard and click and shows it (skipped when ${CHROMIUM} is missing)`,
    async () => {
      const chosen = pick();
      if (chosen === undefined) throw new Error("the corpus is empty");
      const { e, v, over, incomplete } = chosen;
      expect(over).toBeGreaterThan(0);
      expect(incomplete).toBeGreaterThan(0);
      const html = join(root, DESIGN_REVIEW_DIR, `${basename(chosen.file, ".json")}.html`);
      const last = e.frames[e.frames.length - 1]?.index ?? 0;
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        viewport: { width: 1280, height: 1000 },
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const requested: string[] = [];
        page.on("request", (r) => requested.push(r.url()));
        const errors: string[] = [];
        page.on("pageerror", (err) => errors.push(err.message));
        await page.goto(pathToFileURL(html).href);

        const counter = page.locator("#step-counter");
        await expect.poll(() => counter.textContent()).toBe(`Step 0 / ${last}`);
        expect(await page.locator("#violation-banner").isHidden()).toBe(true);
        expect(await page.locator(".fe").count()).toBe(e.frames[0]?.state.frontends.length);

        await page.keyboard.press("ArrowRight");
        expect(await counter.textContent()).toBe(`Step 1 / ${last}`);
        expect(await page.locator("#op-label").textContent()).toBe(e.frames[1]?.step?.label);
        await page.keyboard.press("ArrowLeft");
        expect(await counter.textContent()).toBe(`Step 0 / ${last}`);
        await page.locator("#steps li").nth(1).click();
        expect(await counter.textContent()).toBe(`Step 1 / ${last}`);
        await page.keyboard.press("End");
        expect(await counter.textContent()).toBe(`Step ${last} / ${last}`);
        await page.keyboard.press("Home");
        await page.locator("#to-violation").click();
        expect(await counter.textContent()).toBe(`Step ${v.index} / ${last}`);
        await page.keyboard.press("Home");
        await page.keyboard.press("v");

        // At the violation: the banner, the over-limit frontends and the incomplete maps, as the model says.
        expect(await counter.textContent()).toBe(`Step ${v.index} / ${last}`);
        const banner = page.locator("#violation-banner");
        expect(await banner.isVisible()).toBe(true);
        expect(await banner.textContent()).toContain(
          `${e.counterexample.invariant} violated: ${e.counterexample.message}`,
        );
        const fleet = fleetView(e.config, v.state);
        expect(await page.locator(".fe").count()).toBe(fleet.length);
        expect(await page.locator(".fe.over-limit").count()).toBe(over);
        expect(await page.locator(".fe:not(.map-complete)").count()).toBe(incomplete);
        expect(await page.locator(".fe.map-useless").count()).toBe(
          fleet.filter((f) => f.map === "useless").length,
        );
        const firstOver = fleet.find((f) => f.overLimit);
        expect(await page.locator(`.fe[data-name="${firstOver?.name}"] .threads`).textContent()).toContain(
          `threads ${firstOver?.needed} / ${firstOver?.limit} over`,
        );
        expect(await page.locator("#steps li.current").getAttribute("class")).toContain("violation");
        expect(new URL(page.url()).hash).toBe(`#step=${v.index}`);
        expect(await page.locator(".chart svg").count()).toBe(1);

        const shots = process.env.EXPLORER_SCREENSHOT_DIR ?? join(profile, "shots");
        mkdirSync(shots, { recursive: true });
        const png = join(shots, "explorer-violation.png");
        await page.screenshot({ path: png, fullPage: false });
        expect(statSync(png).size).toBeGreaterThan(10_000);

        // Self-contained: the page fetched nothing but itself.
        expect(requested.filter((u) => u !== pathToFileURL(html).href)).toEqual([]);
        expect(errors).toEqual([]);

        // An extra grid (how dependents will be shown) renders its cards, gauges and breaches.
        const grid: Grid = {
          id: "extra",
          title: "Extra grid",
          cards: (_config, state) =>
            state.frontends.map((f) => ({
              name: `card-${f.id}`,
              status: f.map,
              bad: f.map === "useless",
              gauges: [{ label: "fill", value: f.knownPeers, max: 7 }],
            })),
        };
        const extra = join(profile, "extra.html");
        writeFileSync(extra, renderHtml(e, { file: "f.json", chartSvg: "<svg></svg>", grids: [grid] }));
        await page.goto(pathToFileURL(extra).href);
        await page.keyboard.press("v");
        expect(await page.locator(".grid-extra .card").count()).toBe(v.state.frontends.length);
        expect(await page.locator(".grid-extra .card.bad").count()).toBe(
          v.state.frontends.filter((f) => f.map === "useless").length,
        );
        expect(await page.locator(".grid-extra .bar .need.over").count()).toBe(
          v.state.frontends.filter((f) => f.knownPeers > 7).length,
        );
        expect(errors).toEqual([]);

        // A system counterexample's explorer: at its violation, the dependents with their buffers.
        const sys = systemCorpusFiles(join(root, "counterexamples")).find((f) =>
          f.includes("CognitoNeverBlocks"),
        );
        if (sys === undefined) throw new Error("the system corpus has no Cognito counterexample");
        const sl = loadSystemCounterexample(sys);
        if (E.isLeft(sl)) throw new Error(sl.left);
        const se = explainSystemCounterexample(sl.right);
        const sv = violationFrame(se);
        if (sv.system === undefined) throw new Error("a system frame carries the system state");
        const cards = dependentCards(sl.right.config, sv.system);
        const cog = sv.system.dependents.cognito;
        await page.goto(pathToFileURL(join(root, DESIGN_REVIEW_DIR, `${basename(sys, ".json")}.html`)).href);
        await page.keyboard.press("v");
        expect(await counter.textContent()).toBe(`Step ${sv.index} / ${sv.index}`);
        expect(await page.locator(".grid-dependents .card").count()).toBe(cards.length);
        expect(await page.locator(".grid-dependents .card.bad").count()).toBe(
          cards.filter((c) => c.bad).length,
        );
        const cognito = page.locator('.grid-dependents .card[data-name="Cognito"]');
        expect(await cognito.getAttribute("class")).toContain("bad");
        expect(await cognito.locator(".gauge").first().textContent()).toBe(
          `buffer (records) ${cog.buffered} / ${cog.capacity}`,
        );
        expect(await page.locator("#violation-banner").textContent()).toContain(sl.right.message);
        await page.screenshot({ path: join(shots, "explorer-system-violation.png"), fullPage: false });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
