// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted operation (a saved counterexample's `ops[i]`) at the boundary: a known `type`
// and exactly its fields, or a one-line error naming the field (style habit 20).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { OP_TYPES, type Op } from "./ops.ts";

type Decoded<A> = E.Either<string, A>;

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isNat = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/** Each operation's fields besides `type`; keyed by type, so a new operation does not compile until listed. */
export const OP_FIELDS: { readonly [K in Op["type"]]: ReadonlyArray<string> } = {
  capacityAdded: ["count"],
  frontendRemoved: ["frontend"],
  frontendRestarted: ["frontend"],
  frontendCrashed: ["frontend"],
  peerLearned: ["frontend"],
  shardMoved: ["shard"],
  requestRouted: ["frontend", "shard"],
  tick: [],
};

/** Decodes one operation: a known `type` and exactly its fields, each a non-negative integer. */
export const decodeOp = (path: string, v: unknown): Decoded<Op> => {
  if (!isRecord(v)) return E.left(`${path} must be an object`);
  const type = v.type;
  if (typeof type !== "string" || !(OP_TYPES as ReadonlyArray<string>).includes(type))
    return E.left(`${path}.type must be one of ${OP_TYPES.join(", ")}`);
  const wanted = OP_FIELDS[type as Op["type"]];
  const extra = Object.keys(v).find((k) => k !== "type" && !wanted.includes(k));
  if (extra !== undefined) return E.left(`${path} has an unknown field ${extra}`);
  const bad = wanted.find((k) => !isNat(v[k]) || (k === "count" && v[k] === 0));
  return bad === undefined
    ? E.right(v as unknown as Op)
    : E.left(`${path}.${bad} must be a non-negative integer`);
};
