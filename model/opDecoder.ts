// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted operation (a saved counterexample's `ops[i]`) at the boundary, with the one
// definition of its format (model/opFormat.ts): a known `type` and exactly its fields, or a one-line error
// naming the field (style habit 20).
// ---------------------------------------------------------------------------------------------------------
import type * as E from "fp-ts/lib/Either.js";
import { decodeWith } from "./format.ts";
import { OpFormat } from "./opFormat.ts";
import type { Op } from "./ops.ts";

export { OP_FIELDS } from "./opFormat.ts";

/** Decodes one operation found at `path` (`ops[3]`): a known `type` and exactly its fields. */
export const decodeOp = (path: string, v: unknown): E.Either<string, Op> =>
  decodeWith(OpFormat, { root: path, at: path, got: false })(v);
