// ---------------------------------------------------------------------------------------------------------
// model: readable `actor/event` labels with resolved names (style habit 15), so a trace reads like the
// post-mortem: `operator/capacityAdded 1 server`, `frontend/peerLearned frontend-3`.
// ---------------------------------------------------------------------------------------------------------
import { match } from "ts-pattern";
import type { Config } from "./config.ts";
import { ACTOR, type Op } from "./ops.ts";
import { type Frontend, frontendName, positionOf, type State } from "./state.ts";

const nameAt = (state: State, n: number): string => {
  const f: Frontend | undefined = state.frontends[positionOf(state, n)];
  return f === undefined ? "no frontend" : frontendName(f);
};

/** The label of `op` as applied in `state` (the state before the step). */
export const opLabel = (config: Config, state: State, op: Op): string =>
  `${ACTOR[op.type]}/${op.type}${match(op)
    .returnType<string>()
    .with({ type: "capacityAdded" }, (o) => ` ${o.count} server${o.count === 1 ? "" : "s"}`)
    .with(
      { type: "frontendRemoved" },
      { type: "frontendRestarted" },
      { type: "frontendCrashed" },
      (o) => ` ${nameAt(state, o.frontend)}`,
    )
    .with({ type: "peerLearned" }, (o) => ` ${nameAt(state, o.frontend)}`)
    .with({ type: "shardMoved" }, (o) => ` shard-${o.shard % config.shards.shardCount}`)
    .with(
      { type: "requestRouted" },
      (o) => ` shard-${o.shard % config.shards.shardCount} via ${nameAt(state, o.frontend)}`,
    )
    .with({ type: "tick" }, () => ` to t=${state.tick + 1}`)
    .exhaustive()}`;
