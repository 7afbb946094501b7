// ---------------------------------------------------------------------------------------------------------
// cli: a saved counterexample file as the commands take it: a bad file is a BadInput (one line, exit 2).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { loadSaved, type Saved } from "../specs/saved.ts";
import { bad } from "./input.ts";

/** The file `file`, decoded by its spec, or a BadInput naming the file and the field. */
export const useSaved = (file: string): Saved => {
  const r = loadSaved(file);
  return E.isLeft(r) ? bad(r.left) : r.right;
};
