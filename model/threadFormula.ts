// ---------------------------------------------------------------------------------------------------------
// model: the one formula of the outage, and its inverse. K5 [AWS-v]: a frontend creates OS threads "for each
// of the other servers in the front-end fleet", so it needs `baseThreads + threadsPerPeer × peers`; K7: the OS
// caps the threads a process may create. Every count of threads in model/, properties/ and analyses/ goes
// through these functions (the compiled search in specs/fleet/compiled/ and the Z3 encoding in
// specs/fleet/prove/ read the same effective parameters, and are tested equal to the model).
//
// Two remediations change the parameters in force, and only here (issue 14): R3 (`testedHigherLimit`) puts a
// higher, tested OS limit in force; R5 (`cacheOnDedicatedFleet`) has frontends take the shard map from a
// dedicated cache fleet, so they open no thread per peer and need only their base threads whatever the fleet
// size (domain.md R3, R5). Their own new limits are invariants (properties/memoryBudget.ts,
// properties/cacheFleetWithinThreadLimit.ts).
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";

/**
 * R3: the tested limit when a config names none: twice the 2020 limit. A MODEL CHOICE (illustrative, as every
 * thread number is): AWS says only that it would raise the limit once a higher one was tested (domain.md R3).
 */
export const DEFAULT_TESTED_LIMIT_FACTOR = 2;

/**
 * K7/R3: the OS thread limit in force: under R3 the tested one, never below the 2020 one (R3 only raises it: a
 * config whose `threads.threadLimit` was raised past its tested limit keeps the higher), else the 2020 one.
 */
export const threadLimitInForce = (config: Config): number =>
  config.remediations.testedHigherLimit
    ? Math.max(
        config.threads.threadLimit,
        config.remediationParameters.testedThreadLimit ??
          DEFAULT_TESTED_LIMIT_FACTOR * config.threads.threadLimit,
      )
    : config.threads.threadLimit;

/** K5/R5: threads a frontend opens per peer: none when the shard map comes from the cache fleet (R5). */
export const perPeerThreads = (config: Config): number =>
  config.remediations.cacheOnDedicatedFleet ? 0 : config.threads.threadsPerPeer;

/** K5: the threads a frontend needs to talk to `peers` other frontends. */
export const threadsFor = (config: Config, peers: number): number =>
  config.threads.baseThreads + perPeerThreads(config) * peers;

/** K7: whether the threads for `peers` peers fit under the limit in force. */
export const threadsFit = (config: Config, peers: number): boolean =>
  threadsFor(config, peers) <= threadLimitInForce(config);

/**
 * K5/K7: the most peers a frontend can hold threads for before thread creation fails at the OS limit. Under
 * R5 no peer costs a thread, so every peer fits (+∞) as long as the base threads do.
 */
export const maxPeerThreads = (config: Config): number => {
  const perPeer = perPeerThreads(config);
  const room = threadLimitInForce(config) - config.threads.baseThreads;
  if (perPeer === 0) return room >= 0 ? Number.POSITIVE_INFINITY : 0;
  return Math.floor(room / perPeer);
};
