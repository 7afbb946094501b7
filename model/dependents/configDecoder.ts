// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted system config (a saved system counterexample's `config`) at the boundary.
// The core part goes through the core decoder unchanged; the `dependents` section must have exactly the
// shape of `asWasDependents` (same keys, integers ≥ 0 where it has numbers, booleans where it has flags).
// Every error is one line naming the field.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { decodeConfig } from "../configDecoder.ts";
import { asWasDependents, asWasLoad } from "../configs/asWasDependents.ts";
import type { DependentsConfig, LoadConfig, SystemConfig } from "./config.ts";

type Decoded<A> = E.Either<string, A>;

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks `v` against the shape of `like`, naming the first field that differs. */
const sameShape = (path: string, like: unknown, v: unknown): string | undefined => {
  if (typeof like === "boolean") return typeof v === "boolean" ? undefined : `${path} must be true or false`;
  if (typeof like === "number")
    return typeof v === "number" && Number.isSafeInteger(v) && v >= 0
      ? undefined
      : `${path} must be an integer ≥ 0`;
  if (!isRecord(like) || !isRecord(v)) return `${path} must be an object`;
  const unknown = Object.keys(v).find((k) => !(k in like));
  if (unknown !== undefined) return `unknown key ${path}.${unknown}`;
  for (const k of Object.keys(like)) {
    if (!(k in v)) return `missing key ${path}.${k}`;
    const e = sameShape(`${path}.${k}`, like[k], v[k]);
    if (e !== undefined) return e;
  }
  return undefined;
};

/**
 * The `load` section's ranges, one check per field (model/load.ts), after `sameShape` has made each an integer ≥ 0.
 * A file written before the section existed has none: it gets as-was's (`asWasLoad`), so saved counterexamples
 * and config files stay valid.
 */
const loadRangeError = (load: LoadConfig): string | undefined => {
  if (load.capacityPerFrontend < 1) return "dependents.load.capacityPerFrontend must be at least 1";
  if (load.bootstrapCostPercent > 100) return "dependents.load.bootstrapCostPercent must be at most 100";
  if (load.healthCheckPercent < 1) return "dependents.load.healthCheckPercent must be at least 1";
  if (load.firstCellLoadPercent > 100) return "dependents.load.firstCellLoadPercent must be at most 100";
  return undefined;
};

/** Decodes the `dependents` section (`load` defaults to as-was's when absent). */
export const decodeDependents = (v: unknown): Decoded<DependentsConfig> => {
  const withLoad = isRecord(v) && !("load" in v) ? { ...v, load: asWasLoad } : v;
  const e = sameShape("dependents", asWasDependents, withLoad);
  if (e !== undefined) return E.left(e);
  const d = withLoad as DependentsConfig;
  const range = loadRangeError(d.load);
  return range === undefined ? E.right(d) : E.left(range);
};

/** Decodes a whole system config: the core config plus `dependents`. */
export const decodeSystemConfig = (v: unknown): Decoded<SystemConfig> => {
  if (!isRecord(v)) return E.left("the config must be an object");
  const { dependents, ...core } = v;
  return pipe(
    decodeConfig(core),
    E.chain((c) =>
      pipe(
        decodeDependents(dependents),
        E.map((d): SystemConfig => ({ ...c, dependents: d })),
      ),
    ),
  );
};
