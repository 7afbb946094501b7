import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DESIGN_REVIEW, DESIGN_REVIEW_DIR, generatedDocs } from "./docs.ts";

const root = join(import.meta.dirname, "..");
const generated = generatedDocs(root);

describe("generated docs (docs/design-review.md, its charts and explorers, the schema)", () => {
  test.each(generated.map((f) => [f.path, f.text]))(
    "%s is up to date (else run `npm run docs`)",
    (path, text) => {
      expect(readFileSync(join(root, path), "utf8")).toBe(text);
    },
  );

  test("docs/design-review/ holds only generated files", () => {
    const wanted = generated.map((f) => f.path).filter((p) => p.startsWith(`${DESIGN_REVIEW_DIR}/`));
    expect(
      readdirSync(join(root, DESIGN_REVIEW_DIR))
        .map((n) => `${DESIGN_REVIEW_DIR}/${n}`)
        .sort(),
    ).toEqual([...wanted].sort());
  });

  test("the design review covers every committed counterexample, core and system, with a chart and an explorer each", () => {
    const page = generated.find((f) => f.path === DESIGN_REVIEW)?.text ?? "";
    const files = ["counterexamples", "counterexamples/system"].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((n) => n.endsWith(".json"))
        .map((name) => ({ dir, name })),
    );
    expect(files.filter((f) => f.dir === "counterexamples/system").length).toBeGreaterThan(0);
    for (const { dir, name } of files) {
      const base = name.replace(/\.json$/, "");
      expect(page).toContain(`npx outage replay ${dir}/${name}`);
      expect(page).toContain(`](design-review/${base}.svg)`);
      expect(page).toContain(`](design-review/${base}.html)`);
    }
    expect(page.match(/```mermaid/g)?.length).toBe(files.length);
    // the system sections show the dependents at the violation
    expect(page).toContain("- Dependent services: Cognito: blocked on the full buffer");
  });
});
