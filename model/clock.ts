// ---------------------------------------------------------------------------------------------------------
// model: the passage of time. One tick does what happens "in the background" in the record:
//   1. K4(c) continuous processing: healthy frontends apply pending shard moves;
//   2. K6 fairness: a frontend behind the membership for `propagationDelayTicks` learns every pending change
//      ("up to an hour"), whether or not the threads for them can be created;
//   3. the age of each frontend's lag grows, capped one past the deadline (enough to show a violation), and so
//      does the age of each shard's last move (K1/K4(c), read by ShardMovesAppliedWithin);
//   4. K11/K15 cold start: at most `maxConcurrentBootstraps` bootstrapping frontends make progress, since the
//      resources that fill a map are the ones that serve requests; restarts beyond that pace wait.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { next, type StepResult } from "./refusal.ts";
import { finishBootstrap, processOwnershipChanges } from "./shardMap.ts";
import {
  actualPeers,
  type Frontend,
  frontendWith,
  frontendWithCounters,
  moveAgeCap,
  type State,
  stateWith,
} from "./state.ts";
import { learnAllChanges } from "./threads.ts";

/** Steps 1–3 for one live frontend. A frontend with nothing to do is returned as it was (the same record). */
const ageMembershipView = (config: Config, state: State, f: Frontend): Frontend => {
  if (f.status === "stopped") return f;
  const actual = actualPeers(state, f);
  const processed = processOwnershipChanges(f);
  const deadline = config.membership.propagationDelayTicks;
  const learned = processed.behindFor >= deadline ? learnAllChanges(config, processed, actual) : processed;
  const behind = learned.connectedPeers !== actual || learned.knownPeers !== actual;
  const behindFor = behind ? Math.min(learned.behindFor + 1, deadline + 1) : 0;
  return behindFor === learned.behindFor
    ? learned
    : frontendWithCounters(learned, learned.staleShards, behindFor);
};

/** Step 3 for the shards: each move is a tick older, up to the cap (the same array when all are at it). */
const ageShardMoves = (config: Config, sinceMoved: ReadonlyArray<number>): ReadonlyArray<number> => {
  const cap = moveAgeCap(config);
  return sinceMoved.every((age) => age >= cap) ? sinceMoved : sinceMoved.map((age) => Math.min(age + 1, cap));
};

/** Step 4 for one bootstrapping frontend: one tick of shard-map construction, finishing it at zero. */
const bootstrapOneTick = (config: Config, f: Frontend): Frontend => {
  const left = f.bootstrapLeft - 1;
  return left > 0
    ? frontendWith(f, { bootstrapLeft: left })
    : finishBootstrap(config, frontendWith(f, { bootstrapLeft: 0 }));
};

/**
 * Time passes by one tick. Always enabled. One pass over the fleet: each frontend ages (steps 1–3), then the
 * first `maxConcurrentBootstraps` bootstrapping frontends, in fleet order, advance (step 4). The budget is a
 * counter local to this call, so `tick` stays a pure function of its arguments, and the pass is linear in
 * the fleet (it was quadratic: docs/performance.md).
 */
export const tick = (config: Config, state: State): StepResult => {
  let budget = config.coldStart.maxConcurrentBootstraps;
  return next(
    stateWith(state, {
      tick: state.tick + 1,
      sinceMoved: ageShardMoves(config, state.sinceMoved),
      frontends: state.frontends.map((f) => {
        const aged = ageMembershipView(config, state, f);
        if (aged.status !== "bootstrapping" || budget === 0) return aged;
        budget -= 1;
        return bootstrapOneTick(config, aged);
      }),
    }),
  );
};
