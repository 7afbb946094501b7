// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted system config (a saved system counterexample's `config`, or a `--config FILE`
// with a `dependents` section) at the boundary, with the one definition of the format
// (model/dependents/configFormat.ts), then the core config's cross-field checks (model/configDecoder.ts).
// Every error is one line naming the field.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { Config } from "../config.ts";
import { decodeConfig } from "../configDecoder.ts";
import { decodeWith } from "../format.ts";
import type { DependentsConfig, SystemConfig } from "./config.ts";
import { ConfigFileFormat, DependentsFormat, SystemConfigFormat } from "./configFormat.ts";

type Decoded<A> = E.Either<string, A>;

/** Decodes the `dependents` section alone. */
export const decodeDependents: (v: unknown) => Decoded<DependentsConfig> = decodeWith(DependentsFormat, {
  root: "dependents",
  at: "dependents",
  got: true,
});

/** The core config of a decoded file, checked field against field by the core decoder. */
const withCore = <A extends { readonly dependents?: DependentsConfig }>({
  dependents,
  ...core
}: A): Decoded<{ readonly core: Config; readonly dependents: A["dependents"] }> =>
  pipe(
    decodeConfig(core),
    E.map((c) => ({ core: c, dependents })),
  );

/** Decodes a whole system config: the core config plus `dependents`. */
export const decodeSystemConfig = (v: unknown): Decoded<SystemConfig> =>
  pipe(
    v,
    decodeWith(SystemConfigFormat, { root: "the config", got: true }),
    E.chain(withCore),
    E.map(({ core, dependents }): SystemConfig => ({ ...core, dependents })),
  );

/** Decodes a config file as `--config FILE` takes it: the core config, and `dependents` if the file has them. */
export const decodeConfigFile = (
  v: unknown,
): Decoded<{ readonly core: Config; readonly dependents: DependentsConfig | undefined }> =>
  pipe(v, decodeWith(ConfigFileFormat, { root: "the config", got: true }), E.chain(withCore));
