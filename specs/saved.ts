// ---------------------------------------------------------------------------------------------------------
// specs: a saved counterexample file of any spec this project ships: read, the spec it names found, decoded
// by that spec. A bad file is a one-line error naming the file and the field.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { match } from "ts-pattern";
import { readText } from "../checker/corpus.ts";
import { type Counterexample, decodeCounterexample, parseJson, specIdOf } from "../checker/counterexample.ts";
import type { Spec } from "../checker/spec.ts";
import type { Config } from "../model/config.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import type { Op } from "../model/ops.ts";
import type { SystemOp } from "../model/system.ts";
import { fleetSpec, legacySpecId, SPEC_IDS, systemSpec } from "./index.ts";

/** A saved counterexample with its spec: one case per spec this project ships. */
export type Saved =
  | { readonly spec: "fleet"; readonly saved: Counterexample<Config, Op> }
  | { readonly spec: "system"; readonly saved: Counterexample<SystemConfig, SystemOp> };

/** What to do with a saved counterexample, whatever its spec's types. */
export type WithSaved<R> = <C, S, O>(spec: Spec<C, S, O>, saved: Counterexample<C, O>) => R;

/** Runs `k` on a saved counterexample with its own spec. */
export const onSaved = <R>(s: Saved, k: WithSaved<R>): R =>
  s.spec === "fleet" ? k(fleetSpec, s.saved) : k(systemSpec, s.saved);

/** Decodes a parsed file by the spec it names. */
const decodeSaved = (json: unknown): E.Either<string, Saved> =>
  pipe(
    specIdOf(json, legacySpecId),
    E.chain((id) =>
      match(id)
        .returnType<E.Either<string, Saved>>()
        .with("fleet", () =>
          pipe(
            decodeCounterexample(fleetSpec, json),
            E.map((saved) => ({ spec: "fleet" as const, saved })),
          ),
        )
        .with("system", () =>
          pipe(
            decodeCounterexample(systemSpec, json),
            E.map((saved) => ({ spec: "system" as const, saved })),
          ),
        )
        .otherwise(() => E.left(`spec ${id}: unknown; expected one of ${SPEC_IDS.join(", ")}`)),
    ),
  );

/** Loads `file`, or a one-line error naming it. */
export const loadSaved = (file: string): E.Either<string, Saved> =>
  pipe(
    readText(file),
    E.chain((text) =>
      pipe(
        parseJson(text),
        E.chain(decodeSaved),
        E.mapLeft((e) => `${file}: ${e}`),
      ),
    ),
  );
