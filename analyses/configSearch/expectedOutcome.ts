// ---------------------------------------------------------------------------------------------------------
// analyses/configSearch: each invariant's expected outcome for ANY config, computed from the config's numbers
// alone (closed forms and the proofs' side conditions, docs/prove.md), never by running the model. The search
// over configs (configSearch.test.ts, bench/soak.ts) compares these with what exhaustive search finds: a
// mismatch is a wrong model, a wrong invariant or a wrong rule, and either way a reviewer must look.
//
// The closed form at the heart of every rule is K5/K7's: a frontend in a group of g servers needs
// `base + perPeer × (g − 1)` threads, the group being the fleet, or its
// cell under cellularization (R7), and the fleet counted in servers (R1: ⌈units / factor⌉).
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

/** K5/K7: whether a frontend in a group of `group` servers needs more threads than the OS limit. */
export const groupOverLimit = (config: Config, group: number): boolean =>
  config.threads.baseThreads + config.threads.threadsPerPeer * Math.max(0, group - 1) >
  config.threads.threadLimit;

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
 * R1's memory (properties/memoryBudget.ts): a live larger server in the largest reachable group holds threads
 * for its peers up to what the OS allows (K7: `⌊(limit − base)/perPeer⌋`), plus `factor` units of buffers.
 */
const largerServerOverMemory = (config: Config): boolean => {
  const { baseThreads, threadsPerPeer, threadLimit } = config.threads;
  const m = config.remediationLimits;
  if (!config.remediations.largerServers || m === undefined) return false;
  const group = Math.max(
    largestGroup(config, config.fleet.initialSize),
    largestGroup(config, maxUnitsReachable(config)),
  );
  const peers = Math.min(group - 1, Math.floor((threadLimit - baseThreads) / threadsPerPeer));
  return (
    (baseThreads + threadsPerPeer * peers) * m.threadStackMiB +
      config.remediationParameters.largerServerFactor * m.bufferMiBPerUnit >
    m.largerServerMemoryMiB
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
      "Violated iff R1 is on, the config models remediationLimits, and a larger server in the largest reachable group, holding threads for min(g − 1, ⌊(limit − base)/perPeer⌋) peers, needs threads × stack + factor × buffer > its memory.",
    source: "R1, K5, K7; seed 001 (other limits); properties/memoryBudget.ts",
    expected: (c) => outcome(largerServerOverMemory(c)),
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
];

/** The rule for `invariant`. */
export const ruleFor = (invariant: InvariantName): OutcomeRule => {
  const rule = OUTCOME_RULES.find((r) => r.invariant === invariant);
  if (rule === undefined) throw new Error(`internal: no outcome rule for ${invariant}`);
  return rule;
};
