// ---------------------------------------------------------------------------------------------------------
// checker: the Informal Trace Format (ITF, Apalache ADR-015), the JSON trace format of Quint, Apalache and the
// TLA+ tools, both ways, for any spec. The file format is the engine's; what a state and an operation look
// like in it is the spec's (`Spec.itf`, an `ItfCodec`). Each state after the first carries the operation that
// led to it as Quint's `--mbt` does: `mbt::actionTaken` (its name) and `mbt::nondetPicks` (its arguments, each
// an Option), so a trace written here drives an implementation, and a trace `quint run --mbt` wrote drives
// `step`. Our own traces also record, in `#meta` (free-form in ITF), what replays them as a counterexample.
// Pure; a bad trace is a one-line error naming the field.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";

export type ItfValue =
  | string
  | boolean
  | { readonly "#bigint": string }
  | { readonly "#set": ReadonlyArray<ItfValue> }
  | { readonly "#tup": ReadonlyArray<ItfValue> }
  | { readonly "#map": ReadonlyArray<readonly [ItfValue, ItfValue]> }
  | ReadonlyArray<ItfValue>
  | { readonly [k: string]: ItfValue };

export type ItfRecord = Readonly<Record<string, ItfValue>>;

export const ITF_FORMAT_DESCRIPTION = "https://apalache-mc.org/docs/adr/015adr-trace.html";

/** The two variables Quint's `--mbt` adds to every state. */
export const ACTION_TAKEN = "mbt::actionTaken";
export const NONDET_PICKS = "mbt::nondetPicks";

/** An integer as ITF writes every integer. */
export const itfInt = (n: number): ItfValue => {
  if (!Number.isSafeInteger(n)) throw new Error(`internal: ITF needs integers, got ${n}`);
  return { "#bigint": String(n) };
};

/** Quint's Option: `Some(v)`, or `None` for undefined and null. */
export const itfOption = (v: ItfValue | undefined): ItfValue =>
  v === undefined ? { tag: "None", value: { "#tup": [] } } : { tag: "Some", value: v };

/** A plain JSON value as ITF: numbers become big integers (every number in a model state is an integer). */
export const toItfValue = (v: unknown): ItfValue => {
  if (typeof v === "number") return itfInt(v);
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(toItfValue);
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toItfValue(x)]));
  throw new Error(`internal: no ITF encoding for ${String(v)}`);
};

/** What a spec says about its states and operations in ITF (`Spec.itf`). */
export interface ItfCodec<C, S, Op> {
  /** The state variables, in order (the `vars` of the trace, before the two `mbt::` ones). */
  readonly vars: ReadonlyArray<string>;
  /** A state as ITF variables (the names in `vars`). */
  encodeState(config: C, state: S): ItfRecord;
  /** An operation as Quint's `--mbt` names it: the action and its nondeterministic picks. */
  encodeOp(op: Op): { readonly action: string; readonly picks: ItfRecord };
  /** The operation `action` with `picks` (plain values, Options resolved, `None` dropped); `path` names it in errors. */
  decodeOp(path: string, action: string, picks: Readonly<Record<string, unknown>>): E.Either<string, Op>;
}

/** The ITF file's text: two-space indent, trailing newline (same trace, same bytes). */
export const encodeItfTrace = (trace: Readonly<Record<string, unknown>>): string =>
  `${JSON.stringify(trace, null, 2)}\n`;

// ---------------------------------------------------------------------------------------------------------
// reading
// ---------------------------------------------------------------------------------------------------------

type Json = Readonly<Record<string, unknown>>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether a parsed file is an ITF trace rather than our counterexample JSON: it has `#meta` or `states`. */
export const isItf = (v: unknown): boolean => isRecord(v) && ("#meta" in v || "states" in v);

/** An ITF value as a plain value: big integers to numbers, Options to their value or null, tuples to arrays. */
export const fromItfValue = (path: string, v: unknown): E.Either<string, unknown> => {
  if (typeof v === "string" || typeof v === "boolean") return E.right(v);
  if (typeof v === "number")
    return E.left(`${path}: plain number ${v}; ITF writes integers as {"#bigint": "..."}`);
  if (Array.isArray(v)) return all(path, v);
  if (!isRecord(v)) return E.left(`${path}: ${JSON.stringify(v)} is not an ITF value`);
  if ("#bigint" in v) {
    const b = v["#bigint"];
    if (typeof b !== "string" || !/^-?\d+$/.test(b))
      return E.left(`${path}.#bigint must be a string of digits`);
    const n = Number(b);
    return Number.isSafeInteger(n) ? E.right(n) : E.left(`${path}.#bigint ${b} is too large`);
  }
  if ("#tup" in v || "#set" in v) {
    const items = v["#tup"] ?? v["#set"];
    return Array.isArray(items)
      ? all(`${path}.${"#tup" in v ? "#tup" : "#set"}`, items)
      : E.left(`${path}: #tup/#set must be an array`);
  }
  if ("#map" in v) return E.left(`${path}: #map is not a value of this model`);
  if (v.tag === "None" && "value" in v) return E.right(null);
  if (v.tag === "Some" && "value" in v) return fromItfValue(`${path}.value`, v.value);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const d = fromItfValue(`${path}.${k}`, x);
    if (E.isLeft(d)) return d;
    out[k] = d.right;
  }
  return E.right(out);
};

const all = (path: string, xs: ReadonlyArray<unknown>): E.Either<string, unknown[]> => {
  const out: unknown[] = [];
  for (const [i, x] of xs.entries()) {
    const d = fromItfValue(`${path}[${i}]`, x);
    if (E.isLeft(d)) return d;
    out.push(d.right);
  }
  return E.right(out);
};

/**
 * The variables by their own names: Quint qualifies those of an instance with its path (`small::fleet::tick`
 * for `tick` in `module small { import fleet(...).* }`); the `mbt::` ones are taken out before this.
 */
const unqualified = (vars: Json): Json =>
  Object.fromEntries(Object.entries(vars).map(([k, x]) => [k.split("::").pop() ?? k, x]));

/** A decoded ITF trace: its `#meta`, the operations its states took, and each state's variables as plain values. */
export interface ItfRead<Op> {
  readonly meta: Json;
  readonly ops: ReadonlyArray<Op>;
  /** State i's variables (the `mbt::` ones left out), as plain values. */
  readonly states: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** Decodes an ITF trace's shape and its operations (`mbt::actionTaken`, `mbt::nondetPicks`) by `codec`. */
export const decodeItf = <C, S, Op>(codec: ItfCodec<C, S, Op>, v: unknown): E.Either<string, ItfRead<Op>> => {
  if (!isRecord(v)) return E.left("the file must hold a JSON object");
  const meta = v["#meta"] ?? {};
  if (!isRecord(meta)) return E.left("#meta must be an object");
  if (!Array.isArray(v.states) || v.states.length === 0) return E.left("states must be a non-empty array");
  const ops: Op[] = [];
  const states: Array<Record<string, unknown>> = [];
  for (const [i, s] of v.states.entries()) {
    const at = `states[${i}]`;
    if (!isRecord(s)) return E.left(`${at} must be an object`);
    const { "#meta": _m, [ACTION_TAKEN]: action, [NONDET_PICKS]: picks, ...vars } = s;
    const plain = fromItfValue(at, unqualified(vars));
    if (E.isLeft(plain)) return plain;
    states.push(plain.right as Record<string, unknown>);
    if (i === 0) continue;
    if (typeof action !== "string")
      return E.left(`${at}.${ACTION_TAKEN} must be a string naming the operation (run quint with --mbt)`);
    const p = picks === undefined ? E.right({}) : fromItfValue(`${at}.${NONDET_PICKS}`, picks);
    if (E.isLeft(p)) return p;
    if (!isRecord(p.right)) return E.left(`${at}.${NONDET_PICKS} must be a record`);
    const given = Object.fromEntries(Object.entries(p.right).filter(([, x]) => x !== null));
    const op = codec.decodeOp(at, action, given);
    if (E.isLeft(op)) return op;
    ops.push(op.right);
  }
  return E.right({ meta, ops, states });
};

/**
 * Where `ours` (the state `step` computed, as plain values) first differs from `theirs` (a trace's), over the
 * fields both have: records are compared on their common keys, lists element by element (a length differs
 * too). Undefined when they agree.
 */
export const firstDifference = (path: string, ours: unknown, theirs: unknown): string | undefined => {
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    if (ours.length !== theirs.length)
      return `${path} has ${theirs.length} elements in the trace, ${ours.length} by step`;
    for (const [i, x] of ours.entries()) {
      const d = firstDifference(`${path}[${i}]`, x, theirs[i]);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isRecord(ours) && isRecord(theirs)) {
    for (const k of Object.keys(ours))
      if (k in theirs) {
        const d = firstDifference(path === "" ? k : `${path}.${k}`, ours[k], theirs[k]);
        if (d !== undefined) return d;
      }
    return undefined;
  }
  return ours === theirs
    ? undefined
    : `${path} is ${JSON.stringify(theirs)} in the trace, ${JSON.stringify(ours)} by step`;
};

/**
 * The operations of a spec whose operations are records tagged by `type` (`{ type, ...arguments }`): the
 * action is the tag, the picks are the arguments. Decoding builds the record and hands it to the spec's own
 * decoder (`decodeTagged`), with its error's path renamed to the ITF fields it came from.
 */
export const taggedOps = <Op extends { readonly type: string }>(
  decodeTagged: (path: string, v: unknown) => E.Either<string, Op>,
  /**
   * Reading another tool's trace: each action's own picks (Quint records every `nondet` of `step`, used or
   * not, so the others are dropped), and the spec's name for an action Quint must name otherwise.
   */
  foreign: {
    readonly fieldsOf: (type: string) => ReadonlyArray<string> | undefined;
    readonly aliases: Readonly<Record<string, string>>;
  } = { fieldsOf: () => undefined, aliases: {} },
): Pick<ItfCodec<never, never, Op>, "encodeOp" | "decodeOp"> => ({
  encodeOp: (op) => {
    const { type, ...args } = op;
    return { action: type, picks: toItfValue(args) as ItfRecord };
  },
  decodeOp: (path, taken, given) => {
    const action = foreign.aliases[taken] ?? taken;
    const fields = foreign.fieldsOf(action);
    const picks =
      fields === undefined
        ? given
        : Object.fromEntries(fields.flatMap((k) => (k in given ? [[k, given[k]]] : [])));
    const d = decodeTagged(path, { type: action, ...picks });
    return E.isLeft(d)
      ? E.left(
          d.left
            .replace(`${path}.type`, `${path}.${ACTION_TAKEN}`)
            .replace(new RegExp(`^${escapeRegExp(path)}\\.(?!mbt::)`), `${path}.${NONDET_PICKS}.`)
            .replace(`${path} has an unknown field`, `${path}.${NONDET_PICKS} has an unknown pick`),
        )
      : d;
  },
});

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
