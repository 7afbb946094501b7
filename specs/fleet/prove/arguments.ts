// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: the named inductive invariants (strengthenings) for every core invariant, and their side
// conditions. Each is Inv(f) = fleetShape ∧ WellFormed(f) ∧ named conjuncts ∧ the invariant itself; each side
// condition is a formula over the parameters only, printed in words with its source fact. For an invariant
// under a set of remediations, `argumentsFor` lists the arguments to try in order, weakest side condition
// first; the invariant alone is the last resort (expected NOT INDUCTIVE where the remediations do not keep it).
// ---------------------------------------------------------------------------------------------------------
import type { Bool } from "z3-solver";
import {
  type Abstract,
  type CoreInvariant,
  type Enc,
  fits,
  fleetShape,
  fullFlags,
  INVARIANT_FORMULAS,
  initial,
  min,
  type ProofFlags,
  servesCompleteOf,
  serving,
  threadBudgetOf,
  wellFormedOf,
} from "./encoding.ts";
import { type WitnessRun, witnessRunFor } from "./witnessRuns.ts";

/** A candidate inductive invariant for one core invariant, with the side condition it is proved under. */
export interface Argument {
  readonly name: string;
  /** The core invariant it implies (the safety obligation). */
  readonly invariant: CoreInvariant;
  /** What the strengthening says, as a sentence. */
  readonly sentence: string;
  readonly source: string;
  /** "every fleet size", or "every fleet within the plan" when the side condition names maxSize. */
  readonly scope: string;
  /** The side condition in words. */
  readonly sideConditionText: string;
  readonly sideCondition: (e: Enc) => Bool;
  /** Inv(f). */
  readonly invariantOf: (e: Enc, a: Abstract) => Bool;
  /**
   * A reachable state, for parameters violating the side condition, whose frontend the invariant must judge:
   * if every such witness violates the invariant, the side condition is necessary. Reachable because it is an
   * initial state. Only ThreadBudget's arguments have one: the other invariants hold in every initial state,
   * so their violations need a trace, which this query cannot show reachable.
   */
  readonly witness?: (e: Enc, a: Abstract) => Bool;
  /**
   * For an invariant whose violation needs a trace: an initial state (for parameters violating the side
   * condition) and a run from it to a violation (witnessRuns.ts), proved for every such parameter value.
   */
  readonly run?: { readonly from: (e: Enc, a: Abstract) => Bool; readonly run: WitnessRun };
  /** Whether the argument applies under these remediations. */
  readonly appliesTo: (flags: Required<ProofFlags>) => boolean;
}

/** Every strengthening's first conjuncts: the abstraction's shape and WellFormed. */
const base = (e: Enc, a: Abstract): Bool => e.z.And(fleetShape(e, a), wellFormedOf(e, a));

const NONE = "none";
const always = (e: Enc): Bool => e.z.Bool.val(true);

// ---------------------------------------------------------------------------------------------------------
// the thread bounds: what each thread remediation keeps, and its side condition
// ---------------------------------------------------------------------------------------------------------

/** A thread bound: what one thread remediation keeps (`bound`), under its side condition. */
type ThreadBound = Pick<
  Argument,
  "name" | "sentence" | "source" | "scope" | "sideConditionText" | "sideCondition" | "appliesTo"
> & {
  readonly bound: (e: Enc, a: Abstract) => Bool;
  readonly witness: (e: Enc, a: Abstract) => Bool;
};

/**
 * R5: a frontend takes its map from the cache fleet and opens no thread per peer, so it needs its base threads
 * whatever it knows: its threads fit as long as the base ones do (model/threadFormula.ts `perPeerThreads`).
 * The side condition is the decoder's own (threads.threadLimit ≥ baseThreads, and R3 never lowers the limit in
 * force below it), so it holds for every config the CLI accepts: no witness can break it.
 */
const cache: ThreadBound = {
  name: "CacheHoldsShardMap",
  sentence:
    "Frontends open no thread per peer (R5), so each needs its base threads only, whatever the fleet size.",
  source: "domain.md R5 (the shard-map cache on a dedicated fleet), K5, K7",
  scope: "every fleet size",
  sideConditionText: "baseThreads ≤ threadLimit (the limit in force)",
  sideCondition: (e) => e.p.baseThreads.le(e.p.threadLimit),
  bound: (e, a) => threadBudgetOf(e, a),
  witness: (e, a) => initial(e, a),
  appliesTo: (flags) => flags.cacheOnDedicatedFleet,
};

/** R7: a frontend knows at most cellSize − 1 peers (properties/strengthened.ts CellsBoundThreads). */
const cells: ThreadBound = {
  name: "CellsBoundThreads",
  sentence: "No cell exceeds cellSize and every frontend knows at most cellSize − 1 peers.",
  source: "domain.md R7 (cellularization), K5, K7",
  scope: "every fleet size",
  sideConditionText: "baseThreads + threadsPerPeer × (cellSize − 1) ≤ threadLimit",
  sideCondition: (e) => fits(e, e.p.cellSize.sub(1)),
  bound: (e, a) => a.k.le(e.p.cellSize.sub(1)),
  // A fleet started with cellSize servers: one full cell, every member knowing cellSize − 1 peers.
  witness: (e, a) => e.z.And(e.initialServers.eq(e.p.cellSize), initial(e, a), a.g.eq(e.p.cellSize)),
  appliesTo: (flags) => flags.cellularization,
};

/** Seed 003: f's group fits, and a live f fits (properties/strengthened.ts GroupsWithinBudget). */
const groups: ThreadBound = {
  name: "GroupsWithinBudget",
  sentence: "f's group fits (base + perPeer × (group − 1) ≤ limit) and, live, f fits.",
  source: 'seed 003 ("a simulator to test all cases before deploying additional capacity"), K5, K7, K16',
  scope: "every fleet size",
  sideConditionText:
    "the initial fleet fits: baseThreads + threadsPerPeer × (serversFor(initialSize) − 1) ≤ threadLimit",
  sideCondition: (e) => fits(e, e.initialServers.sub(1)),
  bound: (e, a) => e.z.And(fits(e, a.g.sub(1)), threadBudgetOf(e, a)),
  witness: (e, a) => initial(e, a),
  appliesTo: (flags) => flags.preflightGuard && !flags.cellularization,
};

/** R1: a frontend never knows more peers than the plan's largest fleet has servers, less itself. */
const plan: ThreadBound = {
  name: "PlanFitsInServers",
  sentence: "Every frontend knows at most serversFor(maxSize) − 1 peers.",
  source: "domain.md R1 (larger servers), K5, K7, K16",
  scope: "every fleet within the plan (up to maxSize units)",
  sideConditionText: "baseThreads + threadsPerPeer × (serversFor(maxSize) − 1) ≤ threadLimit",
  sideCondition: (e) => fits(e, e.planServers.sub(1)),
  bound: (e, a) => a.k.le(e.planServers.sub(1)),
  // A fleet started at the plan's size.
  witness: (e, a) =>
    e.z.And(e.p.initialSize.eq(e.p.maxSize), e.initialServers.eq(e.planServers), initial(e, a)),
  appliesTo: (flags) => !flags.cellularization && !flags.preflightGuard,
};

const THREAD_BOUNDS: ReadonlyArray<ThreadBound> = [cache, cells, groups, plan];

// ---------------------------------------------------------------------------------------------------------
// the named conjuncts
// ---------------------------------------------------------------------------------------------------------

/**
 * ThreadsGranted: every live frontend holds a thread for every peer it knows. Under a thread bound every group
 * fits, so the OS never refuses a thread: no map goes useless, and a frontend due to catch up gets in step.
 */
const threadsGranted = (e: Enc, a: Abstract): Bool => e.z.Implies(a.live, a.c.eq(a.k));

/**
 * ServingMeansConnected: a serving frontend holds a thread for every peer it knows. Under waitForCompleteMap
 * (without R8) a refused thread sends it out of service and it serves again only with a whole peer input.
 */
const servingMeansConnected = (e: Enc, a: Abstract): Bool => e.z.Implies(serving(e, a), a.c.eq(a.k));

const conj =
  (...parts: ReadonlyArray<(e: Enc, a: Abstract) => Bool>) =>
  (e: Enc, a: Abstract): Bool =>
    e.z.And(...parts.map((p) => p(e, a)));

const target = (invariant: CoreInvariant) => INVARIANT_FORMULAS[invariant];

// ---------------------------------------------------------------------------------------------------------
// the arguments
// ---------------------------------------------------------------------------------------------------------

/** ThreadBudget through a thread bound (the first slice's arguments, kept by name). */
const threadBudgetVia = (t: ThreadBound): Argument => ({
  name: t.name,
  invariant: "ThreadBudget",
  sentence: t.sentence,
  source: t.source,
  scope: t.scope,
  sideConditionText: t.sideConditionText,
  sideCondition: t.sideCondition,
  invariantOf: conj(base, t.bound),
  witness: t.witness,
  appliesTo: t.appliesTo,
});

export const cacheHoldsShardMap = threadBudgetVia(cache);
export const cellsBoundThreads = threadBudgetVia(cells);
export const groupsWithinBudget = threadBudgetVia(groups);
export const planFitsInServers = threadBudgetVia(plan);

/** An invariant with no strengthening but the shape: expected NOT INDUCTIVE where nothing keeps it. */
export const itself = (invariant: CoreInvariant): Argument => ({
  name: invariant,
  invariant,
  sentence: `${invariant} itself, with WellFormed.`,
  source: "properties/",
  scope: "every fleet size",
  sideConditionText: NONE,
  sideCondition: always,
  invariantOf: conj(base, target(invariant)),
  ...(invariant === "ThreadBudget" ? { witness: initial } : {}),
  appliesTo: () => true,
});

/** ThreadBudget itself, for every fleet size: the claim the as-was fleet would need. */
export const threadBudgetAlone: Argument = {
  ...itself("ThreadBudget"),
  sentence: "Every live frontend fits under the limit.",
  source: "domain.md K5, K7",
  appliesTo: (flags) => !flags.cellularization && !flags.preflightGuard,
};

/** A time-bounded or map invariant through a thread bound and ThreadsGranted (and `extra` conjuncts). */
const viaThreads = (
  invariant: CoreInvariant,
  t: ThreadBound,
  extra: ReadonlyArray<{ readonly name: string; readonly of: (e: Enc, a: Abstract) => Bool }>,
): Argument => ({
  name: [t.name, "ThreadsGranted", ...extra.map((x) => x.name), invariant].join(" ∧ "),
  invariant,
  sentence: `${t.sentence} Every live frontend holds a thread for every peer it knows, so no map goes useless and a frontend due to catch up gets in step.`,
  source: `${t.source}; K4(c), K6, K8`,
  scope: t.scope,
  sideConditionText: t.sideConditionText,
  sideCondition: t.sideCondition,
  invariantOf: conj(base, t.bound, threadsGranted, ...extra.map((x) => x.of), target(invariant)),
  ...runFrom(invariant, t.witness),
  appliesTo: t.appliesTo,
});

/** `invariant`'s witness run (witnessRuns.ts) from the initial state `from`, where it has one. */
const runFrom = (invariant: CoreInvariant, from: (e: Enc, a: Abstract) => Bool): Pick<Argument, "run"> => {
  const run = witnessRunFor(invariant);
  return run === undefined ? {} : { run: { from, run } };
};

const completeMaps = { name: "ServesOnlyWithCompleteMap", of: servesCompleteOf };
const connectedServing = { name: "ServingMeansConnected", of: servingMeansConnected };

/**
 * The time bounds under waitForCompleteMap need the frontends of the initial fleet to hold all their threads
 * (`initialState` serves every frontend, with whatever threads the OS granted): one that starts short of a
 * thread serves and never catches up. With cells the initial groups are at most a cell.
 */
const initialGroupsFit = {
  text: "the initial groups fit: baseThreads + threadsPerPeer × (serversFor(initialSize) − 1) ≤ threadLimit, or (with cells) baseThreads + threadsPerPeer × (cellSize − 1) ≤ threadLimit",
  of: (e: Enc): Bool =>
    e.flags.cellularization
      ? e.z.Or(fits(e, e.initialServers.sub(1)), fits(e, e.p.cellSize.sub(1)))
      : fits(e, e.initialServers.sub(1)),
  /** A frontend of the initial fleet's first group, full: all of it without cells, min(servers, cellSize) with. */
  witness: (e: Enc, a: Abstract): Bool =>
    e.z.And(
      initial(e, a),
      e.flags.cellularization ? a.g.eq(min(e, e.initialServers, e.p.cellSize)) : e.z.Bool.val(true),
    ),
};

/** Under waitForCompleteMap (and, for the time bounds, without R8 and with the initial groups fitting). */
const viaWaiting = (
  invariant: CoreInvariant,
  extra: ReadonlyArray<{ readonly name: string; readonly of: (e: Enc, a: Abstract) => Bool }>,
  withoutAuthoritative: boolean,
): Argument => ({
  name: [...extra.map((x) => x.name), invariant].join(" ∧ "),
  invariant,
  sentence:
    "A frontend whose map is incomplete leaves service, and (without R8) serves again only once its map is built from a whole peer input.",
  source: "domain.md K8, K11, R4 (waitForCompleteMap)",
  scope: "every fleet size",
  sideConditionText: withoutAuthoritative ? initialGroupsFit.text : NONE,
  sideCondition: withoutAuthoritative ? initialGroupsFit.of : always,
  invariantOf: conj(base, ...extra.map((x) => x.of), target(invariant)),
  ...(withoutAuthoritative ? runFrom(invariant, initialGroupsFit.witness) : {}),
  appliesTo: (flags) =>
    flags.waitForCompleteMap && (!withoutAuthoritative || !flags.bootstrapFromAuthoritative),
});

/** Every argument, by invariant, in the order they are tried. */
export const ARGUMENTS: Readonly<Record<CoreInvariant, ReadonlyArray<Argument>>> = {
  WellFormed: [itself("WellFormed")],
  ThreadBudget: [
    cacheHoldsShardMap,
    cellsBoundThreads,
    groupsWithinBudget,
    threadBudgetAlone,
    planFitsInServers,
  ],
  ServesOnlyWithCompleteMap: [
    viaWaiting("ServesOnlyWithCompleteMap", [], false),
    ...THREAD_BOUNDS.map((t) => viaThreads("ServesOnlyWithCompleteMap", t, [])),
  ],
  RoutesToCurrentOwner: [viaWaiting("RoutesToCurrentOwner", [], false)],
  PeersLearnedWithin: [
    viaWaiting("PeersLearnedWithin", [completeMaps, connectedServing], true),
    ...THREAD_BOUNDS.map((t) => viaThreads("PeersLearnedWithin", t, [])),
  ],
  ShardMovesAppliedWithin: [
    viaWaiting("ShardMovesAppliedWithin", [completeMaps, connectedServing], true),
    ...THREAD_BOUNDS.map((t) => viaThreads("ShardMovesAppliedWithin", t, [completeMaps])),
  ],
};

/**
 * The arguments to try for `invariant` under `flags`, in order; the invariant itself when none applies.
 * A caller stops at the first PROVED (ThreadBudget's as-was pair, itself then the plan, is tried in full).
 */
export const argumentsFor = (invariant: CoreInvariant, flags: ProofFlags): ReadonlyArray<Argument> => {
  const full = fullFlags(flags);
  const applicable = ARGUMENTS[invariant].filter((a) => a.appliesTo(full));
  return applicable.length > 0 ? applicable : [itself(invariant)];
};
