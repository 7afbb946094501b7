// The generated documentation: what is committed (the schema, docs/design-review.md and its charts) is what the
// corpus produces today; the trace explorers are built by `npm run docs` into reports/design-review/, which
// git ignores, so they are not compared (explain/explorer.browser.test.ts tests the generator in a browser).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DESIGN_REVIEW, DESIGN_REVIEW_DIR, EXPLORER_DIR, generatedDocs } from "./docs.ts";

const root = join(import.meta.dirname, "..");
const { committed, explorers } = generatedDocs(root);

describe("generated docs (docs/design-review.md and its charts, the schema)", () => {
  test.each(committed.map((f) => [f.path, f.text]))(
    "%s is up to date (else run `npm run docs`)",
    (path, text) => {
      expect(readFileSync(join(root, path), "utf8")).toBe(text);
    },
  );

  test("docs/design-review/ holds only the generated charts", () => {
    const wanted = committed.map((f) => f.path).filter((p) => p.startsWith(`${DESIGN_REVIEW_DIR}/`));
    expect(wanted.every((p) => p.endsWith(".svg"))).toBe(true);
    expect(
      readdirSync(join(root, DESIGN_REVIEW_DIR))
        .map((n) => `${DESIGN_REVIEW_DIR}/${n}`)
        .sort(),
    ).toEqual([...wanted].sort());
  });

  test("the explorers are built where git does not look: reports/, which .gitignore lists", () => {
    expect(explorers.every((f) => f.path.startsWith(`${EXPLORER_DIR}/`) && f.path.endsWith(".html"))).toBe(
      true,
    );
    expect(EXPLORER_DIR.startsWith("reports/")).toBe(true);
    expect(readFileSync(join(root, ".gitignore"), "utf8").split("\n")).toContain("reports/");
  });

  test("the design review covers every committed counterexample, core and system, with a chart each and the explorer `npm run docs` builds", () => {
    const page = committed.find((f) => f.path === DESIGN_REVIEW)?.text ?? "";
    const files = ["counterexamples", "counterexamples/system"].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((n) => n.endsWith(".json"))
        .map((name) => ({ dir, name })),
    );
    expect(files.filter((f) => f.dir === "counterexamples/system").length).toBeGreaterThan(0);
    expect(explorers).toHaveLength(files.length);
    for (const { dir, name } of files) {
      const base = name.replace(/\.json$/, "");
      expect(page).toContain(`npx outage replay ${dir}/${name}`);
      expect(page).toContain(`](design-review/${base}.svg)`);
      expect(page).toContain(`\`${EXPLORER_DIR}/${base}.html\``);
      expect(explorers.map((f) => f.path)).toContain(`${EXPLORER_DIR}/${base}.html`);
    }
    expect(page).not.toMatch(/\]\([^)]*\.html\)/);
    expect(page.match(/```mermaid/g)?.length).toBe(files.length);
    // the system sections show the dependents at the violation
    expect(page).toContain("- Dependent services: Cognito: blocked on the full buffer");
  });
});
