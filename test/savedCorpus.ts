// Test helper: the committed corpus (counterexamples/), per spec, and its files loaded by the decoder the CLI
// uses (specs/saved.ts), typed by their spec. A file that does not load fails the test that asked for it.
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { corpusFiles, corpusFolderOf, DEFAULT_CORPUS_DIR } from "../checker/corpus.ts";
import type { Counterexample } from "../checker/counterexample.ts";
import type { Config } from "../model/config.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import type { Op } from "../model/ops.ts";
import type { SystemOp } from "../model/system.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { loadSaved, type Saved } from "../specs/saved.ts";

export const root = join(import.meta.dirname, "..");
const corpus = join(root, DEFAULT_CORPUS_DIR);

/** The fleet's committed counterexamples (counterexamples/*.json). */
export const fleetCorpus: ReadonlyArray<string> = corpusFiles(corpusFolderOf(corpus, fleetSpec));
/** The system's committed counterexamples (counterexamples/system/*.json). */
export const systemCorpus: ReadonlyArray<string> = corpusFiles(corpusFolderOf(corpus, systemSpec));

/** `[file name, path]` rows for `test.each`. */
export const named = (files: ReadonlyArray<string>): ReadonlyArray<readonly [string, string]> =>
  files.map((f) => [f.split("/").pop() ?? f, f] as const);

/** A saved file of any spec, or the decoder's error thrown. */
export const loaded = (file: string): Saved => {
  const l = loadSaved(file);
  if (E.isLeft(l)) throw new Error(l.left);
  return l.right;
};

/** A fleet counterexample file. */
export const loadedFleet = (file: string): Counterexample<Config, Op> => {
  const s = loaded(file);
  if (s.spec !== "fleet") throw new Error(`${file}: a ${s.spec} counterexample, not the fleet's`);
  return s.saved;
};

/** A system counterexample file. */
export const loadedSystem = (file: string): Counterexample<SystemConfig, SystemOp> => {
  const s = loaded(file);
  if (s.spec !== "system") throw new Error(`${file}: a ${s.spec} counterexample, not the system's`);
  return s.saved;
};
