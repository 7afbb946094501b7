// ---------------------------------------------------------------------------------------------------------
// specs/system/prove: the dependents' bounds discharged with Z3 (specs/prove/discharge.ts). For an inductive
// invariant Inv with side condition SC, every obligation is one query, `domain ∧ SC ∧ ¬Φ` unsat:
//   initiation   Init ⇒ Inv
//   consecution  Inv ∧ Event(s, s′, kinesisUp) ⇒ Inv(s′), one query per event, Kinesis up or down alike
//   safety       Inv ⇒ the properties/dependents invariant
// A witness run (arguments.ts `WitnessRun`) is proved by induction on its index j:
//   length       SC ⇒ length ≥ 1
//   start        Init ⇒ at(0)
//   advance      at(j) ∧ 0 ≤ j < length − 1 ∧ Event(s, s′, down) ⇒ at(s′, j + 1)
//   end          at(length − 1) ∧ Event(s, s′, down) ⇒ end(s′)
// so for every parameter value satisfying SC the run, from the initial state, ends where it says.
// ---------------------------------------------------------------------------------------------------------
import type { Bool, Model } from "z3-solver";
import {
  type Assignment,
  booleanIn,
  discharge,
  numberIn,
  type ObligationResult,
  verdictOf,
} from "../../prove/discharge.ts";
import type { Z3 } from "../../prove/z3.ts";
import { type BufferArgument, remedied, type WitnessRun } from "./arguments.ts";
import {
  BUFFER_EVENTS,
  type BufferEnc,
  type BufferFlags,
  type BufferService,
  type BufferVars,
  bufferEncoding,
  bufferVarsIn,
  decoderDomain,
  initial,
  PARAM_SERVICE,
} from "./encoding.ts";

export interface RunResult {
  readonly claim: string;
  readonly sideCondition: string;
  readonly verdict: "PROVED" | "NOT PROVED";
  readonly obligations: ReadonlyArray<ObligationResult>;
}

export interface BufferArgumentResult {
  /** The properties/dependents invariant. */
  readonly invariant: string;
  readonly strengthening: string;
  readonly sideCondition: string;
  readonly verdict: "PROVED" | "NOT INDUCTIVE" | "UNKNOWN";
  /** The verdict `remediedBy` leads one to expect: PROVED when a remedy is on, NOT INDUCTIVE otherwise. */
  readonly expected: "PROVED" | "NOT INDUCTIVE";
  readonly obligations: ReadonlyArray<ObligationResult>;
  /** The witness runs for the other direction: the bound is tight, or the violation is reachable. */
  readonly runs: ReadonlyArray<RunResult>;
  readonly ms: number;
}

const valuesOf = (
  m: Model,
  a: BufferVars,
  reads: ReadonlyArray<BufferService>,
): Readonly<Record<string, number | boolean>> =>
  Object.fromEntries(
    reads.flatMap((service) =>
      Object.entries(a[service]).map(([field, x]) => {
        const value = x.sort.name() === "Bool" ? booleanIn(m, x as Bool) : numberIn(m, x as never);
        return [`${service}.${field}`, value];
      }),
    ),
  );

/** A counterexample's values: the parameters and fields of the services `reads` names, and the input. */
const reader =
  (
    e: BufferEnc,
    reads: ReadonlyArray<BufferService>,
    pre: BufferVars,
    post: BufferVars | undefined,
    kinesisUp?: Bool,
  ) =>
  (m: Model): Assignment => ({
    params: Object.fromEntries(
      Object.entries(e.p)
        .filter(([n]) => reads.includes(PARAM_SERVICE[n as keyof typeof PARAM_SERVICE]))
        .map(([n, x]) => [n, numberIn(m, x)]),
    ),
    before: {
      ...valuesOf(m, pre, reads),
      ...(kinesisUp === undefined ? {} : { kinesisUp: booleanIn(m, kinesisUp) }),
    },
    ...(post === undefined ? {} : { after: valuesOf(m, post, reads) }),
  });

/** Proves `argument` under `flags`: initiation, consecution per event, safety; then its witness runs. */
export const proveBufferArgument = async (
  z: Z3,
  flags: BufferFlags,
  argument: BufferArgument,
  runs: ReadonlyArray<WitnessRun>,
): Promise<BufferArgumentResult> => {
  const started = performance.now();
  const e = bufferEncoding(z, flags);
  const pre = bufferVarsIn(z, "");
  const post = bufferVarsIn(z, "'");
  const kinesisUp = z.Bool.const("kinesisUp");
  const base = [decoderDomain(e), argument.sideCondition(e)];
  const inv = (a: BufferVars): Bool => argument.invariant(e, a);
  const obligations: ObligationResult[] = [
    await discharge(
      z,
      "initiation",
      [...base, initial(e, pre)],
      inv(pre),
      reader(e, argument.reads, pre, undefined),
    ),
  ];
  for (const event of BUFFER_EVENTS)
    obligations.push(
      await discharge(
        z,
        `consecution: ${event.name}`,
        [...base, inv(pre), event.relation(e, pre, post, kinesisUp)],
        inv(post),
        reader(e, argument.reads, pre, post, kinesisUp),
      ),
    );
  obligations.push(
    await discharge(
      z,
      `implies ${argument.name}`,
      [...base, inv(pre)],
      argument.safety(e, pre),
      reader(e, argument.reads, pre, undefined),
    ),
  );
  const runResults: RunResult[] = [];
  for (const run of runs.filter((r) => r.appliesTo(flags)))
    runResults.push(await proveRun(z, e, run, argument.reads));
  return {
    invariant: argument.name,
    strengthening: argument.strengthening,
    sideCondition: argument.sideConditionText,
    verdict: verdictOf(obligations),
    expected: remedied(argument, flags) ? "PROVED" : "NOT INDUCTIVE",
    obligations,
    runs: runResults,
    ms: Math.round(performance.now() - started),
  };
};

/** Proves a witness run by induction on its index (the header). */
export const proveRun = async (
  z: Z3,
  e: BufferEnc,
  run: WitnessRun,
  reads: ReadonlyArray<BufferService>,
): Promise<RunResult> => {
  const pre = bufferVarsIn(z, "");
  const post = bufferVarsIn(z, "'");
  const j = z.Int.const("j");
  const down = z.Bool.val(false);
  const event = BUFFER_EVENTS.find((x) => x.name === run.event);
  if (event === undefined) throw new Error(`internal: no event ${run.event}`);
  const base = [decoderDomain(e), run.sideCondition(e)];
  const length = run.length(e);
  const read = reader(e, reads, pre, post);
  const obligations = [
    await discharge(z, "the run has an event", base, length.ge(1), reader(e, reads, pre, undefined)),
    await discharge(
      z,
      "it starts in the initial state",
      [...base, initial(e, pre)],
      run.at(e, pre, z.Int.val(0)),
      read,
    ),
    await discharge(
      z,
      `each ${run.event} with Kinesis down advances it`,
      [...base, run.at(e, pre, j), j.ge(0), j.add(1).lt(length), event.relation(e, pre, post, down)],
      run.at(e, post, j.add(1)),
      read,
    ),
    await discharge(
      z,
      `the last ${run.event} ends it`,
      [...base, run.at(e, pre, length.sub(1)), event.relation(e, pre, post, down)],
      run.end(e, post),
      read,
    ),
  ];
  return {
    claim: run.claim,
    sideCondition: run.sideConditionText,
    verdict: obligations.every((o) => o.status === "proved") ? "PROVED" : "NOT PROVED",
    obligations,
  };
};

export type { BufferFlags } from "./encoding.ts";
