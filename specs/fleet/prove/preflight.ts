// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: preflight's closed form (analyses/preflight.ts) proved equal to the model's thread
// accounting (model/threadFormula.ts) for every parameter value in the decoder's domain (issue 13).
//
// The closed form answers without simulating: a group of m members fits iff m ≤ n* = ⌊(limit − base) /
// perPeer⌋ + 1 (`largestSafeGroup`, through `maxPeerThreads`), and a fleet of `fleet` units can take
// n* × factor − fleet more before its one group outgrows n* (`largestSafeAdditionByClosedForm`). The model's
// accounting says a member of a group of m needs `threadsFor(m − 1)` = base + perPeer × (m − 1) threads,
// and K7 that it fits when that is at most the limit. Each claim below is one Z3 query, `domain ∧ ¬claim`
// unsat, over unbounded integers. The formulas here transcribe the TS functions; preflight.test.ts ties
// each to its TS function on drawn concrete values (Z3 evaluates the formula, the TS function is called),
// so the chain is: TS closed form = these formulas = the model's `threadsFor` (encoding.ts, also tied to
// the TS one).
// ---------------------------------------------------------------------------------------------------------
import type { Arith, Bool } from "z3-solver";
import { withSolver, type Z3 } from "../../prove/z3.ts";
import { decoderDomain, type Enc, encoding, threadsFor } from "./encoding.ts";

// ---------------------------------------------------------------------------------------------------------
// the closed form as formulas
// ---------------------------------------------------------------------------------------------------------

/**
 * A quotient as an unknown pinned by its defining facts instead of Z3's `div` by an unknown divisor (with
 * `div`, the first query did not answer within five minutes): q = ⌊x / d⌋ for d ≥ 1 is the one integer with
 * d × q ≤ x < d × q + d, so every claim proved under these facts holds of the real floor.
 */
interface Defined {
  readonly value: Arith;
  readonly facts: Bool;
}

/** ⌊x / d⌋ (d ≥ 1) as the unknown `name` and its facts. */
const floorDiv = (e: Enc, name: string, x: Arith, d: Arith): Defined => {
  const q = e.z.Int.const(name);
  return { value: q, facts: e.z.And(d.mul(q).le(x), x.lt(d.mul(q).add(d))) };
};

/** model/threadFormula.ts `maxPeerThreads`: ⌊(threadLimit − baseThreads) / threadsPerPeer⌋. */
export const maxPeerThreadsOf = (e: Enc): Defined =>
  floorDiv(e, "maxPeerThreads", e.p.threadLimit.sub(e.p.baseThreads), e.p.threadsPerPeer);

/** analyses/preflight.ts `largestSafeGroup`: 0 when the base alone is over the limit, else maxPeerThreads + 1. */
export const largestSafeGroupOf = (e: Enc): Defined => {
  const most = maxPeerThreadsOf(e);
  return {
    value: e.z.If(e.p.baseThreads.gt(e.p.threadLimit), e.z.Int.val(0), most.value.add(1)) as Arith,
    facts: most.facts,
  };
};

/** model/state.ts `serversFor`: ⌈units / factor⌉ = ⌊(units + factor − 1) / factor⌋ under R1, else units. */
export const serversForOf = (e: Enc, name: string, units: Arith): Defined =>
  e.flags.largerServers
    ? floorDiv(e, name, units.add(e.p.largerServerFactor).sub(1), e.p.largerServerFactor)
    : { value: units, facts: e.z.Bool.val(true) };

/** analyses/preflight.ts `largestGroup`: every server of the fleet, or at most a cell under R7. */
export const largestGroupOf = (e: Enc, name: string, units: Arith): Defined => {
  const servers = serversForOf(e, name, units);
  return e.flags.cellularization
    ? {
        value: e.z.If(servers.value.le(e.p.cellSize), servers.value, e.p.cellSize) as Arith,
        facts: servers.facts,
      }
    : servers;
};

/** analyses/preflight.ts `largestSafeAdditionByClosedForm` outside its "unbounded" case: n* × factor − fleet. */
export const largestSafeAdditionOf = (e: Enc, fleet: Arith): Defined => {
  const nStar = largestSafeGroupOf(e);
  return {
    value: nStar.value.mul(e.flags.largerServers ? e.p.largerServerFactor : e.z.Int.val(1)).sub(fleet),
    facts: nStar.facts,
  };
};

// ---------------------------------------------------------------------------------------------------------
// the claims: closed form = model accounting
// ---------------------------------------------------------------------------------------------------------

/** One claim: its sentence, and the formula (with the facts defining its quotients) to prove for all values. */
export interface ClosedFormClaim {
  readonly name: string;
  readonly flags: Enc["flags"];
  readonly claim: (e: Enc) => { readonly facts: ReadonlyArray<Bool>; readonly goal: Bool };
}

// The closed form reads neither R8 nor R6's map: they are off in every claim.
const NONE = {
  cellularization: false,
  preflightGuard: false,
  largerServers: false,
  bootstrapFromAuthoritative: false,
  waitForCompleteMap: false,
  testedHigherLimit: false,
  cacheOnDedicatedFleet: false,
} as const;

/**
 * K7 in the model's own terms: `threadsFor(peers) ≤ threadLimit`. Not encoding.ts `fits`, which compares with
 * the unknown maxPeerThreads: the closed form is proved against the accounting itself.
 */
const fits = (e: Enc, peers: Arith | number): Bool => threadsFor(e, peers).le(e.p.threadLimit);

/** Every member of a group of `m` fits: the model's accounting (K5, K7) for a caught-up group. */
const groupFits = (e: Enc, m: Arith): Bool => fits(e, m.sub(1));

const ADDITION_CASES = [
  { cellularization: false, largerServers: false },
  { cellularization: false, largerServers: true },
  { cellularization: true, largerServers: false },
  { cellularization: true, largerServers: true },
] as const;

const under = (c: { readonly cellularization: boolean; readonly largerServers: boolean }): string =>
  [
    c.largerServers ? "larger servers (R1)" : "",
    c.cellularization ? "cells (R7) larger than largestSafeGroup" : "",
  ]
    .filter((x) => x !== "")
    .join(" and ") || "without R1 or R7";

/** Lemma A's statement for a group of `m`: it fits exactly when m ≤ n* (for m ≥ 1). */
const fitsExactlyUpTo = (e: Enc, m: Arith, nStar: Arith): Bool =>
  e.z.Implies(m.ge(1), groupFits(e, m).eq(m.le(nStar)));

/** Lemma B's statement: with s = ⌈u / factor⌉, s ≤ n exactly when u ≤ n × factor. */
const ceilingBound = (e: Enc, u: Arith, s: Arith, n: Arith): Bool =>
  s.le(n).eq(u.le(n.mul(e.p.largerServerFactor)));

/** Lemma A: the group claim every later claim uses, proved on its own. */
const lemmaA: ClosedFormClaim = {
  name: "lemma A: a group of m ≥ 1 fits (threadsFor(m − 1) ≤ limit) exactly when m ≤ largestSafeGroup",
  flags: NONE,
  claim: (e) => {
    const nStar = largestSafeGroupOf(e);
    return { facts: [nStar.facts], goal: fitsExactlyUpTo(e, e.z.Int.const("m"), nStar.value) };
  },
};

/** Lemma B: ⌈u / factor⌉ ≤ n exactly when u ≤ n × factor, for every n (proved on its own: non-linear). */
const lemmaB: ClosedFormClaim = {
  name: "lemma B (R1): ⌈u / factor⌉ ≤ n exactly when u ≤ n × factor",
  flags: { ...NONE, largerServers: true },
  claim: (e) => {
    const u = e.z.Int.const("u");
    const n = e.z.Int.const("n");
    const servers = serversForOf(e, "servers", u);
    return { facts: [servers.facts], goal: e.z.Implies(u.ge(1), ceilingBound(e, u, servers.value, n)) };
  },
};

/**
 * The claims in order. The later ones assume instances of lemmas A and B (proved for all values just before
 * them): one query for the whole addition claim under R1 did not answer within minutes (products of unknowns).
 */
export const CLOSED_FORM_CLAIMS: ReadonlyArray<ClosedFormClaim> = [
  {
    name: "maxPeerThreads is the most peers whose threads fit: threadsFor(it) ≤ limit < threadsFor(it + 1)",
    flags: NONE,
    claim: (e) => {
      const most = maxPeerThreadsOf(e);
      return {
        facts: [most.facts],
        goal: e.z.And(
          most.value.ge(0),
          fits(e, most.value),
          threadsFor(e, most.value.add(1)).gt(e.p.threadLimit),
        ),
      };
    },
  },
  lemmaA,
  lemmaB,
  ...ADDITION_CASES.map(
    (c): ClosedFormClaim => ({
      name: `${under(c)}: an addition of a ≥ 0 to a fleet that fits keeps its largest group fitting exactly when a ≤ largestSafeAddition (largestSafeGroup × factor − fleet)`,
      flags: { ...NONE, ...c },
      claim: (e) => {
        const fleet = e.z.Int.const("fleet");
        const a = e.z.Int.const("addition");
        const nStar = largestSafeGroupOf(e);
        const before = largestGroupOf(e, "serversBefore", fleet);
        const after = largestGroupOf(e, "serversAfter", fleet.add(a));
        const largest = largestSafeAdditionOf(e, fleet);
        return {
          facts: [
            nStar.facts,
            before.facts,
            after.facts,
            largest.facts,
            fitsExactlyUpTo(e, before.value, nStar.value),
            fitsExactlyUpTo(e, after.value, nStar.value),
            ...(c.largerServers
              ? [
                  ceilingBound(
                    e,
                    fleet.add(a),
                    serversForOf(e, "serversAfter", fleet.add(a)).value,
                    nStar.value,
                  ),
                ]
              : []),
          ],
          goal: e.z.Implies(
            e.z.And(
              fleet.ge(1),
              a.ge(0),
              groupFits(e, before.value),
              c.cellularization ? e.p.cellSize.gt(nStar.value) : e.z.Bool.val(true),
            ),
            groupFits(e, after.value).eq(a.le(largest.value)),
          ),
        };
      },
    }),
  ),
  ...[false, true].map(
    (largerServers): ClosedFormClaim => ({
      name: `${largerServers ? "larger servers (R1) and " : ""}cells (R7) of size ≤ largestSafeGroup: every fleet's largest group fits (the "unbounded" answer)`,
      flags: { ...NONE, cellularization: true, largerServers },
      claim: (e) => {
        const units = e.z.Int.const("units");
        const nStar = largestSafeGroupOf(e);
        const group = largestGroupOf(e, "servers", units);
        return {
          facts: [nStar.facts, group.facts, fitsExactlyUpTo(e, group.value, nStar.value)],
          goal: e.z.Implies(e.z.And(units.ge(1), e.p.cellSize.le(nStar.value)), groupFits(e, group.value)),
        };
      },
    }),
  ),
];

export type ClosedFormResult =
  | { readonly name: string; readonly status: "proved"; readonly ms: number }
  | { readonly name: string; readonly status: "counterexample"; readonly ms: number; readonly model: string }
  | { readonly name: string; readonly status: "unknown"; readonly ms: number; readonly reason: string };

/** Proves one claim for every parameter value in the decoder's domain: `domain ∧ ¬claim` is unsat. */
export const proveClosedFormClaim = async (z: Z3, c: ClosedFormClaim): Promise<ClosedFormResult> => {
  const started = performance.now();
  const e = encoding(z, c.flags);
  const { facts, goal } = c.claim(e);
  return withSolver(z, async (solver) => {
    solver.add(decoderDomain(e), ...facts, z.Not(goal));
    const answer = await solver.check();
    const ms = Math.round(performance.now() - started);
    if (answer === "unsat") return { name: c.name, status: "proved", ms };
    if (answer === "unknown") return { name: c.name, status: "unknown", ms, reason: solver.reasonUnknown() };
    return { name: c.name, status: "counterexample", ms, model: solver.model().sexpr() };
  });
};

/** Every claim; the closed form equals the model's accounting when all are proved. */
export const proveClosedForm = async (z: Z3): Promise<ReadonlyArray<ClosedFormResult>> => {
  const results: ClosedFormResult[] = [];
  for (const c of CLOSED_FORM_CLAIMS) results.push(await proveClosedFormClaim(z, c));
  return results;
};

export interface ClosedFormVerdict {
  readonly verdict: "PROVED" | "NOT PROVED";
  readonly claims: ReadonlyArray<ClosedFormResult>;
  readonly ms: number;
}

const verdicts = new WeakMap<Z3, Promise<ClosedFormVerdict>>();

/** The verdict on the whole closed form, computed once per Z3 context (the claims do not depend on a config). */
export const closedFormVerdict = (z: Z3): Promise<ClosedFormVerdict> => {
  const known = verdicts.get(z);
  if (known !== undefined) return known;
  const started = performance.now();
  const verdict = proveClosedForm(z).then(
    (claims): ClosedFormVerdict => ({
      verdict: claims.every((c) => c.status === "proved") ? "PROVED" : "NOT PROVED",
      claims,
      ms: Math.round(performance.now() - started),
    }),
  );
  verdicts.set(z, verdict);
  return verdict;
};
