// ---------------------------------------------------------------------------------------------------------
// cli: a saved counterexample file as the commands take it (our JSON or an ITF trace): a bad file is a
// BadInput (one line, exit 2).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { type Loaded, loadFile, loadSaved, type Saved } from "../specs/saved.ts";
import { bad, loadConfig } from "./input.ts";

/** `--config` for an ITF trace that records none (one `quint run` wrote): the fleet config it ran under. */
const fleetConfigOf = (config: string | undefined) => (config === undefined ? undefined : loadConfig(config));

/** The file `file`, decoded by its spec, or a BadInput naming the file and the field. */
export const useSaved = (file: string, config?: string): Saved => {
  const r = loadSaved(file, fleetConfigOf(config));
  return E.isLeft(r) ? bad(r.left) : r.right;
};

/** The file `file`, our JSON or an ITF trace, or a BadInput naming the file and the field. */
export const useLoaded = (file: string, config?: string): Loaded => {
  const r = loadFile(file, fleetConfigOf(config));
  return E.isLeft(r) ? bad(r.left) : r.right;
};
