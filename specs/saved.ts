// ---------------------------------------------------------------------------------------------------------
// specs: a saved counterexample file of any spec this project ships: read, the spec it names found, decoded
// by that spec. A bad file is a one-line error naming the file and the field.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { match } from "ts-pattern";
import { readText } from "../checker/corpus.ts";
import { type Counterexample, decodeCounterexample, parseJson, specIdOf } from "../checker/counterexample.ts";
import { isItf } from "../checker/itf.ts";
import { type ItfLoaded, loadItf } from "../checker/itfTrace.ts";
import type { Spec } from "../checker/spec.ts";
import { runTrace } from "../checker/trace.ts";
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

/**
 * A file as `replay` and `explain` take it: our counterexample JSON, or an ITF trace (ours, or one another tool
 * such as `quint run --mbt --out-itf` wrote). `saved` is the counterexample it holds: the one recorded, or for
 * another tool's trace the first invariant its operations break (undefined if they break none); `itf` says,
 * for a trace, whether its states agree with `step`'s.
 */
export interface Loaded {
  readonly saved: Saved | undefined;
  readonly itf?: {
    readonly spec: string;
    readonly steps: number;
    readonly disagreement: string | undefined;
    /** Whether the trace records our counterexample in `#meta` (false: another tool wrote it). */
    readonly recorded: boolean;
  };
}

/** The counterexample an ITF trace records, or the first violation its operations give. */
const savedOfTrace = <C, S, O>(spec: Spec<C, S, O>, t: ItfLoaded<C, O>): Counterexample<C, O> | undefined => {
  if (t.counterexample !== undefined) return t.counterexample;
  const v = runTrace(spec, t.config, t.ops, spec.invariants).violation;
  const inv = spec.invariants.find((i) => i.name === v?.invariant);
  return v === undefined || inv === undefined
    ? undefined
    : {
        spec: spec.id,
        invariant: v.invariant,
        message: v.violation.message,
        source: inv.source,
        config: t.config,
        seed: 0,
        path: "",
        ops: t.ops.slice(0, v.step),
        violationStep: v.step,
        steps: [],
      };
};

/**
 * Decodes a parsed ITF trace: the spec its `#meta.spec` names, else the fleet's (the spec spec/fleet.qnt
 * transcribes); `fleetConfig` is the config of a fleet trace that records none.
 */
const decodeTrace = (json: unknown, fleetConfig: Config | undefined): E.Either<string, Loaded> => {
  const meta = (json as { readonly "#meta"?: { readonly spec?: unknown } })["#meta"];
  const id = meta?.spec ?? fleetSpec.id;
  const loaded = <C, S, O>(
    spec: Spec<C, S, O>,
    fallback: C | undefined,
    wrap: (c: Counterexample<C, O>) => Saved,
  ) =>
    pipe(
      loadItf(spec, json, fallback),
      E.map((t): Loaded => {
        const c = savedOfTrace(spec, t);
        return {
          saved: c === undefined ? undefined : wrap(c),
          itf: {
            spec: spec.id,
            steps: t.ops.length,
            disagreement: t.disagreement,
            recorded: t.counterexample !== undefined,
          },
        };
      }),
    );
  return id === fleetSpec.id
    ? loaded(fleetSpec, fleetConfig, (saved) => ({ spec: "fleet", saved }))
    : id === systemSpec.id
      ? loaded(systemSpec, undefined, (saved) => ({ spec: "system", saved }))
      : E.left(`#meta.spec ${JSON.stringify(id)}: unknown; expected one of ${SPEC_IDS.join(", ")}`);
};

/** Loads `file`, our JSON or an ITF trace, or a one-line error naming it and the field. */
export const loadFile = (file: string, fleetConfig?: Config): E.Either<string, Loaded> =>
  pipe(
    readText(file),
    E.chain((text) =>
      pipe(
        parseJson(text),
        E.chain((json) =>
          isItf(json)
            ? decodeTrace(json, fleetConfig)
            : pipe(
                decodeSaved(json),
                E.map((saved): Loaded => ({ saved })),
              ),
        ),
        E.mapLeft((e) => `${file}: ${e}`),
      ),
    ),
  );

/** Loads a counterexample `file` (our JSON, or an ITF trace that records or breaks an invariant), or a one-line error. */
export const loadSaved = (file: string, fleetConfig?: Config): E.Either<string, Saved> =>
  pipe(
    loadFile(file, fleetConfig),
    E.chain((l) =>
      l.saved === undefined
        ? E.left(
            `${file}: the trace breaks no invariant of ${l.itf?.spec ?? "its spec"}, so it holds no counterexample`,
          )
        : E.right(l.saved),
    ),
  );
