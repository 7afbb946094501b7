// ---------------------------------------------------------------------------------------------------------
// cli: `outage matrix`: regenerate docs/remediation-matrix.md (specs/matrix.ts: the fleet's matrix, then the
// system's, each built by checker/matrix.ts), or with `--check` only say whether the committed file is
// current (exit 1 when it is not). Asynchronous (the fleet's cells await Z3's proofs), so cli/outage.ts runs it
// apart from the synchronous `main`, as it does `prove`.
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

/** `matrix`'s flags, checked before any work (a BadInput or parseArgs error on bad input). */
export const matrixArgs = (args: ReadonlyArray<string>) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { out: { type: "string" }, check: { type: "boolean" } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`matrix: unexpected argument ${positionals[0]}`);
  return values;
};

export const matrix = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const values = matrixArgs(args);
  const path = values.out ?? MATRIX_PATH;
  const bar = progress(true, io);
  const text = await matrixDocument((what) => bar.update(`matrix, ${what}`));
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
