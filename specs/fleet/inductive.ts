// ---------------------------------------------------------------------------------------------------------
// checker/verify: inductive invariant checks. A predicate P is inductive when it holds initially and, from
// EVERY state satisfying P (reachable or not), every operation leads to a state satisfying P. Then P holds in
// every reachable state for any trace length, with no bound on exploration. The states are drawn from a finite
// domain of type-correct states (every field within its range, connectedPeers ≤ knownPeers): enumerated
// exhaustively for fleets up to the size the budget allows, and sampled with fast-check for larger fleets up to
// the config's largest. The report says which was done. A failure is a counterexample to induction (CTI): a
// state satisfying P and an operation whose result does not. Finding none is evidence, not a proof: only the
// states tried were checked (specs/fleet/prove/ proves with Z3 for every fleet size and parameter value).
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import type { Config } from "../../model/config.ts";
import { opLabel } from "../../model/opLabel.ts";
import type { Op } from "../../model/ops.ts";
import {
  type Frontend,
  type FrontendStatus,
  initialState,
  type ShardMapStatus,
  type State,
} from "../../model/state.ts";
import { step } from "../../model/step.ts";
import { candidateOps } from "./enabledOps.ts";
import { largestFleet, orderInsensitive } from "./stateKey.ts";

/** A predicate to check for inductiveness, with its name for the report. */
export interface Candidate {
  readonly name: string;
  readonly holds: (config: Config, state: State) => boolean;
}

/** A counterexample to induction: `state` satisfies the candidate, `op` leads out of it. */
export interface Cti {
  readonly state: State;
  readonly op: Op;
  readonly label: string;
  readonly after: State;
}

export type InductiveResult =
  | {
      readonly status: "inductive";
      /** States of the domain that satisfy the candidate, exhaustively enumerated (fleets of ≤ exhaustiveFleet). */
      readonly exhaustiveStates: number;
      readonly exhaustiveFleet: number;
      /** Sampled states satisfying the candidate (fleets up to sampledFleet), and the samples drawn. */
      readonly sampledStates: number;
      readonly samples: number;
      readonly sampledFleet: number;
      readonly transitions: number;
    }
  | { readonly status: "not-initial"; readonly state: State }
  | { readonly status: "not-inductive"; readonly how: "exhaustive" | "sampled"; readonly cti: Cti };

export interface InductiveOptions {
  /** Enumerate exhaustively the largest fleets whose domain has at most this many states. */
  readonly maxEnumerate: number;
  /** fast-check samples over fleets up to the config's largest. */
  readonly samples: number;
  readonly seed: number;
}

// ---------------------------------------------------------------------------------------------------------
// the domain
// ---------------------------------------------------------------------------------------------------------

const STATUSES: ReadonlyArray<FrontendStatus> = ["serving", "bootstrapping", "stopped"];
const MAPS: ReadonlyArray<ShardMapStatus> = ["complete", "building", "useless"];
const upTo = (n: number): ReadonlyArray<number> => Array.from({ length: n + 1 }, (_, i) => i);

/** The ranges of every field, from the config: what "type-correct" means here. */
export interface Domain {
  /** The most frontends in a state (the config's largest fleet). */
  readonly maxFleet: number;
  readonly cells: number;
  readonly maxCellSize: number;
  readonly maxPeers: number;
  readonly maxStale: number;
  readonly maxBehind: number;
  readonly maxBootstrap: number;
  readonly maxUnits: number;
}

export const domainOf = (config: Config): Domain => {
  const maxFleet = largestFleet(config);
  return {
    maxFleet,
    cells: config.remediations.cellularization
      ? Math.max(1, Math.ceil(maxFleet / config.remediationParameters.cellSize))
      : 1,
    maxCellSize: maxFleet,
    maxPeers: Math.max(0, maxFleet - 1),
    maxStale: 2 ** config.shards.shardCount - 1,
    maxBehind: config.membership.propagationDelayTicks + 1,
    maxBootstrap: config.coldStart.bootstrapTicks,
    maxUnits: config.fleet.maxSize,
  };
};

/**
 * The clock of every domain state. A frontend's lag is derived from the clock and its stamp (`behindFor` in
 * model/state.ts), so the domain ranges over lags and builds the stamp that gives each one at this tick.
 */
const DOMAIN_TICK = 0;
const stampFor = (lag: number): number => DOMAIN_TICK - lag;

/** Every type-correct frontend of the domain (id 0; ids are names only). */
const frontendsOf = (d: Domain): ReadonlyArray<Frontend> =>
  STATUSES.flatMap((status) =>
    MAPS.flatMap((map) =>
      upTo(d.cells - 1).flatMap((cell) =>
        upTo(d.maxPeers).flatMap((knownPeers) =>
          upTo(knownPeers).flatMap((connectedPeers) =>
            upTo(d.maxStale).flatMap((staleShards) =>
              upTo(d.maxBehind).flatMap((behindFor) =>
                upTo(d.maxBootstrap).map(
                  (bootstrapLeft): Frontend => ({
                    id: 0,
                    status,
                    cell,
                    knownPeers,
                    connectedPeers,
                    map,
                    staleShards,
                    behindSince: stampFor(behindFor),
                    bootstrapLeft,
                  }),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );

/** Every vector of `length` numbers in 0..max. */
const vectors = (length: number, max: number): ReadonlyArray<ReadonlyArray<number>> =>
  length === 0 ? [[]] : vectors(length - 1, max).flatMap((v) => upTo(max).map((x) => [...v, x]));

/** How many type-correct frontends the domain holds (the length of `frontendsOf`, without building it). */
const frontendCount = (d: Domain): number =>
  STATUSES.length *
  MAPS.length *
  d.cells *
  (((d.maxPeers + 1) * (d.maxPeers + 2)) / 2) *
  (d.maxStale + 1) *
  (d.maxBehind + 1) *
  (d.maxBootstrap + 1);

const binomial = (n: number, k: number): number =>
  k === 0 ? 1 : Array.from({ length: k }, (_, i) => (n - i) / (i + 1)).reduce((a, b) => a * b, 1);

/** States in the domain with at most `fleet` frontends (as sequences, or multisets when order is irrelevant). */
const domainSize = (config: Config, d: Domain, perFrontend: number, fleet: number): number => {
  const fleets = upTo(fleet).reduce(
    (n, k) => n + (orderInsensitive(config) ? binomial(perFrontend + k - 1, k) : perFrontend ** k),
    0,
  );
  return fleets * (d.maxCellSize + 1) ** d.cells * (d.maxUnits + 1) * 2;
};

/** Visits every fleet of ≤ `fleet` frontends from `all` (non-decreasing index order when order is irrelevant). */
const eachFleet = (
  all: ReadonlyArray<Frontend>,
  fleet: number,
  multiset: boolean,
  visit: (fs: ReadonlyArray<Frontend>) => void,
): void => {
  const go = (prefix: ReadonlyArray<Frontend>, from: number): void => {
    visit(prefix);
    if (prefix.length === fleet) return;
    for (let i = multiset ? from : 0; i < all.length; i++)
      go([...prefix, { ...(all[i] as Frontend), id: prefix.length }], i);
  };
  go([], 0);
};

const stateOf = (
  frontends: ReadonlyArray<Frontend>,
  cellSizes: ReadonlyArray<number>,
  capacityUnits: number,
  misrouted: number,
  config: Config,
): State => ({
  frontends,
  cellSizes,
  nextId: frontends.length,
  capacityUnits,
  owners: Array.from({ length: config.shards.shardCount }, () => 0),
  tick: DOMAIN_TICK,
  requests: { succeeded: 0, failed: misrouted, misrouted },
  sinceMoved: initialState(config).sinceMoved,
  lastRequest: null,
});

// ---------------------------------------------------------------------------------------------------------
// consecution from one state
// ---------------------------------------------------------------------------------------------------------

/** The first operation that leads from `state` (which satisfies the candidate) out of the candidate. */
const firstEscape = (config: Config, c: Candidate, state: State): { cti?: Cti; transitions: number } => {
  let transitions = 0;
  for (const op of candidateOps(config, state)) {
    const r = step(config, state, op);
    if (E.isLeft(r)) continue;
    transitions += 1;
    if (!c.holds(config, r.right))
      return { cti: { state, op, label: opLabel(config, state, op), after: r.right }, transitions };
  }
  return { transitions };
};

// ---------------------------------------------------------------------------------------------------------
// sampling
// ---------------------------------------------------------------------------------------------------------

const frontendArb = (d: Domain): fc.Arbitrary<Frontend> =>
  fc
    .record({
      status: fc.constantFrom(...STATUSES),
      map: fc.constantFrom(...MAPS),
      cell: fc.nat({ max: d.cells - 1 }),
      knownPeers: fc.nat({ max: d.maxPeers }),
      connectedRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      staleShards: fc.nat({ max: d.maxStale }),
      behindFor: fc.nat({ max: d.maxBehind }),
      bootstrapLeft: fc.nat({ max: d.maxBootstrap }),
    })
    .map(({ connectedRatio, behindFor, ...f }) => ({
      id: 0,
      ...f,
      behindSince: stampFor(behindFor),
      connectedPeers: Math.floor(connectedRatio * f.knownPeers),
    }));

/** Random type-correct states; half of them with cell sizes that count the members (so more satisfy a candidate). */
export const stateArb = (config: Config, d: Domain): fc.Arbitrary<State> =>
  fc
    .record({
      frontends: fc.array(frontendArb(d), { maxLength: d.maxFleet }),
      freeSizes: fc.array(fc.nat({ max: d.maxCellSize }), { minLength: d.cells, maxLength: d.cells }),
      counted: fc.boolean(),
      units: fc.nat({ max: d.maxUnits }),
      misrouted: fc.nat({ max: 1 }),
    })
    .map(({ frontends, freeSizes, counted, units, misrouted }) => {
      const fs = frontends.map((f, id) => ({ ...f, id }));
      const sizes = counted ? freeSizes.map((_, c) => fs.filter((f) => f.cell === c).length) : freeSizes;
      return stateOf(fs, sizes, units, misrouted, config);
    });

// ---------------------------------------------------------------------------------------------------------
// the check
// ---------------------------------------------------------------------------------------------------------

/** Checks initiation, then consecution exhaustively on small fleets and by sampling on larger ones. */
export const checkInductive = (config: Config, c: Candidate, options: InductiveOptions): InductiveResult => {
  const start = initialState(config);
  if (!c.holds(config, start)) return { status: "not-initial", state: start };
  const d = domainOf(config);
  const perFrontend = frontendCount(d);
  const multiset = orderInsensitive(config);
  let fleet = 0;
  while (fleet < d.maxFleet && domainSize(config, d, perFrontend, fleet + 1) <= options.maxEnumerate)
    fleet += 1;
  const all = fleet === 0 ? [] : frontendsOf(d);

  let exhaustiveStates = 0;
  let transitions = 0;
  let cti: Cti | undefined;
  const sizeVectors = vectors(d.cells, d.maxCellSize);
  eachFleet(all, fleet, multiset, (frontends) => {
    if (cti !== undefined) return;
    for (const sizes of sizeVectors)
      for (const units of upTo(d.maxUnits))
        for (const misrouted of [0, 1]) {
          if (cti !== undefined) return;
          const s = stateOf(frontends, sizes, units, misrouted, config);
          if (!c.holds(config, s)) continue;
          exhaustiveStates += 1;
          const e = firstEscape(config, c, s);
          transitions += e.transitions;
          cti = e.cti;
        }
  });
  if (cti !== undefined) return { status: "not-inductive", how: "exhaustive", cti };

  let sampledStates = 0;
  let sampledCti: Cti | undefined;
  const details = fc.check(
    fc.property(stateArb(config, d), (s) => {
      if (!c.holds(config, s)) return true;
      sampledStates += 1;
      const e = firstEscape(config, c, s);
      transitions += e.transitions;
      return e.cti === undefined;
    }),
    { seed: options.seed, numRuns: options.samples },
  );
  if (details.failed && details.counterexample !== null) {
    sampledCti = firstEscape(config, c, details.counterexample[0]).cti;
    if (sampledCti !== undefined) return { status: "not-inductive", how: "sampled", cti: sampledCti };
  }
  return {
    status: "inductive",
    exhaustiveStates,
    exhaustiveFleet: fleet,
    sampledStates,
    samples: options.samples,
    sampledFleet: d.maxFleet,
    transitions,
  };
};
