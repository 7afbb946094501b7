// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: discharging an argument's proof obligations with Z3. Each obligation Φ is proved by
// asking for a model of domain ∧ sideCondition ∧ ¬Φ: `unsat` proves Φ for every parameter value; `sat` gives a
// counterexample (parameters and the abstract state before and after), `unknown` proves nothing.
//   initiation   Init(f) ⇒ Inv(f)
//   consecution  Inv(f) ∧ Op(f, f′) ⇒ Inv(f′), one query per operation (encoding.ts OPERATIONS)
//   safety       Inv(f) ⇒ ThreadBudget(f)
// Necessity of the side condition: domain ∧ ¬sideCondition ∧ witness(f) ∧ ThreadBudget(f) unsat means every
// parameter value that breaks the side condition has a reachable state (the witness) violating ThreadBudget.
// ---------------------------------------------------------------------------------------------------------
import type { Bool, Model } from "z3-solver";
import {
  type Assignment,
  booleanIn,
  discharge as dischargeWith,
  numberIn,
  type ObligationResult,
  verdictOf,
} from "../../prove/discharge.ts";
import type { Z3 } from "../../prove/z3.ts";
import type { Argument } from "./arguments.ts";
import {
  type Abstract,
  abstractIn,
  decoderDomain,
  type Enc,
  encoding,
  initial,
  OPERATIONS,
  type ProofFlags,
  paramServers,
  threadBudgetOf,
} from "./encoding.ts";

export type { Assignment, ObligationResult } from "../../prove/discharge.ts";

export interface ArgumentResult {
  readonly argument: string;
  readonly scope: string;
  readonly sideCondition: string;
  readonly verdict: "PROVED" | "NOT INDUCTIVE" | "UNKNOWN";
  readonly obligations: ReadonlyArray<ObligationResult>;
  /** Whether Z3 showed the side condition necessary (every violation of it has a reachable violating state). */
  readonly necessary: "yes" | "no" | "unknown" | "trivial";
  readonly ms: number;
}

export interface ProveOptions {
  /** Extra constraints on the parameters for counterexample search only (e.g. the decoder's maxSize cap). */
  readonly bounds?: (e: Enc) => Bool;
}

const num = numberIn;
const bool = booleanIn;

const valuesOf = (m: Model, e: Enc, a: Abstract): Readonly<Record<string, number | boolean>> => ({
  knownPeers: num(m, a.k),
  live: bool(m, a.live),
  group: num(m, a.g),
  servers: num(m, a.n),
  units: (e.flags.largerServers ? num(m, e.p.largerServerFactor) : 1) * (num(m, a.s) - 1) + num(m, a.r),
});

const paramsOf = (m: Model, e: Enc): Readonly<Record<string, number>> =>
  Object.fromEntries(Object.entries(e.p).map(([name, x]) => [name, num(m, x)]));

/** Looks for a model of `assumptions` ∧ ¬`goal` (specs/prove/discharge.ts), read back as the fleet's values. */
const discharge = (
  z: Z3,
  e: Enc,
  obligation: string,
  assumptions: ReadonlyArray<Bool>,
  goal: Bool,
  pre: Abstract,
  post: Abstract | undefined,
): Promise<ObligationResult> =>
  dischargeWith(
    z,
    obligation,
    assumptions,
    goal,
    (m): Assignment => ({
      params: paramsOf(m, e),
      before: valuesOf(m, e, pre),
      ...(post === undefined ? {} : { after: valuesOf(m, e, post) }),
    }),
  );

/** Proves `argument` for ThreadBudget under `flags`: every obligation, then the side condition's necessity. */
export const proveArgument = async (
  z: Z3,
  flags: ProofFlags,
  argument: Argument,
  options: ProveOptions = {},
): Promise<ArgumentResult> => {
  const started = performance.now();
  const e = encoding(z, flags);
  const pre = abstractIn(z, "");
  const post = abstractIn(z, "'");
  const base = [
    decoderDomain(e),
    paramServers(e),
    argument.sideCondition(e),
    ...(options.bounds ? [options.bounds(e)] : []),
  ];
  const inv = (a: Abstract): Bool => argument.invariant(e, a);
  const obligations: ObligationResult[] = [];
  obligations.push(await discharge(z, e, "initiation", [...base, initial(e, pre)], inv(pre), pre, undefined));
  for (const op of OPERATIONS)
    obligations.push(
      await discharge(
        z,
        e,
        `consecution: ${op.name}`,
        [...base, inv(pre), op.relation(e, pre, post)],
        inv(post),
        pre,
        post,
      ),
    );
  obligations.push(
    await discharge(
      z,
      e,
      "implies ThreadBudget",
      [...base, inv(pre)],
      threadBudgetOf(e, pre),
      pre,
      undefined,
    ),
  );
  const verdict = verdictOf(obligations);
  const necessary = verdict === "PROVED" ? await necessity(z, e, argument, pre) : "unknown";
  return {
    argument: argument.name,
    scope: argument.scope,
    sideCondition: argument.sideConditionText,
    verdict,
    obligations,
    necessary,
    ms: Math.round(performance.now() - started),
  };
};

/** Whether every parameter value that breaks the side condition has a reachable state breaking ThreadBudget. */
const necessity = async (
  z: Z3,
  e: Enc,
  argument: Argument,
  pre: Abstract,
): Promise<ArgumentResult["necessary"]> => {
  const solver = new z.Solver();
  solver.add(decoderDomain(e), paramServers(e), z.Not(argument.sideCondition(e)));
  if ((await solver.check()) === "unsat") return "trivial";
  solver.add(argument.witness(e, pre), threadBudgetOf(e, pre));
  const answer = await solver.check();
  return answer === "unsat" ? "yes" : answer === "sat" ? "no" : "unknown";
};
