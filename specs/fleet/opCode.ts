// ---------------------------------------------------------------------------------------------------------
// checker/verify: operations as small integers. The visited set stores one per state (the operation that first
// reached it), and the compiled next-state relation (flatStep.ts) takes one instead of an `Op` record, so the
// search allocates nothing per transition. Moved here from bfs.ts so that
// bfs.ts and flatBfs.ts share them (and the path rebuilt from a visited set) without importing each other.
// ---------------------------------------------------------------------------------------------------------
import { match } from "ts-pattern";
import type { VisitedSet } from "../../checker/verify/visitedSet.ts";
import { OP_TYPES, type Op } from "../../model/ops.ts";

/** Bound (exclusive) of each argument: frontend positions, shards and counts fit in 12 bits. */
export const OP_ARG = 4096;

/** Number of operation types: the code's first digit. */
export const OP_KINDS = OP_TYPES.length;

/** `type + T·(a + 4096·b)` (T = number of operation types), `a` the count, frontend or shard, `b` a routed request's shard. */
export const encodeOp = (op: Op): number => {
  const t = OP_TYPES.indexOf(op.type);
  const a = "count" in op ? op.count : "frontend" in op ? op.frontend : "shard" in op ? op.shard : 0;
  const b = op.type === "requestRouted" ? op.shard : 0;
  if (a >= OP_ARG || b >= OP_ARG)
    throw new Error(`internal: operation argument too large to encode (${a}, ${b})`);
  return t + OP_KINDS * (a + OP_ARG * b);
};

export const decodeOp = (code: number): Op => {
  const type = OP_TYPES[code % OP_KINDS];
  if (type === undefined) throw new Error(`internal: bad operation code ${code}`);
  const rest = Math.floor(code / OP_KINDS);
  const a = rest % OP_ARG;
  const b = Math.floor(rest / OP_ARG);
  return match(type)
    .returnType<Op>()
    .with("capacityAdded", (t) => ({ type: t, count: a }))
    .with("frontendRemoved", "frontendRestarted", "frontendCrashed", "peerLearned", (t) => ({
      type: t,
      frontend: a,
    }))
    .with("shardMoved", (t) => ({ type: t, shard: a }))
    .with("requestRouted", (t) => ({ type: t, frontend: a, shard: b }))
    .with("tick", (t) => ({ type: t }))
    .exhaustive();
};

/** The operations from the initial state (index 0) to the state stored at `id`, through the parents `visited` keeps. */
export const pathTo = (visited: VisitedSet, id: number): ReadonlyArray<Op> => {
  const ops: Op[] = [];
  for (let n = id; n > 0; n = visited.parentOf(n)) ops.push(decodeOp(visited.viaOf(n)));
  return ops.reverse();
};
