// ---------------------------------------------------------------------------------------------------------
// checker/verify: every operation worth trying in a state, over finite parameter domains. Frontend positions
// run over 0..n−1 and shards over 0..shardCount−1 (the model resolves positions modulo the size, so larger
// values would only repeat these); a capacity addition adds 1..(maxSize − capacityUnits) servers' worth. The
// model still decides what is enabled: exploration keeps only the operations `step` accepts.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../model/config.ts";
import { OP_TYPES, type Op, type OpType } from "../../model/ops.ts";
import type { State } from "../../model/state.ts";

const range = (n: number): ReadonlyArray<number> => Array.from({ length: Math.max(0, n) }, (_, i) => i);

/**
 * One generator per operation type. The record is keyed by `OpType`, so a new operation breaks compilation here
 * until it is given a finite domain: exhaustive search must never silently skip an operation (style habit 9).
 */
const GENERATORS: { readonly [K in OpType]: (config: Config, state: State) => ReadonlyArray<Op> } = {
  capacityAdded: (config, state) =>
    range(config.fleet.maxSize - state.capacityUnits).map(
      (i): Op => ({ type: "capacityAdded", count: i + 1 }),
    ),
  frontendRemoved: (_, state) =>
    range(state.frontends.length).map((frontend): Op => ({ type: "frontendRemoved", frontend })),
  frontendRestarted: (_, state) =>
    range(state.frontends.length).map((frontend): Op => ({ type: "frontendRestarted", frontend })),
  frontendCrashed: (_, state) =>
    range(state.frontends.length).map((frontend): Op => ({ type: "frontendCrashed", frontend })),
  peerLearned: (_, state) =>
    range(state.frontends.length).map((frontend): Op => ({ type: "peerLearned", frontend })),
  shardMoved: (config) => range(config.shards.shardCount).map((shard): Op => ({ type: "shardMoved", shard })),
  requestRouted: (config, state) =>
    range(state.frontends.length).flatMap((frontend) =>
      range(config.shards.shardCount).map((shard): Op => ({ type: "requestRouted", frontend, shard })),
    ),
  tick: () => [{ type: "tick" }],
};

/** The candidate operations in `state`, in a fixed order (so exploration is deterministic). */
export const candidateOps = (config: Config, state: State): ReadonlyArray<Op> =>
  OP_TYPES.flatMap((type) => GENERATORS[type](config, state));
