// ---------------------------------------------------------------------------------------------------------
// model: the passage of time. One tick does what happens "in the background" in the record:
//   1. K4(c) continuous processing: healthy frontends apply pending shard moves;
//   2. K6 fairness: a frontend behind the membership for `propagationDelayTicks` learns every pending change
//      ("up to an hour"), whether or not the threads for them can be created;
//   3. the age of each frontend's lag grows, capped one past the deadline (enough to show a violation);
//   4. K11/K15 cold start: at most `maxConcurrentBootstraps` bootstrapping frontends make progress, since the
//      resources that fill a map are the ones that serve requests; restarts beyond that pace wait.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { next, type StepResult } from "./refusal.ts";
import { finishBootstrap, processOwnershipChanges } from "./shardMap.ts";
import { actualPeers, type Frontend, type State } from "./state.ts";
import { learnAllChanges } from "./threads.ts";

/** Steps 1–3 for one live frontend. */
const ageMembershipView = (config: Config, state: State, f: Frontend): Frontend => {
  if (f.status === "stopped") return f;
  const actual = actualPeers(state, f);
  const processed = processOwnershipChanges(f);
  const deadline = config.membership.propagationDelayTicks;
  const learned = processed.behindFor >= deadline ? learnAllChanges(config, processed, actual) : processed;
  const behind = learned.connectedPeers !== actual || learned.knownPeers !== actual;
  return { ...learned, behindFor: behind ? Math.min(learned.behindFor + 1, deadline + 1) : 0 };
};

/** Step 4: the first `maxConcurrentBootstraps` bootstrapping frontends, in fleet order, advance one tick. */
const advanceBootstraps = (config: Config, frontends: ReadonlyArray<Frontend>): ReadonlyArray<Frontend> =>
  frontends.reduce<{ readonly out: ReadonlyArray<Frontend>; readonly budget: number }>(
    ({ out, budget }, f) => {
      if (f.status !== "bootstrapping" || budget === 0) return { out: [...out, f], budget };
      const left = f.bootstrapLeft - 1;
      const advanced =
        left > 0 ? { ...f, bootstrapLeft: left } : finishBootstrap(config, { ...f, bootstrapLeft: 0 });
      return { out: [...out, advanced], budget: budget - 1 };
    },
    { out: [], budget: config.coldStart.maxConcurrentBootstraps },
  ).out;

/** Time passes by one tick. Always enabled. */
export const tick = (config: Config, state: State): StepResult =>
  next({
    ...state,
    tick: state.tick + 1,
    frontends: advanceBootstraps(
      config,
      state.frontends.map((f) => ageMembershipView(config, state, f)),
    ),
  });
