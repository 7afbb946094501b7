// ---------------------------------------------------------------------------------------------------------
// `npm run docs` (second half): writes the replay's generated files (analyses/replayDocs.ts) atomically.
// ---------------------------------------------------------------------------------------------------------
import { join } from "node:path";
import { writeFileAtomic } from "../checker/corpus.ts";
import { replayDocs } from "./replayDocs.ts";

const root = join(import.meta.dirname, "..");
const files = replayDocs(root);
for (const f of files) writeFileAtomic(join(root, f.path), f.text);
process.stdout.write(
  `wrote ${files.length} replay files (scenarios, schema, calibration, metastability, sensitivity)\n`,
);
