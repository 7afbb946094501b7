// ---------------------------------------------------------------------------------------------------------
// checker/verify: every operation worth trying in a state, over finite parameter domains. Frontend positions
// run over 0..n−1 and shards over 0..shardCount−1 (the model resolves positions modulo the size, so larger
// values would only repeat these); a capacity addition adds 1..(maxSize − capacityUnits) servers' worth. The
// model still decides what is enabled: exploration keeps only the operations `step` accepts.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../model/config.ts";
import type { Op } from "../../model/ops.ts";
import type { State } from "../../model/state.ts";

const range = (n: number): ReadonlyArray<number> => Array.from({ length: Math.max(0, n) }, (_, i) => i);

/** The candidate operations in `state`, in a fixed order (so exploration is deterministic). */
export const candidateOps = (config: Config, state: State): ReadonlyArray<Op> => {
  const positions = range(state.frontends.length);
  const shards = range(config.shards.shardCount);
  return [
    ...range(config.fleet.maxSize - state.capacityUnits).map(
      (i): Op => ({ type: "capacityAdded", count: i + 1 }),
    ),
    ...positions.map((frontend): Op => ({ type: "frontendRemoved", frontend })),
    ...positions.map((frontend): Op => ({ type: "frontendRestarted", frontend })),
    ...positions.map((frontend): Op => ({ type: "frontendCrashed", frontend })),
    ...positions.map((frontend): Op => ({ type: "peerLearned", frontend })),
    ...shards.map((shard): Op => ({ type: "shardMoved", shard })),
    ...positions.flatMap((frontend) =>
      shards.map((shard): Op => ({ type: "requestRouted", frontend, shard })),
    ),
    { type: "tick" },
  ];
};
