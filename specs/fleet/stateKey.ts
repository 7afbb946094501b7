// ---------------------------------------------------------------------------------------------------------
// checker/verify: the canonical key of a state, the visited-set entry of breadth-first search.
//
// Two states get the same key only when they have the same future for every invariant: the same operations are
// enabled, they lead to states with the same keys, and every invariant gives the same verdict. So the key keeps
// what the next-state relation and the invariants read, and abstracts the rest:
//
//   - `tick` is dropped: no operation's guard or update reads the clock but through each frontend's lag,
//     `behindFor` (model/state.ts: derived from the clock and the frontend's stamp `behindSince`, capped), which
//     is kept instead of the stamp, as `bootstrapLeft` is (both bounded). A stamp means nothing while a
//     frontend is in step, and past the cap only the cap matters, so states whose stamps differ but whose
//     lags agree have the same future;
//   - request counts are unbounded but only `misrouted > 0` is read (RoutesToCurrentOwner); `succeeded` and
//     `failed` are read by nothing, and WellFormed's `misrouted ≤ failed` holds on every reachable state;
//   - `lastRequest` is read by no operation (the next step clears it) and by RoutesToCurrentOwner only as
//     "counted succeeded through a stale entry": that bit is kept. WellFormed's LastRequestCounted and
//     RoutesOnlyThroughServing read the rest of it and the counts, and hold on every reachable state (the
//     model counts a request only in `requestRouted`, through a serving member, by the outcome it records), so
//     they are argued like `misrouted ≤ failed`. Against an edited model the search may therefore miss their
//     violations (docs/trust.md, the planted bug bootstrappingFrontendRoutes); the random search does not;
//   - `sinceMoved` (each shard's move age, bounded) is kept for the shards some frontend still holds stale, and
//     set to the cap for the others: only ShardMovesAppliedWithin reads it, and only for stale entries, and an
//     entry goes stale only by a move of its shard, which resets the age;
//   - shard `owners` are dropped: which cluster owns a shard is read by nothing (K1 staleness is the per-frontend
//     `staleShards` bit, which is kept);
//   - frontend `id`s and `nextId` are dropped: names are for labels only. With ids gone, identical frontends are
//     interchangeable (symmetry reduction);
//   - when the model is order-insensitive (every bootstrapping frontend progresses each tick:
//     `maxConcurrentBootstraps` ≥ the largest fleet), frontends are also sorted, so permutations of one fleet
//     share a key. With fewer concurrent bootstraps, `clock/tick` advances the *first* bootstrapping frontends
//     in fleet order (K11/K15 in clock.ts), so order matters and is kept: sorting would merge states whose
//     futures differ.
//
// Encoding: one character per number (char code = value + 32) when every number is below 224, which keeps the
// key a one-byte string of about 8 bytes per frontend; otherwise a comma-separated fallback.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../model/config.ts";
import { behindFor } from "../../model/lag.ts";
import type { Frontend, FrontendStatus, ShardMapStatus, State } from "../../model/state.ts";
import { moveAgeCap, serversFor } from "../../model/state.ts";
import { succeededThroughStaleEntry } from "../../properties/routesToCurrentOwner.ts";

const STATUS: { readonly [K in FrontendStatus]: number } = { serving: 0, bootstrapping: 1, stopped: 2 };
const MAP: { readonly [K in ShardMapStatus]: number } = { complete: 0, building: 1, useless: 2 };

/**
 * Fields of the state and of a frontend that the key does not encode as numbers. Anything else a later model
 * adds (dependent services) is kept whole as JSON, so the key stays sound (never merges states that differ)
 * until someone decides what of it can be abstracted.
 */
const ENCODED_STATE_FIELDS = new Set([
  "frontends",
  "cellSizes",
  "nextId",
  "capacityUnits",
  "owners",
  "tick",
  "requests",
  "sinceMoved",
  "lastRequest",
]);
const ENCODED_FRONTEND_FIELDS = new Set([
  "id",
  "status",
  "map",
  "cell",
  "knownPeers",
  "connectedPeers",
  "staleShards",
  "behindSince",
  "bootstrapLeft",
]);
const ENCODED_REQUEST_FIELDS = new Set(["succeeded", "failed", "misrouted"]);

/** JSON of the fields of `o` outside `known`, or "" when there are none. */
const rest = (o: object, known: ReadonlySet<string>): string => {
  const extra = Object.entries(o).filter(([k]) => !known.has(k));
  return extra.length === 0 ? "" : JSON.stringify(extra);
};

/** The numbers of one frontend that matter, in a fixed order (everything but its id; its lag, not its stamp). */
const frontendNumbers = (config: Config, state: State, f: Frontend): ReadonlyArray<number> => [
  STATUS[f.status],
  MAP[f.map],
  f.cell,
  f.knownPeers,
  f.connectedPeers,
  f.staleShards,
  behindFor(config, state, f),
  f.bootstrapLeft,
];

const fitsOneByte = (ns: ReadonlyArray<number>): boolean => ns.every((n) => n >= 0 && n < 224);

/** One char per number (fixed width, so no separators are needed), or the comma fallback. */
const encode = (ns: ReadonlyArray<number>, compact: boolean): string =>
  compact ? String.fromCharCode(...ns.map((n) => n + 32)) : `${ns.join(",")};`;

/**
 * Each shard's move age as the key keeps it: the age for a shard some frontend holds stale, the cap for the
 * others (see the header). `heldStale` is the union of the frontends' `staleShards`.
 */
export const keptMoveAge = (config: Config, state: State, heldStale: number, s: number): number =>
  (heldStale & (1 << s)) !== 0 ? (state.sinceMoved[s] as number) : moveAgeCap(config);

/** The most frontends the fleet can hold within the capacity plan (units, or larger servers under R1). */
export const largestFleet = (config: Config): number =>
  Math.max(serversFor(config, config.fleet.maxSize), serversFor(config, config.fleet.initialSize));

/** Whether frontend order is irrelevant to every operation in this config (see the header). */
export const orderInsensitive = (config: Config): boolean =>
  config.coldStart.maxConcurrentBootstraps >= largestFleet(config);

/** A key function for `config`: equal keys mean equal futures (see the header). */
export const stateKeyFor = (config: Config): ((state: State) => string) =>
  stateKeySorting(config, orderInsensitive(config));

/**
 * The key with the fleet sorted (`sort`: permutations of one fleet share a key, the symmetry reduction) or kept
 * in fleet order. Exported for the test that holds the reduction sound (symmetry.test.ts): the ordered key is
 * the search without it.
 */
export const stateKeySorting =
  (config: Config, sort: boolean): ((state: State) => string) =>
  (state) => {
    const heldStale = state.frontends.reduce((m, f) => m | f.staleShards, 0);
    const globals = [
      state.capacityUnits,
      state.requests.misrouted > 0 ? 1 : 0,
      succeededThroughStaleEntry(state) ? 1 : 0,
      state.cellSizes.length,
      ...state.cellSizes,
      ...state.sinceMoved.map((_, s) => keptMoveAge(config, state, heldStale, s)),
    ];
    const numbers = state.frontends.map((f) => frontendNumbers(config, state, f));
    const extras = state.frontends.map((f) => rest(f, ENCODED_FRONTEND_FIELDS));
    const compact = fitsOneByte(globals) && numbers.every(fitsOneByte) && extras.every((x) => x === "");
    const fronts = numbers.map((ns, i) => `${encode(ns, compact)}${extras[i] ?? ""}`);
    if (sort) fronts.sort();
    const extraGlobals = `${rest(state, ENCODED_STATE_FIELDS)}${rest(state.requests, ENCODED_REQUEST_FIELDS)}`;
    return `${encode(globals, compact)}${fronts.join(compact ? "" : "|")}${extraGlobals === "" ? "" : `#${extraGlobals}`}`;
  };
