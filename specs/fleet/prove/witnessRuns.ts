// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: witness runs, which show a time bound's side condition NECESSARY for every parameter value
// that breaks it (prove.ts `necessityOf`). A violation of PeersLearnedWithin or ShardMovesAppliedWithin needs
// a trace, not one state, so the witness is a run: from an initial state whose frontend f is short of threads
// (what breaking a thread side condition allows, K5, K7), optionally a shard move, then ticks. `at(f, j)`
// describes f after j ticks; Z3 proves, for every parameter value breaking the side condition:
//   start  the witness initial state (and the shard move) gives at(f, 0);
//   step   at(f, j) ∧ j < length ∧ tick(f, f′) ⇒ at(f′, j + 1), for EVERY successor the tick's relation allows;
//   end    at(f, length) violates the invariant.
// Why that is a run of the model: the tick (and a shard move) are enabled in every state, and every successor
// the model produces satisfies the operation's relation (the encoding-agreement property checks exactly this,
// the tick included), so the model's own successor satisfies at(f, j + 1): the claim is universal over the
// relation's successors, so its over-approximation cannot make the run unreal. The run never restarts f, so
// the bootstrap budget the relation abstracts away plays no part. What it assumes of the model beyond the
// encoding: the witness initial state exists (a config with these numbers and that initial fleet; f in its
// first, full group), and, for the shard move, at least two back-end clusters (`shardCount`, `backendClusters`
// are abstracted away).
// ---------------------------------------------------------------------------------------------------------
import type { Arith, Bool } from "z3-solver";
import { type Abstract, type CoreInvariant, type Enc, serving } from "./encoding.ts";
import { shardMoved } from "./operations.ts";

/** A run from a reachable start through ticks to a violation; see the header. */
export interface WitnessRun {
  /** The run in words. */
  readonly text: string;
  /** The run's start f₀ (`first`), from the witness initial state f (`initial`): itself, or after a shard move. */
  readonly start: (e: Enc, initial: Abstract, first: Abstract) => Bool;
  /** f after j ticks. */
  readonly at: (e: Enc, a: Abstract, j: Arith) => Bool;
  /** How many ticks: one past the propagation deadline. */
  readonly length: (e: Enc) => Arith;
}

/** Every field of f the same: the run starts at the initial state itself. */
const same = (e: Enc, a: Abstract, b: Abstract): Bool =>
  e.z.And(...(Object.keys(a) as Array<keyof Abstract>).map((k) => e.z.Eq(a[k], b[k])));

/** Serving, in a group it cannot hold threads for, knowing all of it: learning has nothing left to do (K5, K7). */
const shortOfThreads = (e: Enc, a: Abstract): Bool => e.z.And(serving(e, a), a.c.lt(a.k), a.k.eq(a.g.sub(1)));

const pastDeadline = (e: Enc): Arith => e.p.propagationDelayTicks.add(1);

/** PeersLearnedWithin: f never gets in step, so its lag reaches the deadline plus one (K6). */
const lagRun: WitnessRun = {
  text: "an initial frontend short of threads, then propagationDelayTicks + 1 ticks: it serves out of step past the deadline",
  start: same,
  at: (e, a, j) => e.z.And(shortOfThreads(e, a), a.lag.eq(j)),
  length: pastDeadline,
};

/** ShardMovesAppliedWithin: f cannot process the peer messages that carry a move (K4(c)), so its entry ages. */
const staleRun: WitnessRun = {
  text: "an initial frontend short of threads, a shard move, then propagationDelayTicks + 1 ticks: it serves by the stale entry past the deadline (with two back-end clusters)",
  start: shardMoved,
  at: (e, a, j) => e.z.And(shortOfThreads(e, a), a.stale, a.age.eq(j)),
  length: pastDeadline,
};

/** The witness run for `invariant`'s side condition, where there is one. */
export const witnessRunFor = (invariant: CoreInvariant): WitnessRun | undefined =>
  invariant === "PeersLearnedWithin"
    ? lagRun
    : invariant === "ShardMovesAppliedWithin"
      ? staleRun
      : undefined;
