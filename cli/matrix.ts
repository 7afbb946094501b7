// ---------------------------------------------------------------------------------------------------------
// cli: `outage matrix`: regenerate docs/remediation-matrix.md (specs/matrix.ts: the fleet's matrix, then the
// system's, each built by checker/matrix.ts), or with `--check` only say whether the committed file is
// current (exit 1 when it is not). With `--config` (random search on the user's numbers; exhaustive search stays
// on the small checking configs) or `--remediation` (only those remediations varied), the document goes to
// stdout unless `--out` names a file, so the committed one is never overwritten by another config's.
// Asynchronous (the fleet's cells await Z3's proofs), so cli/outage.ts runs it apart from the synchronous
// `main`, as it does `prove`.
// ---------------------------------------------------------------------------------------------------------

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../checker/corpus.ts";
import { REMEDIATION_NAMES, type RemediationName } from "../model/config.ts";
import { DEPENDENT_REMEDIATION_NAMES } from "../model/dependents/config.ts";
import { MATRIX_PATH, type MatrixOn, matrixDocument } from "../specs/matrix.ts";
import { applyRemediations, bad, loadConfigFile, writing } from "./input.ts";
import type { Io } from "./io.ts";
import { progress } from "./progress.ts";
import { splitCheckFlags, systemConfigOf } from "./specFlags.ts";

/** What `--config` and `--remediation` ask of the matrix, or undefined for the committed document. */
const matrixOn = (
  config: string | undefined,
  remediation: ReadonlyArray<string> | undefined,
): MatrixOn | undefined => {
  if (config === undefined && remediation === undefined) return undefined;
  const loaded = loadConfigFile(config);
  const split = splitCheckFlags(remediation ?? ["all"], []);
  // Validates the core names (an unknown one is a one-line error); the matrix itself switches them on per row.
  applyRemediations(loaded.core, split.coreRemediations);
  const all = split.coreRemediations.includes("all");
  const coreOptions = all
    ? REMEDIATION_NAMES
    : REMEDIATION_NAMES.filter((n: RemediationName) => split.coreRemediations.includes(n));
  return {
    fleet: loaded.core,
    system: systemConfigOf(loaded.core, [], loaded.dependents),
    coreOptions,
    dependentOptions: all ? DEPENDENT_REMEDIATION_NAMES : split.dependentRemediations,
  };
};

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
    options: {
      config: { type: "string" },
      remediation: { type: "string", multiple: true },
      out: { type: "string" },
      check: { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`matrix: unexpected argument ${positionals[0]}`);
  const on = matrixOn(values.config, values.remediation);
  if (on !== undefined && values.check && values.out === undefined)
    bad("--check with --config or --remediation needs --out FILE, the document to compare with");
  return { ...values, on };
};

export const matrix = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const values = matrixArgs(args);
  const on = values.on;
  const path = values.out ?? MATRIX_PATH;
  const bar = progress(true, io);
  const text = await matrixDocument((what) => bar.update(`matrix, ${what}`), on);
  bar.done();
  if (on !== undefined && values.out === undefined) {
    io.out(text);
    return 0;
  }
  if (values.check) {
    const current = readOrEmpty(path) === text;
    io.out(current ? `${path} is up to date\n` : `${path} is out of date: run npx outage matrix\n`);
    return current ? 0 : 1;
  }
  writing("--out", path, () => writeFileAtomic(path, text));
  io.out(`wrote ${path}\n`);
  return 0;
};
