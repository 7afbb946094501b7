// End-to-end test of the trace explorer's generator (explain/html.ts) in headless Chromium: Debian's `chromium`
// package driven by playwright-core (no browser download). .ci/run installs it; where /usr/bin/chromium is
// missing the test is skipped with a message saying how to get it. One fixture: the committed system
// counterexample CognitoNeverBlocksOnKinesisBuffer, whose explorer shows both grids (the fleet, the dependent
// services), rendered as `npm run docs` renders it (the explorers are not committed: explain/docs.ts); and the
// grouped fleet at 3,000 frontends (test/fleet3000.ts), whose screenshot is docs/explorer-3000.png.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { counterexample3000 } from "../test/fleet3000.ts";
import { loadedSystem, systemCorpus } from "../test/savedCorpus.ts";
import { chartSpec } from "./chart.ts";
import { dependentCards } from "./dependentGrids.ts";
import { fleetGroups } from "./fleetGroups.ts";
import { fleetView } from "./fleetView.ts";
import { explainCounterexample, explainSystemCounterexample, type Frame, violationFrame } from "./frames.ts";
import { renderHtml } from "./html.ts";
import { renderSvg } from "./renderSvg.ts";

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
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(
    `explorer browser test SKIPPED: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium; .ci/run does this)`,
  );

const FIXTURE = "CognitoNeverBlocksOnKinesisBuffer--";

/**
 * The fleet grid the page should show at `frame`, as the model's state says: a card per group of frontends
 * that look the same, with the group's size, and the frontends over the limit or without a complete map.
 */
const expectFleetAt = async (page: Page, config: Parameters<typeof fleetView>[0], frame: Frame) => {
  const fleet = fleetView(config, frame.state);
  const groups = fleetGroups(config, frame.state);
  const cards = page.locator(".fe:not(.card)");
  expect(await cards.count()).toBe(groups.length);
  const counts = await cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
  expect(counts).toEqual(groups.map((g) => g.count));
  const countOf = (selector: string) =>
    page
      .locator(selector)
      .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute("data-count")), 0));
  expect(await countOf(".fe.over-limit")).toBe(fleet.filter((f) => f.overLimit).length);
  expect(await countOf(".fe:not(.card):not(.map-complete)")).toBe(
    fleet.filter((f) => f.map !== "complete").length,
  );
  expect(await countOf(".fe.map-useless")).toBe(fleet.filter((f) => f.map === "useless").length);
  return fleet;
};

const launch = (dir: string) =>
  chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 1000 },
  });

describe("the trace explorer in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "outage-chromium-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.skipIf(!haveChromium)(
    `steps to the violation by keyboard and click and shows the fleet and the dependents (skipped when ${CHROMIUM} is missing)`,
    async () => {
      const file = systemCorpus.find((f) => f.split("/").pop()?.startsWith(FIXTURE));
      if (file === undefined) throw new Error(`the system corpus has no ${FIXTURE}* counterexample`);
      const c = loadedSystem(file);
      const e = explainSystemCounterexample(c);
      const v = violationFrame(e);
      if (v.system === undefined) throw new Error("a system frame carries the system state");
      const last = e.frames[e.frames.length - 1]?.index ?? 0;
      const html = join(dir, "explorer.html");
      writeFileSync(
        html,
        renderHtml(e, { file: "counterexamples/system/x.json", chartSvg: renderSvg(chartSpec(e)) }),
      );

      const context = await launch(dir);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const requested: string[] = [];
        page.on("request", (r) => requested.push(r.url()));
        const errors: string[] = [];
        page.on("pageerror", (err) => errors.push(err.message));
        await page.goto(pathToFileURL(html).href);

        // It opens at the violation (issue 15); then the first steps, by keyboard and by click.
        const counter = page.locator("#step-counter");
        await expect.poll(() => counter.textContent()).toBe(`Step ${v.index} / ${last}`);
        expect(await page.locator("#violation-banner").isVisible()).toBe(true);
        await page.keyboard.press("Home");
        expect(await counter.textContent()).toBe(`Step 0 / ${last}`);
        expect(await page.locator("#violation-banner").isHidden()).toBe(true);
        await expectFleetAt(page, e.config, e.frames[0] as Frame);
        await page.keyboard.press("ArrowRight");
        expect(await counter.textContent()).toBe(`Step 1 / ${last}`);
        expect(await page.locator("#op-label").textContent()).toBe(e.frames[1]?.step?.label);
        await expectFleetAt(page, e.config, e.frames[1] as Frame);
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

        // At the violation: the banner, the fleet over its limit with useless maps, as the model says.
        expect(await counter.textContent()).toBe(`Step ${v.index} / ${last}`);
        const banner = page.locator("#violation-banner");
        expect(await banner.isVisible()).toBe(true);
        expect(await banner.textContent()).toContain(`${c.invariant} violated: ${c.message}`);
        const fleet = await expectFleetAt(page, e.config, v);
        const firstOver = fleet.find((f) => f.overLimit);
        expect(firstOver).toBeDefined();
        expect(await page.locator(`.fe[data-name="${firstOver?.name}"] .threads`).textContent()).toContain(
          `threads ${firstOver?.needed} / ${firstOver?.limit} over`,
        );
        expect(await page.locator("#steps li.current").getAttribute("class")).toContain("violation");
        expect(new URL(page.url()).hash).toBe(`#step=${v.index}`);
        expect(await page.locator(".chart svg").count()).toBe(1);

        // The dependents: a card each, red exactly where the model says, gauges past their limit drawn red.
        const cards = dependentCards(c.config, v.system);
        expect(await page.locator(".grid-dependents .card").count()).toBe(cards.length);
        expect(await page.locator(".grid-dependents .card.bad").count()).toBe(
          cards.filter((x) => x.bad).length,
        );
        expect(await page.locator(".grid-dependents .bar .need.over").count()).toBe(
          cards.flatMap((x) => x.gauges).filter((g) => g.value > g.max).length,
        );
        const cog = v.system.dependents.cognito;
        const cognito = page.locator('.grid-dependents .card[data-name="Cognito"]');
        expect(await cognito.getAttribute("class")).toContain("bad");
        expect(await cognito.locator(".gauge").first().textContent()).toBe(
          `buffer (records) ${cog.buffered} / ${cog.capacity}`,
        );

        const shots = process.env.EXPLORER_SCREENSHOT_DIR ?? join(dir, "shots");
        mkdirSync(shots, { recursive: true });
        const png = join(shots, "explorer-system-violation.png");
        await page.screenshot({ path: png, fullPage: false });
        expect(statSync(png).size).toBeGreaterThan(10_000);

        // Self-contained: the page fetched nothing but itself, and its script raised nothing.
        expect(requested.filter((u) => u !== pathToFileURL(html).href)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
  test.skipIf(!haveChromium)(
    `groups the 3,000-frontend fleet, opens at the violation, expands a group on click, and screenshots it for docs/explorer-3000.png (skipped when ${CHROMIUM} is missing)`,
    async () => {
      const e = explainCounterexample(counterexample3000());
      const v = violationFrame(e);
      const last = e.frames[e.frames.length - 1]?.index ?? 0;
      const html = join(dir, "explorer-3000.html");
      writeFileSync(html, renderHtml(e, { file: "cx.json", chartSvg: renderSvg(chartSpec(e)) }));
      expect(statSync(html).size).toBeLessThan(1_000_000);

      const context = await launch(join(dir, "3000"));
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const errors: string[] = [];
        page.on("pageerror", (err) => errors.push(err.message));
        await page.goto(pathToFileURL(html).href);
        const counter = page.locator("#step-counter");
        await expect.poll(() => counter.textContent()).toBe(`Step ${v.index} / ${last}`);
        const fleet = await expectFleetAt(page, e.config, v);
        expect(fleet).toHaveLength(3001);
        expect(await page.locator("#fleet-summary").textContent()).toMatch(/^3,001 frontends in 3 groups/);

        // The 2,999 that look the same: one card, closed; a click lists every one of them, another hides them.
        const group = page.locator('.fe[data-name="frontend-1"]');
        expect(await group.locator(".name").textContent()).toBe(
          "2,999 frontends: serving, map useless, threads 32,010 of 32,000",
        );
        const members = group.locator(".members");
        expect(await members.isHidden()).toBe(true);
        await group.locator("button.expand").click();
        expect(await members.isVisible()).toBe(true);
        expect(await members.locator(".member").count()).toBe(2999);
        expect(await members.locator(".member").last().textContent()).toBe("frontend-2999");
        expect(await group.locator("button.expand").getAttribute("aria-expanded")).toBe("true");

        const shots = process.env.EXPLORER_SCREENSHOT_DIR ?? join(dir, "shots");
        mkdirSync(shots, { recursive: true });
        const png = join(shots, "explorer-3000.png");
        await page.screenshot({ path: png, fullPage: false });
        expect(statSync(png).size).toBeGreaterThan(10_000);

        await group.locator("button.expand").click();
        expect(await members.isHidden()).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
