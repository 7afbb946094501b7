// ---------------------------------------------------------------------------------------------------------
// model: the passage of time. One tick does what happens "in the background" in the record:
//   1. K4(c) continuous processing: healthy frontends apply pending shard moves;
//   2. K6 fairness: a frontend behind the membership for `propagationDelayTicks` learns every pending change
//      ("up to an hour"), whether or not the threads for them can be created;
//   3. the age of each shard's last move grows, capped one past the deadline (K1/K4(c), read by
//      ShardMovesAppliedWithin); each frontend's lag grows with the clock by itself (`behindFor` in lag.ts
//      is derived from the tick it fell behind at), so no record is rebuilt to age it;
//   4. K11/K15 cold start: at most `maxConcurrentBootstraps` bootstrapping frontends make progress, since the
//      resources that fill a map are the ones that serve requests; restarts beyond that pace wait.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { behindFor, inStep } from "./lag.ts";
import { next, type StepResult } from "./refusal.ts";
import { finishBootstrap, processOwnershipChanges } from "./shardMap.ts";
import { actualPeers, type Frontend, frontendWith, moveAgeCap, type State, stateWith } from "./state.ts";
import { learnAllChanges } from "./threads.ts";

/** Step 1 for one frontend: a live one applies the pending shard moves it can (K4(c)). */
export const applyPendingMoves = (f: Frontend): Frontend =>
  f.status === "stopped" ? f : processOwnershipChanges(f);

/**
 * Step 2 for one frontend: a live one whose lag is at the deadline learns every pending change (K6), whether
 * or not the threads for them can be created. One that learns and still lags (the OS refused the threads)
 * keeps the tick it fell behind at, so its lag keeps growing to the cap.
 */
export const learnIfDue = (config: Config, state: State, f: Frontend): Frontend =>
  f.status !== "stopped" && behindFor(config, state, f) >= config.membership.propagationDelayTicks
    ? learnAllChanges(config, f, actualPeers(state, f))
    : f;

/**
 * Steps 1–2 for one frontend. A frontend with nothing due (no shard move it can apply, its lag short of the
 * deadline) is returned as it was: the same record. Exported one step at a time for the encoding-agreement
 * property (specs/fleet/prove/agreementTick.ts), which checks the SMT tick's intermediate records against them.
 */
const ageMembershipView = (config: Config, state: State, f: Frontend): Frontend =>
  learnIfDue(config, state, applyPendingMoves(f));

/**
 * Whether this tick leaves `f` as it is, read off the record without building anything: a serving frontend
 * with no pending shard move (step 1 has nothing to apply) whose lag cannot be at the deadline (step 2), because
 * it fell behind after `dueStamp` (= tick − deadline) or is in step, and which, serving, does not bootstrap
 * (step 4). `ageMembershipView` returns such a record unchanged too; this is the same answer for the common case
 * on a large fleet without its calls (a tick at 1,000 frontends took half the time: docs/performance.md).
 */
const idleThisTick = (state: State, f: Frontend, dueStamp: number): boolean =>
  f.status === "serving" && f.staleShards === 0 && (f.behindSince > dueStamp || inStep(state, f));

/** Step 3 for the shards: each move is a tick older, up to the cap (the same array when all are at it). */
const ageShardMoves = (config: Config, sinceMoved: ReadonlyArray<number>): ReadonlyArray<number> => {
  const cap = moveAgeCap(config);
  return sinceMoved.every((age) => age >= cap) ? sinceMoved : sinceMoved.map((age) => Math.min(age + 1, cap));
};

/** Step 4 for one bootstrapping frontend: one tick of shard-map construction, finishing it at zero. */
export const bootstrapOneTick = (config: Config, f: Frontend): Frontend => {
  const left = f.bootstrapLeft - 1;
  return left > 0
    ? frontendWith(f, { bootstrapLeft: left })
    : finishBootstrap(config, frontendWith(f, { bootstrapLeft: 0 }));
};

/**
 * Time passes by one tick. Always enabled. One pass over the fleet: each frontend ages (steps 1–2), then the
 * first `maxConcurrentBootstraps` bootstrapping frontends, in fleet order, advance (step 4). The budget is a
 * counter local to this call, so `tick` stays a pure function of its arguments, and the pass is linear in
 * the fleet (it was quadratic: docs/performance.md).
 *
 * Only the records whose state changes are rebuilt, and a tick that changes none returns the state's own
 * `frontends` array. At the first record that changes, `changed` becomes a copy of the array, local to this
 * call and not yet returned, and is written in place from then on (as `placeMembers` does): the result is a
 * fresh array nobody else holds, and the state passed in is not touched.
 */
export const tick = (config: Config, state: State): StepResult => {
  let budget = config.coldStart.maxConcurrentBootstraps;
  const frontends = state.frontends;
  let changed: Frontend[] | undefined;
  const dueStamp = state.tick - config.membership.propagationDelayTicks;
  for (let i = 0; i < frontends.length; i++) {
    const f = frontends[i] as Frontend;
    if (idleThisTick(state, f, dueStamp)) continue;
    const aged = ageMembershipView(config, state, f);
    // Step 4 inline, not as a named closure: under tsx (keepNames) each closure assigned to a name is named
    // by an Object.defineProperty when it is created, on every tick (0.5 µs a tick: docs/performance.md).
    const advances = aged.status === "bootstrapping" && budget > 0;
    if (advances) budget -= 1;
    const g = advances ? bootstrapOneTick(config, aged) : aged;
    if (g === f) continue;
    changed ??= frontends.slice();
    changed[i] = g;
  }
  return next(
    stateWith(state, {
      tick: state.tick + 1,
      sinceMoved: ageShardMoves(config, state.sinceMoved),
      frontends: changed ?? frontends,
    }),
  );
};
