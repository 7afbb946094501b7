// ---------------------------------------------------------------------------------------------------------
// model: shard-map construction and staleness.
//
// K4 [AWS-v]: a frontend builds its shard-map from three inputs: the microservice that vends membership, the
// configuration in DynamoDB, and the continuous processing of messages from the other frontends. The first
// two always answer in this model (they were never the failing part); the third needs a thread per peer
// (threads.ts). A map is complete only when every input was processed; otherwise it is useless (K8).
// K1: the back-end can move a shard to another cluster, and frontends learn of the move through the same
// peer messages, so a frontend that cannot process them holds a stale entry. R8 (bootstrap from the
// authoritative metadata store) builds the map at start-up without any peer input.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { next, notEnabled, type StepResult } from "./refusal.ts";
import { type Frontend, frontendWith, frontendWithCounters, type State, stateWith } from "./state.ts";

/** Whether the frontend's peer-message input is whole: a thread for every peer it knows of (K4(c)). */
export const peerInputWhole = (f: Frontend): boolean => f.connectedPeers === f.knownPeers;

/**
 * "Do not take traffic until the map is complete" (remediation flag `waitForCompleteMap`, from K11/R4):
 * a serving frontend whose map stops being complete takes itself out of service and rebuilds.
 */
export const leaveServiceIfMapIncomplete = (config: Config, f: Frontend): Frontend =>
  config.remediations.waitForCompleteMap && f.status === "serving" && f.map !== "complete"
    ? frontendWith(f, {
        status: "bootstrapping",
        map: "building",
        bootstrapLeft: config.coldStart.bootstrapTicks,
      })
    : f;

/**
 * K4/K8/R8: the end of bootstrap. The map is complete when the peer input is whole, or when R8 reads it from
 * the authoritative store instead; otherwise useless. In `as-was` the frontend then serves whatever it built;
 * with `waitForCompleteMap` it keeps bootstrapping until the map is complete.
 */
export const finishBootstrap = (config: Config, f: Frontend): Frontend => {
  const built = peerInputWhole(f) || config.remediations.bootstrapFromAuthoritative;
  const done = frontendWith(f, { status: "serving", map: built ? "complete" : "useless", staleShards: 0 });
  return built || !config.remediations.waitForCompleteMap
    ? done
    : frontendWith(f, { map: "building", bootstrapLeft: config.coldStart.bootstrapTicks });
};

/** K4(c): a frontend with a complete map and whole peer input applies pending ownership changes. */
export const processOwnershipChanges = (f: Frontend): Frontend =>
  f.staleShards !== 0 && f.map === "complete" && peerInputWhole(f)
    ? frontendWithCounters(f, 0, f.behindSince)
    : f;

/** K1: the back-end moves shard `shard` (modulo the shard count) to the next cluster; every live map goes stale for it. */
export const shardMoved = (config: Config, state: State, op: { readonly shard: number }): StepResult => {
  if (config.shards.backendClusters < 2)
    return notEnabled("there is only one back-end cluster to own shards");
  const s = op.shard % config.shards.shardCount;
  const bit = 1 << s;
  return next(
    stateWith(state, {
      owners: state.owners.map((c, i) => (i === s ? (c + 1) % config.shards.backendClusters : c)),
      sinceMoved: state.sinceMoved.with(s, 0),
      frontends: state.frontends.map((f) =>
        f.status === "stopped" || (f.staleShards & bit) !== 0
          ? f
          : frontendWithCounters(f, f.staleShards | bit, f.behindSince),
      ),
    }),
  );
};
