// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: the fleet's thread accounting as SMT formulas over symbolic parameters, for ThreadBudget.
//
// The abstraction. ThreadBudget is a statement about every frontend: a live one needs at most the limit,
// `baseThreads + threadsPerPeer × knownPeers ≤ threadLimit` (properties/threadBudget.ts). Every invariant below
// has the same shape, ∀ frontend f: Inv(f), where Inv(f) reads only the parameters, f's own `knownPeers` (k)
// and liveness, the size of f's group (g: its cell under cellularization, else the whole fleet), and two
// fleet counts: servers (n = state.frontends.length) and capacity units (U = state.capacityUnits). So the
// fleet is symmetric and it is enough to reason about ONE ARBITRARY frontend f: the state is (k, live, g, n, U)
// and the fleet size n is an unbounded integer. An operation either acts on f (it is the one restarted,
// crashed, learning, caught up by the tick, or a newcomer), or acts on another frontend; then f's k and
// liveness are unchanged and only g, n, U can move (capacity added, a frontend removed), or nothing f's
// invariant reads moves at all (another's restart, crash or learning, a shard move, a request), which
// preserves Inv(f) trivially and needs no query. Each operation below is an over-approximation of the model
// function named beside it: every successor the model can produce for f satisfies the formula (fewer
// constraints than the model, never more), so a proof about the formulas is a proof about `step`.
// What is abstracted away: which other frontends exist, their cells, the shard map, clocks and lags (the tick
// may or may not catch f up), the placement order of cells (only "no cell grows past cellSize"), and whether
// the guard refused because of another cell (the guard is assumed only to bound f's own group).
// ---------------------------------------------------------------------------------------------------------
import type { Arith, Bool } from "z3-solver";
import type { Z3 } from "../../prove/z3.ts";

/** Which of the remediations that change thread demand are on (the others do not touch `knownPeers`). */
export interface ProofFlags {
  readonly cellularization: boolean;
  readonly preflightGuard: boolean;
  readonly largerServers: boolean;
}

/** The symbolic parameters: the decoder's fields (model/configDecoder.ts), as unbounded integers. */
export interface Params {
  readonly threadLimit: Arith;
  readonly baseThreads: Arith;
  readonly threadsPerPeer: Arith;
  readonly cellSize: Arith;
  readonly largerServerFactor: Arith;
  readonly initialSize: Arith;
  readonly maxSize: Arith;
}

/** One arbitrary frontend f and the counts its invariant reads. */
export interface Abstract {
  /** f.knownPeers (K6). */
  readonly k: Arith;
  /** f.status !== "stopped". */
  readonly live: Bool;
  /** Members of f's group: its cell's size (R7), or the fleet's when not cellularized. */
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
}

/** Formulas built over one context. */
export interface Enc {
  readonly z: Z3;
  readonly flags: ProofFlags;
  readonly p: Params;
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
});

export const abstractIn = (z: Z3, suffix: string): Abstract => ({
  k: z.Int.const(`k${suffix}`),
  live: z.Bool.const(`live${suffix}`),
  g: z.Int.const(`g${suffix}`),
  n: z.Int.const(`n${suffix}`),
  s: z.Int.const(`s${suffix}`),
  r: z.Int.const(`r${suffix}`),
});

export const encoding = (z: Z3, flags: ProofFlags): Enc => {
  const p = paramsIn(z);
  return {
    z,
    flags,
    p,
    initialServers: flags.largerServers ? z.Int.const("initialServers") : p.initialSize,
    planServers: flags.largerServers ? z.Int.const("planServers") : p.maxSize,
  };
};

// ---------------------------------------------------------------------------------------------------------
// the functional layer: model/threadFormula.ts and model/state.ts as formulas
// ---------------------------------------------------------------------------------------------------------

/**
 * model/configDecoder.ts: every field an integer within its bound, threadLimit ≥ baseThreads, maxSize ≥
 * initialSize. The decoder's caps (maxSize ≤ 100000, shardCount ≤ 30) are NOT assumed: the proofs hold for
 * every fleet size.
 */
export const decoderDomain = ({ z, p }: Enc): Bool =>
  z.And(
    p.threadLimit.ge(1),
    p.baseThreads.ge(0),
    p.threadsPerPeer.ge(1),
    p.threadLimit.ge(p.baseThreads),
    p.cellSize.ge(1),
    p.largerServerFactor.ge(1),
    p.initialSize.ge(1),
    p.maxSize.ge(p.initialSize),
  );

/** model/threadFormula.ts `threadsFor`: baseThreads + threadsPerPeer × peers. */
export const threadsFor = ({ p }: Enc, peers: Arith | number): Arith =>
  p.baseThreads.add(p.threadsPerPeer.mul(peers));

/** K7: `threadsFor(peers) ≤ threadLimit`. */
export const fits = (e: Enc, peers: Arith | number): Bool => threadsFor(e, peers).le(e.p.threadLimit);

/** Capacity units per server: largerServerFactor under R1, else 1 (model/fleet.ts `frontendRemoved`). */
const unitsPerServer = (e: Enc): Arith | number => (e.flags.largerServers ? e.p.largerServerFactor : 1);

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

/**
 * The shape every reachable state has, whatever the remediation: f's group holds it (g ≥ 1) and lies in the
 * fleet (g ≤ n), is the whole fleet without cells and at most cellSize with them (model/state.ts
 * `cellForNewMember` only places into a cell with room), the fleet has no more servers than its units need
 * (n ≤ s = serversFor(u), 1 ≤ r ≤ factor), and its servers stay within the plan's (s ≤ serversFor(maxSize)).
 */
export const fleetShape = (e: Enc, a: Abstract): Bool => {
  const { z, p } = e;
  return z.And(
    a.k.ge(0),
    a.g.ge(1),
    a.g.le(a.n),
    e.flags.cellularization ? a.g.le(p.cellSize) : a.g.eq(a.n),
    a.r.ge(1),
    a.r.le(unitsPerServer(e)),
    a.n.le(a.s),
    a.s.le(e.planServers),
  );
};

/** ThreadBudget for f: live ⇒ threadsFor(knownPeers) ≤ threadLimit (properties/threadBudget.ts). */
export const threadBudgetOf = (e: Enc, a: Abstract): Bool => e.z.Implies(a.live, fits(e, a.k));

// ---------------------------------------------------------------------------------------------------------
// the state machine: model/state.ts `initialState` and the operations that change what Inv(f) reads
// ---------------------------------------------------------------------------------------------------------

/** `initialState`: U = initialSize, n = serversFor(U), f serving and knowing every peer of its group. */
export const initial = (e: Enc, a: Abstract): Bool => {
  const { z, p } = e;
  return z.And(
    a.s.eq(e.initialServers),
    a.r.ge(1),
    a.r.le(unitsPerServer(e)),
    a.n.eq(e.initialServers),
    a.live,
    a.k.eq(a.g.sub(1)),
    a.g.ge(1),
    a.g.le(a.n),
    e.flags.cellularization ? a.g.le(p.cellSize) : a.g.eq(a.n),
  );
};

/** The group after f's cell may have received members: no cell grows past cellSize (`placeMembers`). */
const groupAfterAddition = (e: Enc, pre: Abstract, post: Abstract, newcomer: boolean): Bool => {
  const { z, p } = e;
  if (!e.flags.cellularization) return post.g.eq(post.n);
  return newcomer
    ? z.And(post.g.ge(1), post.g.le(p.cellSize), post.g.le(post.n))
    : z.And(
        post.g.ge(pre.g),
        post.g.sub(pre.g).le(post.n.sub(pre.n)),
        z.Or(post.g.le(p.cellSize), post.g.eq(pre.g)),
      );
};

/**
 * model/fleet.ts `capacityAdded`: `count ≥ 1` units within the plan, serversFor(U + count) − serversFor(U)
 * newcomers; under the preflight guard, enabled only if the largest group after placement fits, so (as the
 * largest is at least f's) f's group fits. f is an existing member (unchanged but for its group) or a
 * newcomer, which knows every member of its group (K4(a): it reads the membership at start).
 */
export const capacityAdded = (e: Enc, pre: Abstract, post: Abstract, newcomer: boolean): Bool => {
  const { z } = e;
  return z.And(
    // More units (u′ > u, lexicographically on (s, r)), within the plan: ⌈·⌉ is monotone, so s′ ≤ the plan's.
    z.Or(post.s.gt(pre.s), z.And(post.s.eq(pre.s), post.r.gt(pre.r))),
    post.r.ge(1),
    post.r.le(unitsPerServer(e)),
    post.s.le(e.planServers),
    post.n.eq(pre.n.add(post.s.sub(pre.s))),
    groupAfterAddition(e, pre, post, newcomer),
    e.flags.preflightGuard ? fits(e, post.g.sub(1)) : z.Bool.val(true),
    newcomer
      ? z.And(post.n.gt(pre.n), post.live, post.k.eq(post.g.sub(1)))
      : z.And(post.live.eq(pre.live), post.k.eq(pre.k)),
  );
};

/** model/fleet.ts `frontendRemoved` of another member: one server fewer, its units returned (at least 0). */
export const frontendRemoved = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  return z.And(
    pre.n.ge(2),
    post.n.eq(pre.n.sub(1)),
    // u − factor = factor × (s − 2) + r: one server fewer, the same remainder (u > factor as n ≤ s, n ≥ 2).
    post.s.eq(pre.s.sub(1)),
    post.r.eq(pre.r),
    e.flags.cellularization
      ? z.And(post.g.le(post.n), z.Or(post.g.eq(pre.g), z.And(pre.g.ge(2), post.g.eq(pre.g.sub(1)))))
      : post.g.eq(post.n),
    post.live.eq(pre.live),
    post.k.eq(pre.k),
  );
};

/** f's group and the fleet unchanged. */
const sameFleet = (e: Enc, pre: Abstract, post: Abstract): Bool =>
  e.z.And(post.g.eq(pre.g), post.n.eq(pre.n), post.s.eq(pre.s), post.r.eq(pre.r));

/** model/fleet.ts `frontendRestarted` of f: it reads its group afresh and knows every peer. */
export const frontendRestarted = (e: Enc, pre: Abstract, post: Abstract): Bool =>
  e.z.And(sameFleet(e, pre, post), post.live, post.k.eq(pre.g.sub(1)));

/** model/fleet.ts `frontendCrashed` of f: stopped, its view kept. */
export const frontendCrashed = (e: Enc, pre: Abstract, post: Abstract): Bool =>
  e.z.And(sameFleet(e, pre, post), e.z.Not(post.live), post.k.eq(pre.k));

/**
 * model/membership.ts `peerLearned` by f (model/threads.ts `learnOneChange`): enabled while it is live and
 * its view differs from its group; one peer more if it knows fewer, one fewer if more. It stays live
 * (`leaveServiceIfMapIncomplete` makes it bootstrapping at worst).
 */
export const peerLearned = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  const actual = pre.g.sub(1);
  return z.And(
    sameFleet(e, pre, post),
    pre.live,
    z.Not(pre.k.eq(actual)),
    post.live,
    z.Or(z.And(pre.k.lt(actual), post.k.eq(pre.k.add(1))), z.And(pre.k.gt(actual), post.k.eq(pre.k.sub(1)))),
  );
};

/**
 * model/clock.ts `tick` for f: a stopped frontend is skipped; a live one either is not due (its view kept) or
 * learns every pending change (`learnAllChanges` ends at its group's size − 1). Bootstrapping ends in serving.
 */
export const tick = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  return z.And(
    sameFleet(e, pre, post),
    post.live.eq(pre.live),
    z.Or(post.k.eq(pre.k), z.And(pre.live, post.k.eq(pre.g.sub(1)))),
  );
};

/** The operations, each an obligation of its own (one SMT query each) so a failure names the operation. */
export const OPERATIONS: ReadonlyArray<{
  readonly name: string;
  readonly relation: (e: Enc, pre: Abstract, post: Abstract) => Bool;
}> = [
  { name: "capacityAdded (f an existing member)", relation: (e, a, b) => capacityAdded(e, a, b, false) },
  { name: "capacityAdded (f a newcomer)", relation: (e, a, b) => capacityAdded(e, a, b, true) },
  { name: "frontendRemoved (another member)", relation: frontendRemoved },
  { name: "frontendRestarted (f)", relation: frontendRestarted },
  { name: "frontendCrashed (f)", relation: frontendCrashed },
  { name: "peerLearned (f)", relation: peerLearned },
  { name: "tick (f due or not)", relation: tick },
];
