// ---------------------------------------------------------------------------------------------------------
// cli: `outage matrix`: regenerate docs/remediation-matrix.md (specs/matrix.ts: the fleet's matrix, then the
// system's, each built by checker/matrix.ts), or with `--check` only say whether the committed file is
// current (exit 1 when it is not).
// ---------------------------------------------------------------------------------------------------------

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../checker/corpus.ts";
import { MATRIX_PATH, matrixDocument } from "../specs/matrix.ts";
import { bad, writing } from "./input.ts";
import type { Io } from "./io.ts";
import { progress } from "./progress.ts";

const readOrEmpty = (path: string): string => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
};

export const matrix = (args: ReadonlyArray<string>, io: Io): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { out: { type: "string" }, check: { type: "boolean" } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`matrix: unexpected argument ${positionals[0]}`);
  const path = values.out ?? MATRIX_PATH;
  const bar = progress(true, io);
  const text = matrixDocument((what) => bar.update(`matrix, ${what}`));
  bar.done();
  if (values.check) {
    const current = readOrEmpty(path) === text;
    io.out(current ? `${path} is up to date\n` : `${path} is out of date: run npx outage matrix\n`);
    return current ? 0 : 1;
  }
  writing("--out", path, () => writeFileAtomic(path, text));
  io.out(`wrote ${path}\n`);
  return 0;
};
