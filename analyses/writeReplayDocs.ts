// ---------------------------------------------------------------------------------------------------------
// `npm run docs` (second half): writes the replay's generated files (analyses/replayDocs.ts) atomically.
// ---------------------------------------------------------------------------------------------------------
import { join } from "node:path";
import { writeFileAtomic } from "../checker/corpus.ts";
import { docsSensitivity, replayDocs } from "./replayDocs.ts";

const root = join(import.meta.dirname, "..");
const files = replayDocs(
  root,
  docsSensitivity(undefined, (i, n, p, v) =>
    process.stderr.write(`sensitivity ${i + 1}/${n}: ${p.name} = ${v}\n`),
  ),
);
for (const f of files) writeFileAtomic(join(root, f.path), f.text);
process.stdout.write(
  `wrote ${files.length} replay files (scenarios, schema, calibration, metastability, sensitivity)\n`,
);
