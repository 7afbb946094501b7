// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted config (a user's JSON file) into a `Config` at the boundary (style habit 20).
// Pure: the caller reads the file. Every error is one line that names the field: `threads.threadLimit (3)
// is below threads.baseThreads (4)`.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { type Config, REMEDIATION_NAMES, type RemediationLimits, type Remediations } from "./config.ts";
import { oneLine } from "./oneLine.ts";

type Decoded<A> = E.Either<string, A>;
type Json = Readonly<Record<string, unknown>>;

const describe = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "string" ? JSON.stringify(v) : String(v);

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** An object with exactly `keys` (and any of `optional`): a missing or an unknown key is an error naming it. */
const object = (
  path: string,
  v: unknown,
  keys: ReadonlyArray<string>,
  optional: ReadonlyArray<string> = [],
): Decoded<Json> => {
  if (!isRecord(v)) return E.left(`${path || "the config"} must be an object, got ${describe(v)}`);
  const allowed = [...keys, ...optional];
  const unknown = Object.keys(v).find((k) => !allowed.includes(k));
  if (unknown !== undefined)
    return E.left(`unknown key ${path ? `${path}.` : ""}${unknown} (expected one of: ${allowed.join(", ")})`);
  const missing = keys.find((k) => !(k in v));
  return missing === undefined ? E.right(v) : E.left(`missing key ${path ? `${path}.` : ""}${missing}`);
};

const int = (path: string, v: unknown, min: number): Decoded<number> =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= min
    ? E.right(v)
    : E.left(`${path} must be an integer ≥ ${min}, got ${describe(v)}`);

const bool = (path: string, v: unknown): Decoded<boolean> =>
  typeof v === "boolean" ? E.right(v) : E.left(`${path} must be true or false, got ${describe(v)}`);

const str = (path: string, v: unknown): Decoded<string> =>
  typeof v === "string" && v.length > 0 && v.length <= 200 && !/[\r\n]/.test(v)
    ? E.right(v)
    : E.left(`${path} must be a one-line string of 1 to 200 characters, got ${describe(v)}`);

/** Decodes each listed field of `o` (under `path`) with `dec`, in order, stopping at the first error. */
const fields = <A>(
  path: string,
  o: Json,
  spec: { readonly [K in keyof A]: (p: string, v: unknown) => Decoded<A[K]> },
): Decoded<A> =>
  (Object.keys(spec) as Array<keyof A>).reduce<Decoded<Partial<A>>>(
    (acc, k) =>
      pipe(
        acc,
        E.chain((a) =>
          pipe(
            spec[k](`${path}.${String(k)}`, o[k as string]),
            E.map((value) => ({ ...a, [k]: value })),
          ),
        ),
      ),
    E.right({}),
  ) as Decoded<A>;

const section = <A>(
  path: string,
  v: unknown,
  spec: { readonly [K in keyof A]: (p: string, v: unknown) => Decoded<A[K]> },
): Decoded<A> =>
  pipe(
    object(path, v, Object.keys(spec)),
    E.chain((o) => fields(path, o, spec)),
  );

const atLeast = (min: number) => (p: string, v: unknown) => int(p, v, min);

const remediations = (path: string, v: unknown): Decoded<Remediations> =>
  section(
    path,
    v,
    Object.fromEntries(REMEDIATION_NAMES.map((n) => [n, bool])) as {
      readonly [K in keyof Remediations]: typeof bool;
    },
  );

/** The most shards a config may have: a frontend's stale entries are a bit mask in a 32-bit integer. */
export const MAX_SHARD_COUNT = 30;

/** Checks that relate fields to each other, after each field decoded on its own. */
const consistent = (c: Config): Decoded<Config> => {
  const { threadLimit, baseThreads } = c.threads;
  if (threadLimit < baseThreads)
    return E.left(`threads.threadLimit (${threadLimit}) is below threads.baseThreads (${baseThreads})`);
  if (c.fleet.maxSize < c.fleet.initialSize)
    return E.left(`fleet.maxSize (${c.fleet.maxSize}) is below fleet.initialSize (${c.fleet.initialSize})`);
  if (c.fleet.maxSize > 100_000)
    return E.left(`fleet.maxSize (${c.fleet.maxSize}) is above the supported 100000`);
  // A frontend's stale shard entries are one bit each of a 32-bit integer (model/shardMap.ts, `1 << shard`),
  // and the search draws shards 0..31: 30 keeps both exact. A limit of the model, said in the error and docs.
  if (c.shards.shardCount > MAX_SHARD_COUNT)
    return E.left(
      `shards.shardCount (${c.shards.shardCount}) is above the supported ${MAX_SHARD_COUNT}: each frontend keeps its stale shard entries as one bit per shard of a 32-bit integer`,
    );
  return E.right(c);
};

/**
 * A config file may name its JSON Schema (`"$schema"`, as `npx outage config` prints it) for editors: a
 * string, dropped before decoding; anything else there is an error.
 */
const withoutSchemaKey = (v: unknown): Decoded<unknown> => {
  if (!isRecord(v) || !("$schema" in v)) return E.right(v);
  const { $schema, ...rest } = v;
  return typeof $schema === "string"
    ? E.right(rest)
    : E.left(`$schema must be a string, got ${describe($schema)}`);
};

/** A config without `remediationLimits` has no such key (not one set to undefined), so it prints as it was read. */
const withoutUndefinedLimits = (c: Config): Config => {
  if (c.remediationLimits !== undefined) return c;
  const { remediationLimits: _absent, ...rest } = c;
  return rest;
};

/** Decodes an untrusted value (parsed JSON) into a Config, or a one-line error naming the field. */
export const decodeConfig = (v: unknown): Decoded<Config> =>
  pipe(
    withoutSchemaKey(v),
    E.chain((w) =>
      object(
        "",
        w,
        [
          "name",
          "description",
          "tickMinutes",
          "fleet",
          "threads",
          "shards",
          "membership",
          "coldStart",
          "remediations",
          "remediationParameters",
        ],
        ["remediationLimits"],
      ),
    ),
    E.chain((o) =>
      pipe(
        E.Do,
        E.apS("name", str("name", o.name)),
        E.apS("description", str("description", o.description)),
        E.apS("tickMinutes", int("tickMinutes", o.tickMinutes, 1)),
        E.apS("fleet", section("fleet", o.fleet, { initialSize: atLeast(1), maxSize: atLeast(1) })),
        E.apS(
          "threads",
          section("threads", o.threads, {
            threadLimit: atLeast(1),
            baseThreads: atLeast(0),
            threadsPerPeer: atLeast(1),
          }),
        ),
        E.apS("shards", section("shards", o.shards, { shardCount: atLeast(1), backendClusters: atLeast(1) })),
        E.apS("membership", section("membership", o.membership, { propagationDelayTicks: atLeast(1) })),
        E.apS(
          "coldStart",
          section("coldStart", o.coldStart, {
            bootstrapTicks: atLeast(1),
            maxConcurrentBootstraps: atLeast(1),
            cacheSelfHealsAfterTriggerRemoval: bool,
          }),
        ),
        E.apS("remediations", remediations("remediations", o.remediations)),
        E.apS(
          "remediationParameters",
          section("remediationParameters", o.remediationParameters, {
            largerServerFactor: atLeast(1),
            cellSize: atLeast(1),
          }),
        ),
        // Optional (model/config.ts): absent in files saved before issue 14, which model no such limit.
        E.apS(
          "remediationLimits",
          (o.remediationLimits === undefined
            ? E.right(undefined)
            : section("remediationLimits", o.remediationLimits, {
                largerServerMemoryMiB: atLeast(1),
                threadStackMiB: atLeast(0),
                bufferMiBPerUnit: atLeast(0),
                metadataStoreBootstraps: atLeast(1),
              })) as Decoded<RemediationLimits | undefined>,
        ),
      ),
    ),
    E.map(withoutUndefinedLimits),
    E.chain(consistent),
    E.mapLeft(oneLine),
  );

/** Parses JSON text and decodes it; malformed JSON is a one-line error too. */
export const parseConfig = (text: string): Decoded<Config> =>
  pipe(
    E.tryCatch(
      () => JSON.parse(text) as unknown,
      (e) => `not valid JSON (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
    ),
    E.chain(decodeConfig),
    E.mapLeft(oneLine),
  );
