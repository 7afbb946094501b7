// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted config (a user's JSON file) into a `Config` at the boundary (style habit 20),
// with the one definition of the format (model/configFormat.ts), then the checks that relate fields to each
// other, which a JSON Schema cannot say. Pure: the caller reads the file. Every error is one line that names
// the field: `threads.threadLimit (3) is below threads.baseThreads (4)`.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { Config } from "./config.ts";
import { ConfigFormat } from "./configFormat.ts";
import { decodeWith } from "./format.ts";
import { oneLine } from "./oneLine.ts";

export { MAX_SHARD_COUNT } from "./configFormat.ts";

type Decoded<A> = E.Either<string, A>;

/** Checks that relate fields to each other, after each field decoded on its own. */
const consistent = (c: Config): Decoded<Config> => {
  const { threadLimit, baseThreads } = c.threads;
  if (threadLimit < baseThreads)
    return E.left(`threads.threadLimit (${threadLimit}) is below threads.baseThreads (${baseThreads})`);
  if (c.fleet.maxSize < c.fleet.initialSize)
    return E.left(`fleet.maxSize (${c.fleet.maxSize}) is below fleet.initialSize (${c.fleet.initialSize})`);
  return E.right(c);
};

/** The file's fields, `$schema` (for editors) dropped. */
const withoutSchemaKey = ({ $schema: _s, ...c }: { readonly $schema?: string } & Config): Config => c;

/** Decodes an untrusted value (parsed JSON) into a Config, or a one-line error naming the field. */
export const decodeConfig = (v: unknown): Decoded<Config> =>
  pipe(
    v,
    decodeWith(ConfigFormat, { root: "the config", got: true }),
    E.map(withoutSchemaKey),
    E.chain(consistent),
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
