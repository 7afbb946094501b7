// The Mermaid blocks of the docs and of `explain` parse and render with Mermaid itself (the library GitHub
// and GitLab use), run in headless Chromium from node_modules: no network. Skipped, with a message, where
// Debian's /usr/bin/chromium is missing (.ci/run installs it).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";

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
    `Mermaid render test SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium; .ci/run does this)`,
  );

/** Every ```mermaid block of the docs that `npm test` keeps (the design review holds one per counterexample). */
const blocks = ["docs/design-review.md", "docs/reading-counterexamples.md"].flatMap((doc) =>
  [...readFileSync(join(root, doc), "utf8").matchAll(/```mermaid\n([\s\S]*?)```/g)].map(
    (m, i) => [`${doc} #${i + 1}`, m[1] as string] as const,
  ),
);

describe("Mermaid diagrams", () => {
  const profile = mkdtempSync(join(tmpdir(), "outage-mermaid-"));
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  test("the docs hold diagrams", () => expect(blocks.length).toBeGreaterThanOrEqual(3));

  test.skipIf(!haveChromium)(
    `each renders to SVG with Mermaid (skipped when ${CHROMIUM} is missing)`,
    async () => {
      const mermaidJs = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");
      const page = join(profile, "mermaid.html");
      writeFileSync(
        page,
        `<!doctype html><meta charset="utf-8"><body><script src="${pathToFileURL(mermaidJs).href}"></script></body>`,
      );
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
      });
      try {
        const p = context.pages()[0] ?? (await context.newPage());
        await p.goto(pathToFileURL(page).href);
        const results = await p.evaluate(
          async (diagrams) => {
            const m = (
              globalThis as unknown as {
                mermaid: {
                  initialize: (o: object) => void;
                  render: (id: string, t: string) => Promise<{ svg: string }>;
                };
              }
            ).mermaid;
            m.initialize({ startOnLoad: false, securityLevel: "strict" });
            const out: Array<{ name: string; ok: boolean; detail: string }> = [];
            for (const [i, [name, text]] of diagrams.entries()) {
              try {
                const { svg } = await m.render(`d${i}`, text);
                out.push({ name, ok: svg.includes("<svg") && !svg.includes("Syntax error"), detail: "" });
              } catch (e) {
                out.push({ name, ok: false, detail: e instanceof Error ? e.message : String(e) });
              }
            }
            return out;
          },
          blocks.map(([n, t]) => [n, t] as [string, string]),
        );
        expect(results.filter((r) => !r.ok)).toEqual([]);
        expect(results).toHaveLength(blocks.length);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
