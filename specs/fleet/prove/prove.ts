// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: discharging an argument's proof obligations with Z3. Each obligation Φ is proved by
// asking for a model of domain ∧ sideCondition ∧ ¬Φ: `unsat` proves Φ for every parameter value; `sat` gives a
// counterexample (parameters and the abstract state before and after), `unknown` proves nothing.
//   initiation   Init(f) ⇒ Inv(f)
//   consecution  Inv(f) ∧ Op(f, f′) ⇒ Inv(f′), one query per operation (encoding.ts OPERATIONS)
//   safety       Inv(f) ⇒ the core invariant for f (encoding.ts INVARIANT_FORMULAS)
// Necessity of the side condition, asked of every PROVED argument that has one, strongest answer first:
//   necessary        domain ∧ ¬sideCondition ∧ witness(f) ∧ Invariant(f) unsat: every parameter value that
//                    breaks it has a reachable state (the witness, an initial state) violating the invariant
//                    (ThreadBudget's arguments have a witness); or, for the time bounds, a witness run of
//                    ticks from such an initial state to a violation is proved (witnessRuns.ts);
//   sufficient only  every obligation holds without it: the invariant holds for every parameter value;
//   reachable without it   an obligation fails without it, and the model's breadth-first search finds a
//                    violation at a small parameter value breaking it (necessity.ts): it cannot be dropped;
//   needed by the argument  an obligation fails without it, no violation found: not shown needed by the invariant;
//   unknown within T s     a query ran out of time (each is given NECESSITY_TIMEOUT_MS).
// ---------------------------------------------------------------------------------------------------------
import type { Arith, Bool, Model } from "z3-solver";
import type { Config } from "../../../model/config.ts";
import type { Assignment, ObligationResult } from "../../prove/discharge.ts";
import { withSolver, type Z3 } from "../../prove/z3.ts";
import type { Argument } from "./arguments.ts";
import {
  type Abstract,
  abstractIn,
  decoderDomain,
  type Enc,
  encoding,
  INVARIANT_FORMULAS,
  initial,
  maxPeersDefinition,
  type ProofFlags,
  paramServers,
  paramsAre,
} from "./encoding.ts";
import { type ReachableViolation, reachableWithout } from "./necessity.ts";
import { OPERATIONS, tick } from "./operations.ts";

// The result types are the shared discharge's (specs/prove/discharge.ts).
export type { Assignment, ObligationResult } from "../../prove/discharge.ts";

export interface ArgumentResult {
  readonly invariant: string;
  readonly argument: string;
  readonly scope: string;
  readonly sideCondition: string;
  readonly verdict: "PROVED" | "NOT INDUCTIVE" | "UNKNOWN";
  readonly obligations: ReadonlyArray<ObligationResult>;
  /** Whether the side condition is also needed (the header above); "unknown" when not PROVED or not asked. */
  readonly necessary: Necessity;
  /** With "necessary": the reachable violation Z3 showed for every value breaking it (a state, or a run). */
  readonly necessaryBy?: string;
  /** With "reachable without it": the parameter value breaking it and the model's shortest trace to a violation. */
  readonly reachableWithout?: ReachableViolation;
  readonly ms: number;
}

/** How long each query about necessity may take before it is "unknown within T s". */
export const NECESSITY_TIMEOUT_MS = 20_000;

export type Necessity =
  | "necessary"
  | "sufficient only"
  | "reachable without it"
  | "needed by the argument"
  | "trivial"
  | "unknown"
  | `unknown within ${number} s`;

const TIMED_OUT: Necessity = `unknown within ${NECESSITY_TIMEOUT_MS / 1000} s`;

export interface ProveOptions {
  /** Extra constraints on the parameters for counterexample search only (e.g. the decoder's maxSize cap). */
  readonly bounds?: (e: Enc) => Bool;
  /** Whether to ask if the side condition is necessary (default true; the matrix does not print it). */
  readonly necessity?: boolean;
}

const num = (m: Model, x: Arith): number => Number(m.eval(x, true).toString());
const bool = (m: Model, x: Bool): boolean => m.eval(x, true).toString() === "true";

const MAPS = ["complete", "building", "useless"] as const;

const valuesOf = (m: Model, e: Enc, a: Abstract): Readonly<Record<string, number | boolean | string>> => ({
  status: bool(m, a.live) ? (bool(m, a.booting) ? "bootstrapping" : "serving") : "stopped",
  live: bool(m, a.live),
  map: MAPS[num(m, a.map)] ?? String(num(m, a.map)),
  knownPeers: num(m, a.k),
  connectedPeers: num(m, a.c),
  group: num(m, a.g),
  servers: num(m, a.n),
  units: (e.flags.largerServers ? num(m, e.p.largerServerFactor) : 1) * (num(m, a.s) - 1) + num(m, a.r),
  lag: num(m, a.lag),
  stale: bool(m, a.stale),
  oldestMissedMove: num(m, a.age),
  bootstrapLeft: num(m, a.left),
  misrouted: num(m, a.misrouted),
  lastRequestThroughStaleEntry: bool(m, a.lastStale),
});

const paramsOf = (m: Model, e: Enc): Readonly<Record<string, number>> => ({
  ...Object.fromEntries(Object.entries(e.p).map(([name, x]) => [name, num(m, x)])),
  cacheSelfHealsAfterTriggerRemoval: bool(m, e.selfHeals) ? 1 : 0,
});

/**
 * Looks for a model of `assumptions` ∧ ¬`goal`: none proves the goal. Asked first without the non-linear
 * definition of maxPeerThreads (a proof then holds for every value of it); a model found is checked again
 * with the definition, so a counterexample is one for the real quotient, and none then is a proof too.
 */
const discharge = async (
  z: Z3,
  e: Enc,
  obligation: string,
  assumptions: ReadonlyArray<Bool>,
  goal: Bool,
  pre: Abstract,
  post: Abstract | undefined,
  timeoutMs?: number,
): Promise<ObligationResult> => {
  const started = performance.now();
  return withSolver(z, async (solver) => {
    if (timeoutMs !== undefined) solver.set("timeout", timeoutMs);
    for (const a of assumptions) solver.add(a);
    solver.add(z.Not(goal));
    const linear = await solver.check();
    if (linear === "sat") solver.add(maxPeersDefinition(e));
    const answer = linear === "sat" ? await solver.check() : linear;
    const ms = Math.round(performance.now() - started);
    if (answer === "unsat") return { obligation, status: "proved", ms };
    if (answer === "unknown") return { obligation, status: "unknown", ms, reason: solver.reasonUnknown() };
    const m = solver.model();
    const assignment: Assignment = {
      params: paramsOf(m, e),
      before: valuesOf(m, e, pre),
      ...(post === undefined ? {} : { after: valuesOf(m, e, post) }),
    };
    return { obligation, status: "counterexample", ms, assignment };
  });
};

type Obligation = readonly [string, ReadonlyArray<Bool>, Bool, Abstract | undefined];

/**
 * The obligations of `argument`: initiation, consecution and safety. Consecution is first asked of every
 * operation at once (one query, Inv(f) ∧ (Op₁ ∨ … ∨ Opₙ) ⇒ Inv(f′)): a proof then needs three queries, not
 * twelve. Only when it fails is each operation asked on its own, so the report names every one that breaks it.
 */
const obligationsOf = (
  e: Enc,
  argument: Argument,
  assumed: ReadonlyArray<Bool>,
  pre: Abstract,
  post: Abstract,
): {
  readonly initiation: Obligation;
  readonly consecution: Obligation;
  readonly perOperation: ReadonlyArray<Obligation>;
  readonly safety: Obligation;
} => {
  const inv = (a: Abstract): Bool => argument.invariantOf(e, a);
  const step = (relation: Bool): ReadonlyArray<Bool> => [...assumed, inv(pre), relation];
  return {
    initiation: ["initiation", [...assumed, initial(e, pre)], inv(pre), undefined],
    consecution: [
      "consecution: every operation",
      step(e.z.Or(...OPERATIONS.map((op) => op.relation(e, pre, post)))),
      inv(post),
      post,
    ],
    perOperation: OPERATIONS.map(
      (op) => [`consecution: ${op.name}`, step(op.relation(e, pre, post)), inv(post), post] as const,
    ),
    safety: [
      `implies ${argument.invariant}`,
      [...assumed, inv(pre)],
      INVARIANT_FORMULAS[argument.invariant](e, pre),
      undefined,
    ],
  };
};

/** Discharges the obligations: initiation, consecution (per operation when it fails at once), safety. */
const dischargeAll = async (
  z: Z3,
  e: Enc,
  o: ReturnType<typeof obligationsOf>,
  pre: Abstract,
  firstFailure: boolean,
  timeoutMs?: number,
): Promise<ReadonlyArray<ObligationResult>> => {
  const run = ([name, assumptions, goal, after]: Obligation) =>
    discharge(z, e, name, assumptions, goal, pre, after, timeoutMs);
  const results: ObligationResult[] = [await run(o.initiation)];
  if (firstFailure && results[0]?.status !== "proved") return results;
  const all = await run(o.consecution);
  if (all.status === "proved") results.push(all);
  else {
    if (firstFailure) return [...results, all];
    for (const one of o.perOperation) results.push(await run(one));
  }
  results.push(await run(o.safety));
  return results;
};

/** Proves `argument` under `flags`: every obligation, then whether its side condition is necessary. */
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
  const domain = [decoderDomain(e), paramServers(e), ...(options.bounds ? [options.bounds(e)] : [])];
  const obligations = await dischargeAll(
    z,
    e,
    obligationsOf(e, argument, [...domain, argument.sideCondition(e)], pre, post),
    pre,
    false,
  );
  const verdict = obligations.every((o) => o.status === "proved")
    ? "PROVED"
    : obligations.some((o) => o.status === "counterexample")
      ? "NOT INDUCTIVE"
      : "UNKNOWN";
  const necessity =
    verdict !== "PROVED" || options.necessity === false
      ? { necessary: "unknown" as const }
      : await necessityOf(z, flags, e, argument, domain, pre, post);
  return {
    invariant: argument.invariant,
    argument: argument.name,
    scope: argument.scope,
    sideCondition: argument.sideConditionText,
    verdict,
    obligations,
    ...necessity,
    ms: Math.round(performance.now() - started),
  };
};

/** The answer of a necessity query: the timeout set, the assertions added, the solver released after. */
const timedCheck = (z: Z3, assertions: ReadonlyArray<Bool>) =>
  withSolver(z, (solver) => {
    solver.set("timeout", NECESSITY_TIMEOUT_MS);
    solver.add(...assertions);
    return solver.check();
  });

/**
 * Whether `argument`'s witness run (witnessRuns.ts) is proved for every parameter value breaking its side
 * condition (`broken`): its start, its step for every successor the tick's relation allows, its end.
 */
const runProved = async (
  z: Z3,
  e: Enc,
  argument: Argument,
  broken: ReadonlyArray<Bool>,
  pre: Abstract,
  post: Abstract,
): Promise<boolean> => {
  const witness = argument.run;
  if (witness === undefined) return false;
  const { from, run } = witness;
  const j = z.Int.const("run.j");
  const obligations: ReadonlyArray<readonly [ReadonlyArray<Bool>, Bool]> = [
    [[from(e, pre), run.start(e, pre, post)], run.at(e, post, z.Int.val(0))],
    [[j.ge(0), j.lt(run.length(e)), run.at(e, pre, j), tick(e, pre, post)], run.at(e, post, j.add(1))],
    [[run.at(e, pre, run.length(e))], z.Not(INVARIANT_FORMULAS[argument.invariant](e, pre))],
  ];
  for (const [assumptions, goal] of obligations)
    if ((await timedCheck(z, [...broken, ...assumptions, z.Not(goal)])) !== "unsat") return false;
  return true;
};

/** Whether `argument`'s side condition is also needed, strongest answer first (the header). */
const necessityOf = async (
  z: Z3,
  flags: ProofFlags,
  e: Enc,
  argument: Argument,
  domain: ReadonlyArray<Bool>,
  pre: Abstract,
  post: Abstract,
): Promise<Pick<ArgumentResult, "necessary" | "necessaryBy" | "reachableWithout">> => {
  const broken = [...domain, maxPeersDefinition(e), z.Not(argument.sideCondition(e))];
  const breaks = await timedCheck(z, broken);
  if (breaks === "unsat") return { necessary: "trivial" };
  if (breaks === "unknown") return { necessary: TIMED_OUT };
  if (argument.witness !== undefined) {
    const witnessed = await timedCheck(z, [
      ...broken,
      argument.witness(e, pre),
      INVARIANT_FORMULAS[argument.invariant](e, pre),
    ]);
    if (witnessed === "unsat") return { necessary: "necessary", necessaryBy: "an initial state" };
  }
  if (argument.run !== undefined && (await runProved(z, e, argument, broken, pre, post)))
    return { necessary: "necessary", necessaryBy: argument.run.run.text };
  const without = await dischargeAll(
    z,
    e,
    obligationsOf(e, argument, domain, pre, post),
    pre,
    true,
    NECESSITY_TIMEOUT_MS,
  );
  if (without.every((r) => r.status === "proved")) return { necessary: "sufficient only" };
  if (!without.some((r) => r.status === "counterexample")) return { necessary: TIMED_OUT };
  const reachable = await reachableWithout(z, flags, argument, NECESSITY_TIMEOUT_MS);
  return reachable === undefined
    ? { necessary: "needed by the argument" }
    : { necessary: "reachable without it", reachableWithout: reachable };
};

/** Whether `config`'s numbers satisfy `argument`'s side condition under `flags` (the config's own flags aside). */
export const sideConditionHolds = async (
  z: Z3,
  flags: ProofFlags,
  argument: Argument,
  config: Config,
): Promise<boolean> => {
  const e = encoding(z, flags);
  return withSolver(z, async (solver) => {
    solver.add(paramsAre(e, config), argument.sideCondition(e));
    return (await solver.check()) === "sat";
  });
};
