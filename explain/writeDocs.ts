// ---------------------------------------------------------------------------------------------------------
// `npm run docs`: writes the generated documentation (explain/docs.ts) atomically and removes generated
// files whose counterexample is gone from the corpus.
// ---------------------------------------------------------------------------------------------------------
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../checker/corpus.ts";
import { DESIGN_REVIEW_DIR, generatedDocs } from "./docs.ts";

const root = join(import.meta.dirname, "..");
const files = generatedDocs(root);
for (const f of files) writeFileAtomic(join(root, f.path), f.text);
const wanted = new Set(files.map((f) => f.path));
for (const name of readdirSync(join(root, DESIGN_REVIEW_DIR)))
  if (!wanted.has(`${DESIGN_REVIEW_DIR}/${name}`)) rmSync(join(root, DESIGN_REVIEW_DIR, name));
process.stdout.write(`wrote ${files.length} files\n`);
