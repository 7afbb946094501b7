// ---------------------------------------------------------------------------------------------------------
// model: an input format defined once (issue 16), as a valibot schema that is both the decoder (`decodeWith`,
// an fp-ts `Either` at the boundary, style habit 20) and the source of the published JSON Schema
// (explain/configSchema.ts, explain/schema.ts, through @valibot/to-json-schema). Generic: no domain word, so
// the engine's counterexample file (checker/counterexampleFormat.ts) uses it too.
//
// Every message is a template the decoder fills once it knows where the value was: `{path}` (the field's path,
// `fleet.initialSize`, `ops[3].type`, or the format's root name), `{parent}` and `{key}` (the path of the object
// and the key an unknown or missing key issue is about), `{value}` (the value, for `(31) is above ...`) and
// `{got}` (`, got 1.5` where the format says so; `{gotArray}` for an array where an object belongs). One line,
// naming the field, as the hand-written decoders it replaced did.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as v from "valibot";
import { oneLine } from "./oneLine.ts";

// ---------------------------------------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------------------------------------

/** An input format: a valibot schema from untrusted JSON to `A`. */
export type Format<A> = v.GenericSchema<unknown, A>;

/** How a format's messages are filled in. */
export interface Where {
  /** What `{path}` says at the root (`the config`). */
  readonly root: string;
  /** A path the value sits under (`ops[3]`): every path starts with it. */
  readonly at?: string;
  /** Whether `{got}` shows the value found (`, got 1.5`) or nothing. */
  readonly got: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// constructors: the leaves and objects the formats are made of, each with its message
// ---------------------------------------------------------------------------------------------------------

/** A value in a message: strings quoted, `null`, `an array`, numbers and flags as written. */
export const describeValue = (x: unknown): string =>
  x === null
    ? "null"
    : Array.isArray(x)
      ? "an array"
      : typeof x === "string"
        ? JSON.stringify(x)
        : typeof x === "object"
          ? "an object"
          : String(x);

const mustBe = (what: string): string => `{path} must be ${what}{got}`;

/** A safe integer of at least `min`. */
export const atLeast = (min: number, description?: string): Format<number> => {
  const m = mustBe(`an integer ≥ ${min}`);
  const n = v.pipe(v.number(m), v.safeInteger(m), v.minValue(min, m));
  return description === undefined ? n : v.pipe(n, v.description(description));
};

/** A safe integer from `min` to `max`; above `max` the message is `{path} ({value}) is above ...` + `why`. */
export const between = (min: number, max: number, why: string, description?: string): Format<number> => {
  const m = mustBe(`an integer ≥ ${min}`);
  const n = v.pipe(
    v.number(m),
    v.safeInteger(m),
    v.minValue(min, m),
    v.maxValue(max, `{path} ({value}) is above the supported ${max}${why}`),
  );
  return description === undefined ? n : v.pipe(n, v.description(description));
};

/** A non-negative integer, said as such (`must be a non-negative integer`). */
export const nat = (description?: string): Format<number> => {
  const m = mustBe("a non-negative integer");
  const n = v.pipe(v.number(m), v.safeInteger(m), v.minValue(0, m));
  return description === undefined ? n : v.pipe(n, v.description(description));
};

/** Any safe integer. */
export const integer = (description?: string): Format<number> => {
  const m = mustBe("an integer");
  const n = v.pipe(v.number(m), v.safeInteger(m));
  return description === undefined ? n : v.pipe(n, v.description(description));
};

/** A number from `min` to `max`, fractions allowed. */
export const fraction = (min: number, max: number, description?: string): Format<number> => {
  const m = mustBe(`a number from ${min} to ${max}`);
  const n = v.pipe(v.number(m), v.minValue(min, m), v.maxValue(max, m));
  return description === undefined ? n : v.pipe(n, v.description(description));
};

/** A safe integer from `min` to `max`, said as such. */
export const integerIn = (min: number, max: number, description?: string): Format<number> => {
  const m = mustBe(`an integer from ${min} to ${max}`);
  const n = v.pipe(v.number(m), v.safeInteger(m), v.minValue(min, m), v.maxValue(max, m));
  return description === undefined ? n : v.pipe(n, v.description(description));
};

/** A string matching `pattern`, said as `what`. */
export const matching = (pattern: RegExp, what: string, description?: string): Format<string> => {
  const m = mustBe(what);
  const s = v.pipe(v.string(m), v.regex(pattern, m));
  return description === undefined ? s : v.pipe(s, v.description(description));
};

/** A flag. */
export const flag = (description?: string): Format<boolean> => {
  const b = v.boolean(mustBe("true or false"));
  return description === undefined ? b : v.pipe(b, v.description(description));
};

/** Any string. */
export const text = (description?: string): Format<string> => {
  const s = v.string(mustBe("a string"));
  return description === undefined ? s : v.pipe(s, v.description(description));
};

/** A one-line string of 1 to 200 characters (a name or a description shown in reports). */
export const oneLineText = (description?: string): Format<string> => {
  const m = mustBe("a one-line string of 1 to 200 characters");
  const s = v.pipe(v.string(m), v.minLength(1, m), v.maxLength(200, m), v.regex(/^[^\r\n]*$/, m));
  return description === undefined ? s : v.pipe(s, v.description(description));
};

/** One of `values` (strings). */
export const oneOf = <T extends string>(
  values: ReadonlyArray<T>,
  said = `one of ${values.join(", ")}`,
): Format<T> => v.picklist(values as T[], mustBe(said));

/**
 * The message of an object with exactly its keys: a value not an object, an unknown key (the first one), a missing
 * key. `unknown` and `missing` are templates over `{path}` (the key's), `{parent}` and `{key}`.
 */
const objectMessage =
  (keys: ReadonlyArray<string>, unknown: string, missing: string) =>
  (issue: v.BaseIssue<unknown>): string =>
    issue.path === undefined
      ? mustBe("an object")
      : // valibot takes an array for an object (its keys are then missing): say what it is.
        Array.isArray(issue.path[0].input)
        ? "{parent} must be an object{gotArray}"
        : issue.expected === "never"
          ? unknown.replace("{keys}", keys.filter((k) => !k.startsWith("$")).join(", "))
          : missing;

/** Messages for an object's keys, as the config and counterexample files say them. */
export const KEYED = {
  unknown: "unknown key {path} (expected one of: {keys})",
  missing: "missing key {path}",
} as const;

/** An object with exactly `entries` (a missing or an unknown key is an error naming it). */
export const section = <const T extends v.ObjectEntries>(
  entries: T,
  description?: string,
  messages: { readonly unknown: string; readonly missing: string } = KEYED,
) => {
  const o = v.strictObject(entries, objectMessage(Object.keys(entries), messages.unknown, messages.missing));
  return description === undefined ? o : v.pipe(o, v.description(description));
};

/** An array of `item`s. */
export const list = <A>(item: Format<A>, description?: string): Format<ReadonlyArray<A>> => {
  const a = v.array(item, mustBe("an array"));
  return description === undefined ? a : v.pipe(a, v.description(description));
};

// ---------------------------------------------------------------------------------------------------------
// operations: decoding with a format
// ---------------------------------------------------------------------------------------------------------

type PathItem = v.IssuePathItem;

const keyOf = (item: PathItem): string => String(item.key);

/** `a.b[3].c` under `at`. */
const pathText = (at: string, items: ReadonlyArray<PathItem>): string =>
  items.reduce(
    (p, item) =>
      typeof item.key === "number" ? `${p}[${item.key}]` : p === "" ? keyOf(item) : `${p}.${keyOf(item)}`,
    at,
  );

/** The one-line message of an issue, its templates filled in (in one pass, so a value is never read as one). */
export const messageOf = (issue: v.BaseIssue<unknown>, input: unknown, where: Where): string => {
  const items = issue.path ?? [];
  const at = where.at ?? "";
  const path = pathText(at, items);
  const parent = pathText(at, items.slice(0, -1));
  const last = items[items.length - 1];
  const value = last === undefined ? input : last.value;
  const fill: Readonly<Record<string, string>> = {
    path: path === "" ? where.root : path,
    parent: parent === "" ? where.root : parent,
    key: last === undefined ? "" : keyOf(last),
    value: describeValue(value),
    got: where.got ? `, got ${describeValue(value)}` : "",
    gotArray: where.got ? ", got an array" : "",
  };
  return oneLine(
    issue.message.replace(/\{(path|parent|key|value|got|gotArray)\}/g, (_m, k: string) => fill[k] ?? ""),
  );
};

/** Whether an issue is about an object's keys (an unknown or a missing one), not a value. */
const isKeyIssue = (issue: v.BaseIssue<unknown>): boolean =>
  issue.path !== undefined && issue.path[issue.path.length - 1]?.origin === "key";

/** The keys of an issue's path, without the key a key issue is about: the object it is in. */
const objectOf = (issue: v.BaseIssue<unknown>): ReadonlyArray<unknown> =>
  (issue.path ?? []).slice(0, isKeyIssue(issue) ? -1 : undefined).map((p) => p.key);

const isPrefix = (a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown>): boolean =>
  a.length <= b.length && a.every((k, i) => k === b[i]);

/**
 * The problem to report, in the order a reader fixes them: an object's own keys (an unknown one, as a typo's
 * `nme` says more than the `name` it left missing, then a missing one) before the values inside it, the outer
 * object first; otherwise the first problem in the file's order.
 */
const firstIssue = (
  issues: readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
): v.BaseIssue<unknown> => {
  const first = issues[0];
  const where = objectOf(first);
  const enclosing = issues
    .filter((i) => isKeyIssue(i) && isPrefix(objectOf(i), where))
    .map((i) => ({ i, rank: objectOf(i).length * 2 + (i.expected === "never" ? 0 : 1) }));
  return enclosing.reduce((best, x) => (x.rank < best.rank ? x : best), { i: first, rank: Infinity }).i;
};

/** Decodes an untrusted value with `format`: the value, or the first problem as one line naming the field. */
export const decodeWith =
  <A>(format: Format<A>, where: Where) =>
  (input: unknown): E.Either<string, A> => {
    const r = v.safeParse(format, input);
    return r.success ? E.right(r.output) : E.left(messageOf(firstIssue(r.issues), input, where));
  };
