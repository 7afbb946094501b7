// ---------------------------------------------------------------------------------------------------------
// analyses/configSearch: each invariant's expected outcome for ANY config, computed from the config's numbers
// alone (closed forms and the proofs' side conditions, docs/prove.md), never by running the model. The search
// over configs (configSearch.test.ts, bench/soak.ts) compares these with what exhaustive search finds: a
// mismatch is a wrong model, a wrong invariant or a wrong rule, and either way a reviewer must look.
//
// The closed form at the heart of every rule is K5/K7's: a frontend in a group of g servers needs
// `base + perPeer × (g − 1)` threads, the group being the fleet, or its
// cell under cellularization (R7), and the fleet counted in servers (R1: ⌈units / factor⌉); against the limit
// in force (R3: the tested one), with no per-peer threads under R5.
// Where an outcome cannot be justified from the numbers, the rule says "unknown" rather than guess.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../model/config.ts";
import type { InvariantName } from "../../properties/index.ts";

export type ExpectedOutcome = "holds" | "violated" | "unknown";

/** One rule: an invariant's expected outcome as a function of the config, with why and where from. */
export interface OutcomeRule {
  readonly invariant: InvariantName;
  /** The rule, in one sentence a reviewer can check against the source. */
  readonly sentence: string;
  readonly source: string;
  readonly expected: (config: Config) => ExpectedOutcome;
}

// ---------------------------------------------------------------------------------------------------------
// closed forms
// ---------------------------------------------------------------------------------------------------------

// Each closed form is written out here, not imported from model/ (`serversFor`, `threadsFor`): an expected
// outcome must not read the model it judges, or a slip there would move both sides at once.

/** R1: servers for `units` of 2020-size capacity (rounded up: a part-used server is still a server). */
export const serversForUnits = (config: Config, units: number): number =>
  config.remediations.largerServers
    ? Math.ceil(units / config.remediationParameters.largerServerFactor)
    : units;

/**
 * R7: the largest group of peers a fleet of `units` can hold: the whole fleet, or one full cell (cells fill in
 * order, so the first cell holds min(cellSize, servers)).
 */
export const largestGroup = (config: Config, units: number): number => {
  const servers = serversForUnits(config, units);
  return config.remediations.cellularization
    ? Math.min(config.remediationParameters.cellSize, servers)
    : servers;
};

/** K7/R3: the OS limit in force: R3's tested limit (twice the 2020 one when the config names none; never below it), else K7's. */
export const limitInForce = (config: Config): number =>
  config.remediations.testedHigherLimit
    ? Math.max(
        config.threads.threadLimit,
        config.remediationParameters.testedThreadLimit ?? 2 * config.threads.threadLimit,
      )
    : config.threads.threadLimit;

/** K5/R5: threads per peer: none when frontends take the shard map from the cache fleet (R5). */
export const threadsPerPeerInForce = (config: Config): number =>
  config.remediations.cacheOnDedicatedFleet ? 0 : config.threads.threadsPerPeer;

/** K5/K7: whether a frontend in a group of `group` servers needs more threads than the OS limit. */
export const groupOverLimit = (config: Config, group: number): boolean =>
  config.threads.baseThreads + threadsPerPeerInForce(config) * Math.max(0, group - 1) > limitInForce(config);

/**
 * K8's fleet: the smallest group of servers in which a frontend needs more threads than the limit in force,
 * `⌊(limit − base) / perPeer⌋ + 2` (a group of g needs base + perPeer × (g − 1)); +∞ under R5, where no group
 * does (the decoder keeps base ≤ limit). R3 raises it: as-was's 9 becomes 12 with the tested limit of 14.
 */
export const k8GroupSize = (config: Config): number => {
  const perPeer = threadsPerPeerInForce(config);
  const room = limitInForce(config) - config.threads.baseThreads;
  if (perPeer === 0) return room >= 0 ? Number.POSITIVE_INFINITY : 1;
  return Math.floor(room / perPeer) + 2;
};

/** The initial fleet already has a group over the limit (docs/prove.md: the preflight guard's side condition fails). */
export const initialFleetOver = (config: Config): boolean =>
  groupOverLimit(config, largestGroup(config, config.fleet.initialSize));

/**
 * Some reachable fleet has a group over the limit. Without the guard the plan's largest fleet is reachable (one
 * addition of maxSize − initialSize); with it (seed 003) every addition that would put a group over is refused,
 * so only the initial fleet can be over.
 */
export const someGroupOver = (config: Config): boolean =>
  config.remediations.preflightGuard
    ? initialFleetOver(config)
    : groupOverLimit(config, largestGroup(config, config.fleet.maxSize));

const outcome = (violated: boolean): ExpectedOutcome => (violated ? "violated" : "holds");

/**
 * The most capacity units the fleet can reach: the plan's `maxSize`; with the preflight guard, the largest
 * `u ≤ maxSize` whose largest group fits the thread limit (groups only grow with units, so the guard stops the
 * growth at the first addition over it), or the initial fleet if that is larger.
 */
export const maxUnitsReachable = (config: Config): number => {
  if (!config.remediations.preflightGuard) return config.fleet.maxSize;
  let u = config.fleet.initialSize;
  while (u < config.fleet.maxSize && !groupOverLimit(config, largestGroup(config, u + 1))) u++;
  return u;
};

/**
 * R1's and R3's memory (properties/memoryBudget.ts): a live server in the largest reachable group holds threads
 * for its peers up to what the OS allows (K7: `k8GroupSize − 2` peers), plus its units of buffers: a larger
 * server's memory and `factor` units under R1, a 2020-size server's and one unit under R3 alone.
 */
const serverOverMemory = (config: Config): boolean => {
  const m = config.remediationLimits;
  if (m === undefined) return false;
  const r1 = config.remediations.largerServers;
  const memory = r1
    ? m.largerServerMemoryMiB
    : config.remediations.testedHigherLimit
      ? m.serverMemoryMiB
      : undefined;
  if (memory === undefined) return false;
  const units = r1 ? config.remediationParameters.largerServerFactor : 1;
  const group = Math.max(
    largestGroup(config, config.fleet.initialSize),
    largestGroup(config, maxUnitsReachable(config)),
  );
  const peers = Math.min(group - 1, k8GroupSize(config) - 2);
  return (
    (config.threads.baseThreads + threadsPerPeerInForce(config) * peers) * m.threadStackMiB +
      units * m.bufferMiBPerUnit >
    memory
  );
};

/**
 * R5's cache fleet (properties/cacheFleetWithinThreadLimit.ts): the largest reachable fleet, every frontend
 * live, needs base + perFrontend × servers threads of the cache fleet's servers × the limit in force.
 */
const cacheFleetOver = (config: Config): boolean => {
  const m = config.remediationLimits;
  if (
    !config.remediations.cacheOnDedicatedFleet ||
    m?.cacheFleetServers === undefined ||
    m.cacheThreadsPerFrontend === undefined
  )
    return false;
  const servers = serversForUnits(config, maxUnitsReachable(config));
  return (
    config.threads.baseThreads + m.cacheThreadsPerFrontend * servers >
    m.cacheFleetServers * limitInForce(config)
  );
};

/**
 * A frontend over the limit can be serving out of step with the membership: always without waitForCompleteMap
 * (it keeps serving whatever it built, K8); with it, a frontend of the initial fleet (it starts serving with a
 * complete map, K14/02:44), or one restarted that R8 gives a complete map without the peer threads.
 */
const overFrontendCanServeBehind = (config: Config): boolean =>
  someGroupOver(config) &&
  (!config.remediations.waitForCompleteMap ||
    config.remediations.bootstrapFromAuthoritative ||
    initialFleetOver(config));

// ---------------------------------------------------------------------------------------------------------
// the rules
// ---------------------------------------------------------------------------------------------------------

export const OUTCOME_RULES: ReadonlyArray<OutcomeRule> = [
  {
    invariant: "WellFormed",
    sentence:
      "Holds in every config: it says what the types cannot, and a violation means the model is wrong.",
    source: "properties/wellFormed.ts (TypeOK); K7: thread creation past the limit fails",
    expected: () => "holds",
  },
  {
    invariant: "ThreadBudget",
    sentence:
      "Violated iff a reachable group of g servers has base + perPeer × (g − 1) > limit: g the plan's largest fleet (⌈maxSize/factor⌉ with R1, at most cellSize with R7), or with the preflight guard the initial fleet's.",
    source:
      "K5, K7, R1, R7; docs/prove.md side conditions (CellsBoundThreads, GroupsWithinBudget) and their necessity witnesses",
    expected: (c) => outcome(someGroupOver(c)),
  },
  {
    invariant: "ServesOnlyWithCompleteMap",
    sentence:
      "Holds with waitForCompleteMap; otherwise violated iff a group can be over the limit, except with both R8 and the preflight guard: without R8 a frontend restarted in that group serves a useless map; with R8 a serving member learns a join it cannot open threads for (the group grows, or shrinks by one removal and grows back), which the guard refuses once any group is over.",
    source: "K5, K7, K8, K11, K12, R4 (waitForCompleteMap), R8; seed 003 (the preflight guard)",
    expected: (c) =>
      outcome(
        !c.remediations.waitForCompleteMap &&
          someGroupOver(c) &&
          !(c.remediations.bootstrapFromAuthoritative && c.remediations.preflightGuard),
      ),
  },
  {
    invariant: "RoutesToCurrentOwner",
    sentence:
      "Violated iff a shard can move (at least 2 back-end clusters) and stale entries are not checked (no waitForCompleteMap): a request right after the move goes to the former owner.",
    source: "K1, K2, K3, K4(c); R4 (check currency before routing)",
    expected: (c) => outcome(c.shards.backendClusters >= 2 && !c.remediations.waitForCompleteMap),
  },
  {
    invariant: "PeersLearnedWithin",
    sentence:
      "Violated iff a group can be over the limit and a frontend over it can serve (no waitForCompleteMap, or R8, or the initial fleet over): the OS refuses its threads, so it never catches up.",
    source: 'K5, K6 ("up to an hour"), K7, K8; R4, R8',
    expected: (c) => outcome(overFrontendCanServeBehind(c)),
  },
  {
    invariant: "ShardMovesAppliedWithin",
    sentence:
      "Violated iff a shard can move (at least 2 clusters) and a frontend over the limit can serve: without every peer's thread it never processes the move.",
    source: "K1, K4(c), K5, K7; deadline K6",
    expected: (c) => outcome(c.shards.backendClusters >= 2 && overFrontendCanServeBehind(c)),
  },
  {
    invariant: "MemoryBudget",
    sentence:
      "Violated iff the config models remediationLimits and, under R1 (a larger server of factor units) or else R3 with serverMemoryMiB (a 2020-size server of 1 unit), a server in the largest reachable group, holding threads for min(g − 1, ⌊(limit in force − base)/perPeer⌋) peers, needs threads × stack + units × buffer > its memory.",
    source: "R1, R3, K5, K7; seed 001 (other limits); properties/memoryBudget.ts",
    expected: (c) => outcome(serverOverMemory(c)),
  },
  {
    invariant: "MetadataStoreWithinCapacity",
    sentence:
      "Violated iff R8 is on, the config models remediationLimits, and the largest reachable fleet, in servers, exceeds the store's capacity: operators may restart every frontend before a tick passes.",
    source: "R8, K12, K13; seed 001 (other limits); properties/metadataStoreWithinCapacity.ts",
    expected: (c) =>
      outcome(
        c.remediations.bootstrapFromAuthoritative &&
          c.remediationLimits !== undefined &&
          serversForUnits(c, maxUnitsReachable(c)) > c.remediationLimits.metadataStoreBootstraps,
      ),
  },
  {
    invariant: "CacheFleetWithinThreadLimit",
    sentence:
      "Violated iff R5 is on, the config models its cache fleet, and the largest reachable fleet, in servers, needs base + perFrontend × servers threads > cache servers × the limit in force.",
    source: "R5, R3, K5, K7; seed 001 (other limits); properties/cacheFleetWithinThreadLimit.ts",
    expected: (c) => outcome(cacheFleetOver(c)),
  },
];

/** The rule for `invariant`. */
export const ruleFor = (invariant: InvariantName): OutcomeRule => {
  const rule = OUTCOME_RULES.find((r) => r.invariant === invariant);
  if (rule === undefined) throw new Error(`internal: no outcome rule for ${invariant}`);
  return rule;
};
