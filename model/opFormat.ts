// ---------------------------------------------------------------------------------------------------------
// model: the format of an operation in a saved counterexample (`ops[i]`), defined once (issue 16): a known
// `type` and exactly its fields. This valibot schema is the decoder (model/opDecoder.ts) and the operations of
// the published docs/counterexample.schema.json. Typed over `Op`, so a new operation, or a new field of one,
// does not compile until it is listed here.
// ---------------------------------------------------------------------------------------------------------
import * as v from "valibot";
import { atLeast, type Format, nat, section } from "./format.ts";
import { OP_TYPES, type Op } from "./ops.ts";

/** What an operation's message says of a key it does not have, or lacks (the ITF reader rewrites these). */
export const OP_KEYS = {
  unknown: "{parent} has an unknown field {key}",
  missing: "{path} is missing",
} as const;

type FieldsOf<K extends Op["type"]> = {
  readonly [F in Exclude<keyof Extract<Op, { readonly type: K }>, "type">]: Format<number>;
};

/** An operation: what it means, and its fields besides `type`. */
interface OpEntry<K extends Op["type"]> {
  readonly description: string;
  readonly fields: FieldsOf<K>;
}

/** A position, taken modulo the size of what it indexes (style habit 16). */
export const position = nat();

/** Each operation's meaning (model/ops.ts) and fields, keyed by type. */
const OPS: { readonly [K in Op["type"]]: OpEntry<K> } = {
  capacityAdded: {
    description: "K16: operators add `count` (≥ 1) 2020-size servers' worth of capacity",
    fields: { count: atLeast(1) },
  },
  frontendRemoved: {
    description: "operators remove the frontend at position `frontend` (modulo the fleet size)",
    fields: { frontend: position },
  },
  frontendRestarted: {
    description: "K12: operators restart the frontend at position `frontend`",
    fields: { frontend: position },
  },
  frontendCrashed: {
    description: "the frontend at position `frontend` crashes",
    fields: { frontend: position },
  },
  peerLearned: {
    description: "K6: the frontend at position `frontend` learns one membership change",
    fields: { frontend: position },
  },
  shardMoved: {
    description: "K1: the back-end moves shard `shard` (modulo the shard count) to another cluster",
    fields: { shard: position },
  },
  requestRouted: {
    description: "K2: a request for `shard` arrives at the frontend at position `frontend`",
    fields: { frontend: position, shard: position },
  },
  tick: { description: "time passes by one tick", fields: {} },
};

/** Each operation's fields besides `type`, keyed by type (the ITF reader keeps only these of Quint's picks). */
export const OP_FIELDS = Object.fromEntries(
  OP_TYPES.map((t) => [t, Object.keys(OPS[t].fields)]),
) as unknown as {
  readonly [K in Op["type"]]: ReadonlyArray<string>;
};

/** One operation's format: its `type` and its fields. */
export const opVariant = (type: string, description: string, fields: v.ObjectEntries) =>
  section({ type: v.literal(type), ...fields }, description, OP_KEYS);

/** The message of a value that is no operation: not an object, or an unknown `type` (`{path}` is `type`'s). */
export const opMessage =
  (types: ReadonlyArray<string>) =>
  (issue: v.BaseIssue<unknown>): string =>
    issue.path === undefined
      ? "{path} must be an object"
      : Array.isArray(issue.path[0].input)
        ? "{parent} must be an object"
        : `{path} must be one of ${types.join(", ")}`;

/** The fleet's operations, one branch per type. */
export const OP_VARIANTS = OP_TYPES.map((t) => opVariant(t, OPS[t].description, OPS[t].fields));

/** A fleet operation. */
export const OpFormat = v.variant("type", OP_VARIANTS, opMessage(OP_TYPES)) as unknown as Format<Op>;
