// ---------------------------------------------------------------------------------------------------------
// model: per-frontend thread accounting against the OS limit, the heart of the outage.
//
// K5 [AWS-v]: to build its shard-map a frontend processes messages from every other frontend, and it
// creates OS threads "for each of the other servers in the front-end fleet", so the threads a frontend needs
// are `baseThreads + threadsPerPeer × peers`: directly proportional to the fleet size. K7 [AWS-v]: the most
// threads a process may create is set by "an operating system configuration". When the fleet grows past
// `(threadLimit − baseThreads) / threadsPerPeer + 1` members, a frontend that learns of one more peer tries to
// create its threads and the OS refuses: creation fails (an error return, not a crash and not a silent
// success). K8: without those threads the frontend cannot process that peer's messages, so shard-map
// construction "fails to complete" and the map is useless. Nothing in the record says the frontend stopped
// taking traffic, so in `as-was` it keeps serving, and failing, requests.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { leaveServiceIfMapIncomplete } from "./shardMap.ts";
import { type Frontend, frontendWith } from "./state.ts";
import { maxPeerThreads, threadsFit, threadsFor } from "./threadFormula.ts";

/** K5: the threads a frontend needs to talk to every peer in its own view of the membership. */
export const threadsNeeded = (config: Config, f: Frontend): number => threadsFor(config, f.knownPeers);

/** K5/K7: the threads a frontend actually holds (it never holds more than the OS allows). */
export const threadsHeld = (config: Config, f: Frontend): number => threadsFor(config, f.connectedPeers);

/** K7: whether the OS lets this frontend create the threads for one more peer. */
export const canCreatePeerThreads = (config: Config, f: Frontend): boolean =>
  threadsFit(config, f.connectedPeers + 1);

/** K7: the peers a (re)starting frontend manages to open threads for, out of `peers`. */
export const connectablePeers = (config: Config, peers: number): number =>
  Math.min(peers, maxPeerThreads(config));

/**
 * K6/K5/K8: the frontend processes one membership change. A new peer means new threads; if the OS refuses
 * them the map becomes useless (K8). A departed peer means its threads are torn down.
 * K14: with `cacheSelfHealsAfterTriggerRemoval`, a useless map rebuilds once every known peer has its threads.
 */
export const learnOneChange = (config: Config, f: Frontend, actual: number): Frontend => {
  const learned: Frontend =
    f.knownPeers < actual
      ? canCreatePeerThreads(config, f)
        ? frontendWith(f, { knownPeers: f.knownPeers + 1, connectedPeers: f.connectedPeers + 1 })
        : frontendWith(f, { knownPeers: f.knownPeers + 1, map: "useless" })
      : frontendWith(f, {
          knownPeers: f.knownPeers - 1,
          connectedPeers: Math.min(f.connectedPeers, f.knownPeers - 1),
        });
  const healed: Frontend =
    config.coldStart.cacheSelfHealsAfterTriggerRemoval &&
    learned.map === "useless" &&
    learned.status === "serving" &&
    learned.connectedPeers === learned.knownPeers
      ? frontendWith(learned, { map: "complete", staleShards: 0 })
      : learned;
  // K6: its lag needs no update. Still behind, it keeps the tick it fell behind at; caught up, its lag is 0
  // (`behindFor` in lag.ts is derived, and a stamp means nothing while a frontend is in step).
  return leaveServiceIfMapIncomplete(config, healed);
};

/**
 * K6: the frontend processes every pending membership change (used when the propagation deadline is due):
 * `learnOneChange` until its view matches the membership.
 *
 * Shortcut, same result: when it learns `d > 1` new peers and the OS grants the threads for all of them,
 * only the first change can alter its map or status (self-healing and leaving service depend on nothing the
 * later ones change), and the later ones only count peers and threads up. So one `learnOneChange` and a
 * count replace `d` of them: a fleet of n catching up with an addition of d costs O(n), not O(n·d)
 * (docs/performance.md; model/optimisations.test.ts checks it against the one-at-a-time form).
 */
export const learnAllChanges = (config: Config, f: Frontend, actual: number): Frontend => {
  if (f.knownPeers === actual) return f;
  const d = actual - f.knownPeers;
  const allGranted = threadsFit(config, f.connectedPeers + d);
  // With a complete map, learning changes nothing but the peer counts: no thread is refused when all are
  // granted, a departure only tears threads down, and a complete map neither heals nor sends the frontend out
  // of service. So one record replaces them all (this is the fleet-wide catch-up at the deadline).
  if (f.map === "complete" && (d < 0 || allGranted))
    return frontendWith(f, {
      knownPeers: actual,
      connectedPeers: d < 0 ? Math.min(f.connectedPeers, actual) : f.connectedPeers + d,
    });
  if (d > 1 && allGranted) {
    const first = learnOneChange(config, f, actual);
    return frontendWith(first, { knownPeers: actual, connectedPeers: first.connectedPeers + d - 1 });
  }
  return learnAllChanges(config, learnOneChange(config, f, actual), actual);
};
