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
/**
 * What the domains read of a state: only the fleet's length and its capacity. Generators get this, not the
 * state, so the operations of a state can be memoised on these two numbers (`candidateOpsFor`).
 */
export interface Shape {
  readonly frontends: { readonly length: number };
  readonly capacityUnits: number;
}

const GENERATORS: { readonly [K in OpType]: (config: Config, state: Shape) => ReadonlyArray<Op> } = {
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

/** The candidate operations in `state` (or any state of its shape), in a fixed order (so exploration is deterministic). */
export const candidateOps = (config: Config, state: Shape): ReadonlyArray<Op> =>
  OP_TYPES.flatMap((type) => GENERATORS[type](config, state));

/**
 * `candidateOps` for `config`, memoised on what the domains read (fleet length and capacity), with each
 * operation's code from `encode` alongside: exploration asks for the same few lists millions of times.
 */
export const candidateOpsFor = (
  config: Config,
  encode: (op: Op) => number,
): ((state: State) => { readonly ops: ReadonlyArray<Op>; readonly codes: ReadonlyArray<number> }) => {
  const memo = new Map<string, { readonly ops: ReadonlyArray<Op>; readonly codes: ReadonlyArray<number> }>();
  return (state) => {
    const key = `${state.frontends.length},${state.capacityUnits}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const ops = candidateOps(config, state);
    const entry = { ops, codes: ops.map(encode) };
    memo.set(key, entry);
    return entry;
  };
};
