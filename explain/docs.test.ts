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

  test("the design review covers every committed counterexample, with a chart and an explorer each", () => {
    const page = generated.find((f) => f.path === DESIGN_REVIEW)?.text ?? "";
    for (const name of readdirSync(join(root, "counterexamples")).filter((n) => n.endsWith(".json"))) {
      const base = name.replace(/\.json$/, "");
      expect(page).toContain(`npx outage replay counterexamples/${name}`);
      expect(page).toContain(`](design-review/${base}.svg)`);
      expect(page).toContain(`](design-review/${base}.html)`);
    }
    expect(page.match(/```mermaid/g)?.length).toBe(
      readdirSync(join(root, "counterexamples")).filter((n) => n.endsWith(".json")).length,
    );
  });
});
