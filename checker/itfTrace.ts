// ---------------------------------------------------------------------------------------------------------
// checker: a counterexample as an ITF trace and back, for any spec with an ITF codec (`Spec.itf`). Written:
// one state per step (state 0 the initial one; a refused step repeats the state before it), each after the
// first with Quint's `mbt::actionTaken` and `mbt::nondetPicks`, and the counterexample itself in `#meta`, so
// `replay` reads it back exactly. Read: our own trace, or one another tool wrote (`quint run --mbt
// --out-itf`), whose operations are replayed through `step` and whose every state must agree with the state
// `step` computes, on the variables and fields both have.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { Counterexample } from "./counterexample.ts";
import {
  ACTION_TAKEN,
  decodeItf,
  firstDifference,
  fromItfValue,
  ITF_FORMAT_DESCRIPTION,
  type ItfCodec,
  type ItfRecord,
  itfOption,
  NONDET_PICKS,
} from "./itf.ts";
import { invariantOf, type Spec } from "./spec.ts";
import { runTrace, statesOf } from "./trace.ts";

/** The spec's ITF codec, or a one-line error. */
export const itfCodecOf = <C, S, Op>(spec: Spec<C, S, Op>): E.Either<string, ItfCodec<C, S, Op>> =>
  spec.itf === undefined ? E.left(`spec ${spec.id} has no ITF encoding`) : E.right(spec.itf);

/** A counterexample as an ITF trace: the states `step` passes through and, in `#meta`, the counterexample. */
export const counterexampleItf = <C, S, Op>(
  spec: Spec<C, S, Op>,
  codec: ItfCodec<C, S, Op>,
  c: Counterexample<C, Op>,
): Readonly<Record<string, unknown>> => {
  const states = statesOf(spec, c.config, c.ops);
  const picked = c.ops.map((op) => codec.encodeOp(op));
  const pickNames = [...new Set(picked.flatMap((p) => Object.keys(p.picks)))].sort();
  // As Quint writes them: every pick the trace names, in every state, `None` where the action took none.
  const picksOf = (p: ItfRecord | undefined): ItfRecord =>
    Object.fromEntries(pickNames.map((n) => [n, itfOption(p?.[n])]));
  return {
    "#meta": {
      format: "ITF",
      "format-description": ITF_FORMAT_DESCRIPTION,
      source: `outage ${spec.id}`,
      status: "violation",
      description: `${c.invariant} violated under ${spec.configs.nameOf(c.config)} after step ${c.violationStep}: ${c.message}`,
      spec: c.spec,
      invariant: c.invariant,
      message: c.message,
      invariantSource: c.source,
      violationStep: c.violationStep,
      seed: c.seed,
      path: c.path,
      ...(c.maxSteps === undefined ? {} : { maxSteps: c.maxSteps }),
      config: c.config,
    },
    vars: [...codec.vars, ACTION_TAKEN, NONDET_PICKS],
    states: states.map((s, i) => ({
      "#meta": { index: i },
      ...codec.encodeState(c.config, s),
      [ACTION_TAKEN]: i === 0 ? "init" : (picked[i - 1]?.action ?? ""),
      [NONDET_PICKS]: picksOf(i === 0 ? undefined : picked[i - 1]?.picks),
    })),
  };
};

/** An ITF trace read back: its operations under its config, and the counterexample it records, if any. */
export interface ItfLoaded<C, Op> {
  readonly config: C;
  readonly ops: ReadonlyArray<Op>;
  /** Our own trace's counterexample (its `#meta` names the invariant); undefined for another tool's trace. */
  readonly counterexample: Counterexample<C, Op> | undefined;
  /** Where the trace's states first differ from `step`'s, if they do (one line). */
  readonly disagreement: string | undefined;
}

type Json = Readonly<Record<string, unknown>>;

/** The trace's config: `#meta.config` (a config, or a built-in's name), else `fallback`, else an error. */
const configOf = <C, S, Op>(
  spec: Spec<C, S, Op>,
  meta: Json,
  fallback: C | undefined,
): E.Either<string, C> => {
  const given = meta.config;
  if (given === undefined)
    return fallback === undefined
      ? E.left(
          "#meta.config: missing; a trace from another tool (quint run --out-itf) needs --config NAME|FILE",
        )
      : E.right(fallback);
  if (typeof given === "string") {
    const builtin = spec.configs.builtin[given];
    return builtin === undefined
      ? fallback === undefined
        ? E.left(`#meta.config: ${given} is not a built-in config; give --config NAME|FILE`)
        : E.right(fallback)
      : E.right(builtin);
  }
  return pipe(
    spec.configs.decode(given),
    E.mapLeft((e) => `#meta.config: ${e}`),
  );
};

/**
 * Where `step`'s states differ from the trace's: each state `step` reaches (a refused operation is a
 * disagreement, since the trace took it), encoded by the codec and compared on the fields both have.
 */
export const itfDisagreement = <C, S, Op>(
  spec: Spec<C, S, Op>,
  codec: ItfCodec<C, S, Op>,
  config: C,
  ops: ReadonlyArray<Op>,
  recorded: ReadonlyArray<Json>,
): string | undefined => {
  const trace = runTrace(spec, config, ops, []);
  const ours = [trace.initial, ...trace.steps.map((s) => s.state)];
  for (const [i, s] of ours.entries()) {
    const step = trace.steps[i - 1];
    const after =
      step === undefined
        ? "the initial state"
        : `after ${spec.narration.label(config, i === 1 ? trace.initial : (ours[i - 1] as S), step.op)}`;
    const plain = fromItfValue(`states[${i}]`, codec.encodeState(config, s));
    if (E.isLeft(plain)) return plain.left;
    const d = firstDifference("", plain.right, recorded[i]);
    if (d !== undefined) return `states[${i}] (${after}): ${d}`;
  }
  return undefined;
};

/** Whether the trace's first state holds no field `step`'s initial state has: then nothing would be compared. */
const sharesNothing = (codec: ItfCodec<unknown, unknown, unknown>, first: Json | undefined): boolean =>
  first === undefined || codec.vars.every((v) => !(v in first));

/** Reads a parsed ITF trace of `spec`; `fallback` is the config for a trace that records none. */
export const loadItf = <C, S, Op>(
  spec: Spec<C, S, Op>,
  v: unknown,
  fallback: C | undefined,
): E.Either<string, ItfLoaded<C, Op>> =>
  pipe(
    itfCodecOf(spec),
    E.chain((codec) =>
      pipe(
        decodeItf(codec, v),
        E.chain((read) =>
          sharesNothing(codec as ItfCodec<unknown, unknown, unknown>, read.states[0])
            ? E.left(`states[0] has none of ${spec.id}'s variables (${codec.vars.join(", ")})`)
            : E.right(read),
        ),
        E.bindTo("read"),
        E.bind("config", ({ read }) => configOf(spec, read.meta, fallback)),
        E.bind("counterexample", ({ read, config }) => recorded(spec, read.meta, config, read.ops)),
        E.map(({ read, config, counterexample }) => ({
          config,
          ops: read.ops,
          counterexample,
          disagreement:
            read.states.length === read.ops.length + 1
              ? itfDisagreement(spec, codec, config, read.ops, read.states)
              : `states holds ${read.states.length} states for ${read.ops.length} operations`,
        })),
      ),
    ),
  );

/** The counterexample our own trace records in `#meta` (it names an invariant), or undefined for another tool's. */
const recorded = <C, S, Op>(
  spec: Spec<C, S, Op>,
  meta: Json,
  config: C,
  ops: ReadonlyArray<Op>,
): E.Either<string, Counterexample<C, Op> | undefined> => {
  if (meta.invariant === undefined) return E.right(undefined);
  const inv = typeof meta.invariant === "string" ? invariantOf(spec, meta.invariant) : undefined;
  if (inv === undefined)
    return E.left(`#meta.invariant must be one of ${spec.invariants.map((i) => i.name).join(", ")}`);
  const nat = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
  if (typeof meta.message !== "string") return E.left("#meta.message must be a string");
  if (!nat(meta.violationStep) || meta.violationStep > ops.length)
    return E.left(`#meta.violationStep must be a step of the trace, 0 to ${ops.length}`);
  return E.right({
    spec: spec.id,
    invariant: inv.name,
    message: meta.message,
    source: typeof meta.invariantSource === "string" ? meta.invariantSource : inv.source,
    config,
    seed: typeof meta.seed === "number" && Number.isSafeInteger(meta.seed) ? meta.seed : 0,
    path: typeof meta.path === "string" && /^(\d+(:\d+)*)?$/.test(meta.path) ? meta.path : "",
    ...(nat(meta.maxSteps) && meta.maxSteps >= 1 ? { maxSteps: meta.maxSteps } : {}),
    ops,
    violationStep: meta.violationStep,
    steps: [],
  });
};
