// ---------------------------------------------------------------------------------------------------------
// `npm run docs`: writes the generated documentation (explain/docs.ts) atomically: the committed files (the
// schema, docs/design-review.md and its charts) and the trace explorers (reports/design-review/, not
// committed); removes generated files whose counterexample is gone from the corpus, and the explorers the
// docs folder held before they moved out of it.
// ---------------------------------------------------------------------------------------------------------
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../checker/corpus.ts";
import { DESIGN_REVIEW_DIR, EXPLORER_DIR, generatedDocs } from "./docs.ts";

const root = join(import.meta.dirname, "..");
const { committed, explorers } = generatedDocs(root);
const files = [...committed, ...explorers];
for (const f of files) writeFileAtomic(join(root, f.path), f.text);
const wanted = new Set(files.map((f) => f.path));
for (const dir of [DESIGN_REVIEW_DIR, EXPLORER_DIR]) {
  mkdirSync(join(root, dir), { recursive: true });
  for (const name of readdirSync(join(root, dir)))
    if (!wanted.has(`${dir}/${name}`)) rmSync(join(root, dir, name));
}
process.stdout.write(
  `wrote ${committed.length} committed files and ${explorers.length} explorers in ${EXPLORER_DIR}/\n`,
);
