// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: the fleet's state as SMT formulas over symbolic parameters, for every core invariant.
//
// The abstraction. Every core invariant is a statement about every frontend, plus (RoutesToCurrentOwner,
// WellFormed) about the fleet's request counts: ∀ frontend f: Inv(f) ∧ Global. Each Inv(f) reads only the
// parameters, f's own fields (status, map, known and connected peers, whether it holds a stale entry and how
// old the oldest such move is, bootstrap work left, its lag behind the membership), the size g of f's group
// (its cell under cellularization, else the fleet) and two fleet counts: servers (n) and capacity units (U).
// So the fleet is symmetric and it is enough to reason about ONE ARBITRARY frontend f, with the fleet size an
// unbounded integer. An operation either acts on f (restart, crash, learning, the tick, a request f routes,
// a shard move, which acts on every frontend alike), or on another frontend; then f's fields are unchanged
// and only g, n, U (capacity added, a frontend removed) or its lag's stamp can move, or nothing f's invariant
// reads moves at all. Each operation (operations.ts) is an over-approximation of the model function named
// beside it: every successor the model can produce for f satisfies the formula, so a proof about the
// formulas is a proof about `step`. What is abstracted away: which other frontends exist, their cells, which
// shards are stale (only "f has a stale entry" and the age of the oldest such move), clocks (only f's lag),
// the placement order of cells, the bootstrap pacing (a bootstrapping f may or may not progress on a tick),
// and whether the guard refused because of another cell (it is assumed only to bound f's own group).
//
// `abstractIn` is the one function that builds the abstract variables; each field says which concrete value
// it stands for, so an agreement property can map a concrete (config, state, frontend) onto them.
// ---------------------------------------------------------------------------------------------------------
import type { Arith, Bool } from "z3-solver";
import type { Config } from "../../../model/config.ts";
import { serversFor } from "../../../model/state.ts";
import { threadLimitInForce } from "../../../model/threadFormula.ts";
import type { Z3 } from "../../prove/z3.ts";

/** Which remediations are on. All are concrete: one proof per combination, cached by the caller. */
export interface ProofFlags {
  readonly cellularization: boolean;
  readonly preflightGuard: boolean;
  readonly largerServers: boolean;
  readonly bootstrapFromAuthoritative?: boolean;
  readonly waitForCompleteMap?: boolean;
  /**
   * R3: a higher, tested limit is in force. The encoding's `threadLimit` is always the limit in force
   * (model/threadFormula.ts `threadLimitInForce`), and every proof holds for every value of it, so R3 changes
   * no formula: a proof under R3 is the same proof, read for the tested limit (docs/prove.md).
   */
  readonly testedHigherLimit?: boolean;
  /**
   * R5: frontends take the shard map from the cache fleet and open no thread per peer
   * (model/threadFormula.ts `perPeerThreads`): a frontend needs its base threads only, whatever it knows.
   */
  readonly cacheOnDedicatedFleet?: boolean;
}

/** The flags with the optional ones off. */
export const fullFlags = (flags: ProofFlags): Required<ProofFlags> => ({
  bootstrapFromAuthoritative: false,
  waitForCompleteMap: false,
  testedHigherLimit: false,
  cacheOnDedicatedFleet: false,
  ...flags,
});

/** The symbolic parameters: the decoder's fields (model/configDecoder.ts), as unbounded integers. */
export interface Params {
  /** The OS thread limit in force: threads.threadLimit, or R3's tested limit under R3. */
  readonly threadLimit: Arith;
  readonly baseThreads: Arith;
  readonly threadsPerPeer: Arith;
  readonly cellSize: Arith;
  readonly largerServerFactor: Arith;
  readonly initialSize: Arith;
  readonly maxSize: Arith;
  /** membership.propagationDelayTicks (K6): the deadline D of both time-bounded invariants. */
  readonly propagationDelayTicks: Arith;
  /** coldStart.bootstrapTicks (K11). */
  readonly bootstrapTicks: Arith;
}

/** map: f.map as 0 complete, 1 building, 2 useless (model/state.ts ShardMapStatus). */
export const COMPLETE = 0;
export const BUILDING = 1;
export const USELESS = 2;

/** One arbitrary frontend f, the counts its invariant reads, and the fleet's request counts. */
export interface Abstract {
  /** f.knownPeers (K6). */
  readonly k: Arith;
  /** f.connectedPeers (K5/K7). */
  readonly c: Arith;
  /** f.status !== "stopped". */
  readonly live: Bool;
  /** f.status === "bootstrapping" (so serving is live ∧ ¬booting). */
  readonly booting: Bool;
  /** f.map: COMPLETE, BUILDING or USELESS. */
  readonly map: Arith;
  /** f.staleShards !== 0 (K4(c): f holds a stale entry). */
  readonly stale: Bool;
  /** The largest state.sinceMoved[s] over the shards s stale in f (0 when none): the oldest move f missed. */
  readonly age: Arith;
  /** f.bootstrapLeft (K11). */
  readonly left: Arith;
  /** behindFor(config, state, f) (model/lag.ts): ticks f has lagged the membership, capped at D + 1. */
  readonly lag: Arith;
  /** Members of f's group: state.cellSizes[f.cell] (its cell under R7, the whole fleet otherwise). */
  readonly g: Arith;
  /** Servers in the fleet: state.frontends.length. */
  readonly n: Arith;
  /**
   * state.capacityUnits (K16/R1) as u = factor × (s − 1) + r with 1 ≤ r ≤ factor: s = serversFor(u) =
   * ⌈u / factor⌉ (model/state.ts). Kept as the pair so that no formula multiplies two unknowns (Z3's
   * non-linear integer arithmetic did not answer within minutes on u with ⌈u / factor⌉); without R1 the
   * factor is 1, r = 1 and s = u.
   */
  readonly s: Arith;
  readonly r: Arith;
  /** state.requests.succeeded, .failed, .misrouted. */
  readonly succeeded: Arith;
  readonly failed: Arith;
  readonly misrouted: Arith;
  /** succeededThroughStaleEntry(state) (properties/routesToCurrentOwner.ts). */
  readonly lastStale: Bool;
}

/** Formulas built over one context. */
export interface Enc {
  readonly z: Z3;
  readonly flags: Required<ProofFlags>;
  readonly p: Params;
  /** coldStart.cacheSelfHealsAfterTriggerRemoval (K14), a symbolic Boolean. */
  readonly selfHeals: Bool;
  /**
   * model/threadFormula.ts `maxPeerThreads` = ⌊(threadLimit − baseThreads) / threadsPerPeer⌋: the most peers
   * whose threads fit. As threadsPerPeer ≥ 1, threadsFor(x) ≤ threadLimit exactly when x ≤ maxPeerThreads,
   * so every thread comparison is linear in it (`fits`). Its definition (`maxPeersDefinition`, non-linear) is
   * left out of the proofs, which then hold for every value of it, the real one among them, and added only
   * to check that a counterexample is one for the real quotient.
   */
  readonly maxPeers: Arith;
  /** serversFor(initialSize) and serversFor(maxSize). */
  readonly initialServers: Arith;
  readonly planServers: Arith;
}

export const paramsIn = (z: Z3): Params => ({
  threadLimit: z.Int.const("threadLimit"),
  baseThreads: z.Int.const("baseThreads"),
  threadsPerPeer: z.Int.const("threadsPerPeer"),
  cellSize: z.Int.const("cellSize"),
  largerServerFactor: z.Int.const("largerServerFactor"),
  initialSize: z.Int.const("initialSize"),
  maxSize: z.Int.const("maxSize"),
  propagationDelayTicks: z.Int.const("propagationDelayTicks"),
  bootstrapTicks: z.Int.const("bootstrapTicks"),
});

/** The abstract variables of one state (`suffix` tells states apart: "" before, "'" after, ...). */
export const abstractIn = (z: Z3, suffix: string): Abstract => ({
  k: z.Int.const(`k${suffix}`),
  c: z.Int.const(`c${suffix}`),
  live: z.Bool.const(`live${suffix}`),
  booting: z.Bool.const(`booting${suffix}`),
  map: z.Int.const(`map${suffix}`),
  stale: z.Bool.const(`stale${suffix}`),
  age: z.Int.const(`age${suffix}`),
  left: z.Int.const(`left${suffix}`),
  lag: z.Int.const(`lag${suffix}`),
  g: z.Int.const(`g${suffix}`),
  n: z.Int.const(`n${suffix}`),
  s: z.Int.const(`s${suffix}`),
  r: z.Int.const(`r${suffix}`),
  succeeded: z.Int.const(`succeeded${suffix}`),
  failed: z.Int.const(`failed${suffix}`),
  misrouted: z.Int.const(`misrouted${suffix}`),
  lastStale: z.Bool.const(`lastStale${suffix}`),
});

export const encoding = (z: Z3, flags: ProofFlags): Enc => {
  const p = paramsIn(z);
  return {
    z,
    flags: fullFlags(flags),
    p,
    selfHeals: z.Bool.const("cacheSelfHealsAfterTriggerRemoval"),
    maxPeers: z.Int.const("maxPeerThreads"),
    initialServers: flags.largerServers ? z.Int.const("initialServers") : p.initialSize,
    planServers: flags.largerServers ? z.Int.const("planServers") : p.maxSize,
  };
};

// ---------------------------------------------------------------------------------------------------------
// the functional layer: model/threadFormula.ts, model/state.ts and model/lag.ts as formulas
// ---------------------------------------------------------------------------------------------------------

/**
 * model/configDecoder.ts: every field an integer within its bound, threadLimit ≥ baseThreads, maxSize ≥
 * initialSize, propagationDelayTicks ≥ 1, bootstrapTicks ≥ 1. The decoder's caps (maxSize ≤ 100000,
 * shardCount ≤ 30) are NOT assumed: the proofs hold for every fleet size.
 */
export const decoderDomain = (e: Enc): Bool => {
  const { z, p } = e;
  return z.And(
    p.threadLimit.ge(1),
    p.baseThreads.ge(0),
    p.threadsPerPeer.ge(1),
    p.threadLimit.ge(p.baseThreads),
    e.maxPeers.ge(0),
    p.cellSize.ge(1),
    p.largerServerFactor.ge(1),
    p.initialSize.ge(1),
    p.maxSize.ge(p.initialSize),
    p.propagationDelayTicks.ge(1),
    p.bootstrapTicks.ge(1),
  );
};

/**
 * The parameters fixed to a concrete config's numbers (the abstraction of a config): every decoder field the
 * proofs read, serversFor of the plan's bounds, and maxPeerThreads by its definition.
 */
export const paramsAre = (e: Enc, config: Config): Bool => {
  const { z, p } = e;
  return z.And(
    p.threadLimit.eq(threadLimitInForce(config)),
    p.baseThreads.eq(config.threads.baseThreads),
    p.threadsPerPeer.eq(config.threads.threadsPerPeer),
    p.cellSize.eq(config.remediationParameters.cellSize),
    p.largerServerFactor.eq(config.remediationParameters.largerServerFactor),
    p.initialSize.eq(config.fleet.initialSize),
    p.maxSize.eq(config.fleet.maxSize),
    p.propagationDelayTicks.eq(config.membership.propagationDelayTicks),
    p.bootstrapTicks.eq(config.coldStart.bootstrapTicks),
    e.selfHeals.eq(z.Bool.val(config.coldStart.cacheSelfHealsAfterTriggerRemoval)),
    e.initialServers.eq(serversFor(config, config.fleet.initialSize)),
    e.planServers.eq(serversFor(config, config.fleet.maxSize)),
    maxPeersDefinition(e),
  );
};

/**
 * maxPeerThreads is the quotient: the largest m ≥ 0 with baseThreads + threadsPerPeer × m ≤ threadLimit. Under
 * R5 there is none (every m fits, model/threadFormula.ts gives +∞) and no formula reads it: true.
 */
export const maxPeersDefinition = (e: Enc): Bool =>
  e.flags.cacheOnDedicatedFleet
    ? e.z.Bool.val(true)
    : e.z.And(
        e.maxPeers.ge(0),
        threadsFor(e, e.maxPeers).le(e.p.threadLimit),
        threadsFor(e, e.maxPeers.add(1)).gt(e.p.threadLimit),
      );

/** model/threadFormula.ts `threadsFor`: baseThreads + threadsPerPeer × peers (baseThreads alone under R5). */
export const threadsFor = (e: Enc, peers: Arith | number): Arith =>
  e.flags.cacheOnDedicatedFleet ? e.p.baseThreads : e.p.baseThreads.add(e.p.threadsPerPeer.mul(peers));

/**
 * K7: `threadsFor(peers) ≤ threadLimit`, stated as peers ≤ maxPeerThreads (see `Enc.maxPeers`). Under R5 it is
 * `baseThreads ≤ threadLimit`, which the decoder's domain assumes (`decoderDomain`): true for every peer count.
 */
export const fits = (e: Enc, peers: Arith | number): Bool =>
  e.flags.cacheOnDedicatedFleet ? e.z.Bool.val(true) : e.maxPeers.ge(peers);

/**
 * model/threads.ts `connectablePeers`: c = min(peers, maxPeerThreads), where maxPeerThreads =
 * ⌊(limit − base) / perPeer⌋ is the largest m with threadsFor(m) ≤ limit; stated without division.
 */
export const connectable = (e: Enc, peers: Arith, c: Arith): Bool =>
  e.z.And(c.ge(0), c.le(peers), fits(e, c), e.z.Or(c.eq(peers), e.z.Not(fits(e, c.add(1)))));

export const min = (e: Enc, x: Arith, y: Arith): Arith => e.z.If(x.le(y), x, y) as Arith;

/** Capacity units per server: largerServerFactor under R1, else 1 (model/fleet.ts `frontendRemoved`). */
export const unitsPerServer = (e: Enc): Arith | number =>
  e.flags.largerServers ? e.p.largerServerFactor : 1;

/**
 * serversFor(initialSize) and serversFor(maxSize), with facts of ⌈u / factor⌉ for factor ≥ 1: at least 1 and at
 * most u for u ≥ 1, and monotone. (Under R1 they are unknowns with these facts, not the exact quotient, for the
 * reason given at `Abstract.s`; every fact holds of the real ⌈·⌉, so the proofs hold for it.)
 */
export const paramServers = (e: Enc): Bool => {
  const { z, p } = e;
  if (!e.flags.largerServers) return z.Bool.val(true);
  return z.And(
    e.initialServers.ge(1),
    e.initialServers.le(p.initialSize),
    e.planServers.le(p.maxSize),
    e.initialServers.le(e.planServers),
  );
};

/** K8/K11: f takes traffic. */
export const serving = (e: Enc, a: Abstract): Bool => e.z.And(a.live, e.z.Not(a.booting));

/** model/lag.ts `inStep`: f knows, and holds threads for, exactly its group's other members. */
export const inStep = (e: Enc, a: Abstract): Bool => e.z.And(a.k.eq(a.g.sub(1)), a.c.eq(a.g.sub(1)));

/** model/lag.ts `behindFor` is positive only for these: live and out of step. */
export const behind = (e: Enc, a: Abstract): Bool => e.z.And(a.live, e.z.Not(inStep(e, a)));

/**
 * The shape every reachable state has, whatever the remediation: f's group holds it (g ≥ 1) and lies in the
 * fleet (g ≤ n), is the whole fleet without cells and at most cellSize with them (model/state.ts
 * `cellForNewMember` only places into a cell with room), the fleet has no more servers than its units need
 * (n ≤ s = serversFor(u), 1 ≤ r ≤ factor), and its servers stay within the plan's (s ≤ serversFor(maxSize)).
 * And the ranges of the abstraction: a stopped frontend is not bootstrapping; the map is one of three; the
 * lag is 0 unless f is behind and at most D + 1 (`behindFor`'s cap); the age of f's oldest missed move is 0
 * when it has none and at most D + 1 (`moveAgeCap`).
 */
export const fleetShape = (e: Enc, a: Abstract): Bool => {
  const { z, p } = e;
  const cap = p.propagationDelayTicks.add(1);
  return z.And(
    a.g.ge(1),
    a.g.le(a.n),
    e.flags.cellularization ? a.g.le(p.cellSize) : a.g.eq(a.n),
    a.r.ge(1),
    a.r.le(unitsPerServer(e)),
    a.n.le(a.s),
    a.s.le(e.planServers),
    z.Implies(z.Not(a.live), z.Not(a.booting)),
    a.map.ge(COMPLETE),
    a.map.le(USELESS),
    a.lag.ge(0),
    a.lag.le(cap),
    z.Implies(z.Not(behind(e, a)), a.lag.eq(0)),
    a.age.ge(0),
    a.age.le(cap),
    z.Implies(z.Not(a.stale), a.age.eq(0)),
  );
};

// ---------------------------------------------------------------------------------------------------------
// invariants: each core invariant's share for f (properties/*.ts), and the fleet's
// ---------------------------------------------------------------------------------------------------------

/**
 * WellFormed (properties/wellFormed.ts) for f and the request counts: peer counts non-negative, no more
 * threads than known peers, held threads within the limit, bootstrap work exactly while bootstrapping,
 * ThreadsMatchConnections (live: c = min(k, maxPeerThreads), `connectable`; stopped: c = 0),
 * CompleteMapHasEveryPeer (a complete map has c = k, but under R8 or with the initial fleet over the limit,
 * `initialGroupOver`), and misroutes among the failures. (Its cell
 * conjuncts, every frontend in a cell and the cells adding up to the fleet, are what g means: the abstraction
 * assumes them, fleetShape, and does not prove them. LastRequestCounted and RoutesOnlyThroughServing read the
 * last request's frontend and outcome, which the abstraction does not keep: not proved either.)
 */
export const wellFormedOf = (e: Enc, a: Abstract): Bool => {
  const { z } = e;
  return z.And(
    a.k.ge(0),
    a.c.ge(0),
    a.c.le(a.k),
    fits(e, a.c),
    z.Implies(a.booting, a.left.ge(1)),
    z.Implies(serving(e, a), a.left.eq(0)),
    z.Implies(a.live, connectable(e, a.k, a.c)),
    z.Implies(z.Not(a.live), a.c.eq(0)),
    e.flags.bootstrapFromAuthoritative
      ? z.Bool.val(true)
      : z.Implies(z.And(a.map.eq(COMPLETE), z.Not(initialGroupOver(e))), a.c.eq(a.k)),
    a.succeeded.ge(0),
    a.misrouted.ge(0),
    a.misrouted.le(a.failed),
  );
};

/**
 * properties/wellFormed.ts `initialGroupOverLimit`: the initial fleet's largest group (the fleet, or its first
 * cell, min(cellSize, initial servers)) needs more threads than the limit.
 */
export const initialGroupOver = (e: Enc): Bool => {
  const largest = e.flags.cellularization ? min(e, e.p.cellSize, e.initialServers) : e.initialServers;
  return e.z.Not(fits(e, largest.sub(1)));
};

/** ThreadBudget for f: live ⇒ threadsFor(knownPeers) ≤ threadLimit (properties/threadBudget.ts). */
export const threadBudgetOf = (e: Enc, a: Abstract): Bool => e.z.Implies(a.live, fits(e, a.k));

/** ServesOnlyWithCompleteMap for f: serving ⇒ map complete. */
export const servesCompleteOf = (e: Enc, a: Abstract): Bool => e.z.Implies(serving(e, a), a.map.eq(COMPLETE));

/** RoutesToCurrentOwner: no request misrouted, and the one just routed did not succeed through a stale entry. */
export const routesCurrentOf = (e: Enc, a: Abstract): Bool =>
  e.z.And(a.misrouted.eq(0), e.z.Not(a.lastStale));

/** PeersLearnedWithin for f: serving ⇒ lag ≤ propagationDelayTicks. */
export const peersLearnedOf = (e: Enc, a: Abstract): Bool =>
  e.z.Implies(serving(e, a), a.lag.le(e.p.propagationDelayTicks));

/** ShardMovesAppliedWithin for f: serving with a stale entry ⇒ that move is at most D ticks old. */
export const shardMovesOf = (e: Enc, a: Abstract): Bool =>
  e.z.Implies(e.z.And(serving(e, a), a.stale), a.age.le(e.p.propagationDelayTicks));

/** The core invariants' formulas, by registered name (properties/index.ts). */
export const INVARIANT_FORMULAS = {
  WellFormed: wellFormedOf,
  ThreadBudget: threadBudgetOf,
  ServesOnlyWithCompleteMap: servesCompleteOf,
  RoutesToCurrentOwner: routesCurrentOf,
  PeersLearnedWithin: peersLearnedOf,
  ShardMovesAppliedWithin: shardMovesOf,
} as const;

export type CoreInvariant = keyof typeof INVARIANT_FORMULAS;

export const CORE_INVARIANTS = Object.keys(INVARIANT_FORMULAS) as ReadonlyArray<CoreInvariant>;

// ---------------------------------------------------------------------------------------------------------
// constructors: model/state.ts `initialState`
// ---------------------------------------------------------------------------------------------------------

/**
 * `initialState`: U = initialSize, n = serversFor(U), f serving with a complete map, knowing every peer of its
 * group and holding threads for as many as the OS allows, nothing stale, no lag, no request yet.
 */
export const initial = (e: Enc, a: Abstract): Bool => {
  const { z, p } = e;
  return z.And(
    a.s.eq(e.initialServers),
    a.r.ge(1),
    a.r.le(unitsPerServer(e)),
    a.n.eq(e.initialServers),
    a.live,
    z.Not(a.booting),
    a.k.eq(a.g.sub(1)),
    connectable(e, a.g.sub(1), a.c),
    a.g.ge(1),
    a.g.le(a.n),
    e.flags.cellularization ? a.g.le(p.cellSize) : a.g.eq(a.n),
    a.map.eq(COMPLETE),
    z.Not(a.stale),
    a.age.eq(0),
    a.left.eq(0),
    a.lag.eq(0),
    a.succeeded.eq(0),
    a.failed.eq(0),
    a.misrouted.eq(0),
    z.Not(a.lastStale),
  );
};
