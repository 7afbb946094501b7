// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: the named inductive invariants (strengthenings of ThreadBudget) and their side
// conditions, one per remediation that bounds thread demand. Each is Inv(f) = fleetShape ∧ its own bound; each
// side condition is a formula over the parameters only, printed in words with its source fact.
// ---------------------------------------------------------------------------------------------------------
import type { Bool } from "z3-solver";
import {
  type Abstract,
  type Enc,
  fits,
  fleetShape,
  initial,
  type ProofFlags,
  threadBudgetOf,
} from "./encoding.ts";

/** A candidate inductive invariant for ThreadBudget, with the side condition it is proved under. */
export interface Argument {
  readonly name: string;
  /** What the invariant says, as a sentence. */
  readonly sentence: string;
  readonly source: string;
  /** "every fleet size", or "every fleet within the plan" when the side condition names maxSize. */
  readonly scope: string;
  /** The side condition in words. */
  readonly sideConditionText: string;
  readonly sideCondition: (e: Enc) => Bool;
  /** Inv(f): fleetShape ∧ the argument's own bound. */
  readonly invariant: (e: Enc, a: Abstract) => Bool;
  /**
   * A reachable state, for parameters violating the side condition, whose frontend ThreadBudget must judge:
   * if every such witness violates ThreadBudget, the side condition is necessary. Reachable because it is an
   * initial state (`initialState` of a config with the given numbers and the initialSize the witness names).
   */
  readonly witness: (e: Enc, a: Abstract) => Bool;
  /** Whether the argument applies under these remediations. */
  readonly appliesTo: (flags: ProofFlags) => boolean;
}

/** R7: CellsBoundThreads (properties/strengthened.ts): a frontend knows at most cellSize − 1 peers. */
export const cellsBoundThreads: Argument = {
  name: "CellsBoundThreads",
  sentence: "No cell exceeds cellSize and every frontend knows at most cellSize − 1 peers.",
  source: "domain.md R7 (cellularization), K5, K7",
  scope: "every fleet size",
  sideConditionText: "baseThreads + threadsPerPeer × (cellSize − 1) ≤ threadLimit",
  sideCondition: (e) => fits(e, e.p.cellSize.sub(1)),
  invariant: (e, a) => e.z.And(fleetShape(e, a), a.k.le(e.p.cellSize.sub(1))),
  // A fleet started with cellSize servers: one full cell, every member knowing cellSize − 1 peers.
  witness: (e, a) => e.z.And(e.initialServers.eq(e.p.cellSize), initial(e, a), a.g.eq(e.p.cellSize)),
  appliesTo: (flags) => flags.cellularization,
};

/**
 * Seed 003: GroupsWithinBudget (properties/strengthened.ts): every group's full peer set fits, and no live
 * frontend is over the limit. The guard keeps the first across additions; it checks nothing at the start, so
 * the initial fleet must fit.
 */
export const groupsWithinBudget: Argument = {
  name: "GroupsWithinBudget",
  sentence: "f's group fits (base + perPeer × (group − 1) ≤ limit) and, live, f fits.",
  source: 'seed 003 ("a simulator to test all cases before deploying additional capacity"), K5, K7, K16',
  scope: "every fleet size",
  sideConditionText:
    "the initial fleet fits: baseThreads + threadsPerPeer × (serversFor(initialSize) − 1) ≤ threadLimit",
  sideCondition: (e) => fits(e, e.initialServers.sub(1)),
  invariant: (e, a) => e.z.And(fleetShape(e, a), fits(e, a.g.sub(1)), threadBudgetOf(e, a)),
  // The initial state itself: without cells every member knows the whole initial fleet.
  witness: (e, a) => initial(e, a),
  appliesTo: (flags) => flags.preflightGuard && !flags.cellularization,
};

/**
 * R1: PlanFitsInServers: a frontend never knows more peers than the plan's largest fleet has servers, less
 * itself. Larger servers only move this ceiling; the side condition names the plan's size, so the proof is
 * for every fleet the plan allows, not for every fleet size.
 */
export const planFitsInServers: Argument = {
  name: "PlanFitsInServers",
  sentence: "Every frontend knows at most serversFor(maxSize) − 1 peers.",
  source: "domain.md R1 (larger servers), K5, K7, K16",
  scope: "every fleet within the plan (up to maxSize units)",
  sideConditionText: "baseThreads + threadsPerPeer × (serversFor(maxSize) − 1) ≤ threadLimit",
  sideCondition: (e) => fits(e, e.planServers.sub(1)),
  invariant: (e, a) => e.z.And(fleetShape(e, a), a.k.le(e.planServers.sub(1))),
  // A fleet started at the plan's size.
  witness: (e, a) =>
    e.z.And(e.p.initialSize.eq(e.p.maxSize), e.initialServers.eq(e.planServers), initial(e, a)),
  appliesTo: (flags) => !flags.cellularization && !flags.preflightGuard,
};

/**
 * ThreadBudget itself (with the fleet's shape), for every fleet size, with no side condition: the claim the
 * as-was fleet would need. Expected NOT INDUCTIVE: a frontend that fits can learn one more peer.
 */
export const threadBudgetAlone: Argument = {
  name: "ThreadBudget",
  sentence: "Every live frontend fits under the limit.",
  source: "domain.md K5, K7",
  scope: "every fleet size",
  sideConditionText: "none",
  sideCondition: (e) => e.z.Bool.val(true),
  invariant: (e, a) => e.z.And(fleetShape(e, a), threadBudgetOf(e, a)),
  witness: (e, a) => initial(e, a),
  appliesTo: (flags) => !flags.cellularization && !flags.preflightGuard,
};

export const ARGUMENTS: ReadonlyArray<Argument> = [
  cellsBoundThreads,
  groupsWithinBudget,
  threadBudgetAlone,
  planFitsInServers,
];
