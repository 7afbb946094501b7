// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted system operation at the boundary, with the one definition of its format
// (model/systemOpFormat.ts): a dependent event or a fleet operation with exactly its fields. One-line errors
// naming the field.
// ---------------------------------------------------------------------------------------------------------
import type * as E from "fp-ts/lib/Either.js";
import { decodeWith } from "./format.ts";
import type { SystemOp } from "./system.ts";
import { SystemOpFormat } from "./systemOpFormat.ts";

/** Decodes one system operation found at `path` (`ops[3]`). */
export const decodeSystemOp = (path: string, v: unknown): E.Either<string, SystemOp> =>
  decodeWith(SystemOpFormat, { root: path, at: path, got: false })(v);
