// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted system operation at the boundary: a dependent event with exactly its fields,
// or else a fleet operation (opDecoder.ts). One-line errors naming the field.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { decodeOp } from "./opDecoder.ts";
import { DEPENDENT_OP_TYPES, type SystemOp } from "./system.ts";

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A dependent op: a known type and exactly its fields; anything else is decoded as a fleet op. */
export const decodeSystemOp = (path: string, v: unknown): E.Either<string, SystemOp> => {
  if (!isRecord(v) || !(DEPENDENT_OP_TYPES as ReadonlyArray<unknown>).includes(v.type))
    return decodeOp(path, v);
  const wanted =
    v.type === "clusterRequested"
      ? ["type", "service"]
      : v.type === "frontendJudgedUnhealthy"
        ? ["type", "frontend"]
        : ["type"];
  const extra = Object.keys(v).find((k) => !wanted.includes(k));
  if (extra !== undefined) return E.left(`${path} has an unknown field ${extra}`);
  if (v.type === "clusterRequested" && v.service !== "ecs" && v.service !== "eks")
    return E.left(`${path}.service must be ecs or eks`);
  if (
    v.type === "frontendJudgedUnhealthy" &&
    !(Number.isSafeInteger(v.frontend) && (v.frontend as number) >= 0)
  )
    return E.left(`${path}.frontend must be an integer ≥ 0`);
  return E.right(v as unknown as SystemOp);
};
