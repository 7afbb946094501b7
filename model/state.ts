// ---------------------------------------------------------------------------------------------------------
// model: the state of the Kinesis front-end fleet (domain.md §(b), "Kinesis core"). One readonly record,
// JSON-serialisable, every field with its meaning and source (style habit 3).
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { maxPeerThreads } from "./threadFormula.ts";

/**
 * K8/K11 status of one frontend. `serving` takes requests; `bootstrapping` is building its shard-map after a
 * start or restart and takes none; `stopped` has crashed and neither serves nor processes peer messages.
 */
export type FrontendStatus = "serving" | "bootstrapping" | "stopped";

/**
 * K3/K8 state of a frontend's cached shard-map. `building` while bootstrapping; `complete` once construction
 * finished with every input; `useless` when construction could not complete (thread creation failed), the
 * word AWS used ([AWS-v] 09:39). Per-shard staleness is tracked separately in `staleShards`.
 */
export type ShardMapStatus = "complete" | "building" | "useless";

export interface Frontend {
  /** Stable name: printed as `frontend-<id>`. */
  readonly id: number;
  /** K8/K11: whether it takes traffic. */
  readonly status: FrontendStatus;
  /** R7: the cell it belongs to; its peers are the other members of the cell (one cell when not cellularized). */
  readonly cell: number;
  /** K6: how many peers its own view of the membership holds. Lags the membership service: learned over time. */
  readonly knownPeers: number;
  /** K5/K7: peers it holds threads for. Below `knownPeers` when creating a thread failed at the OS limit. */
  readonly connectedPeers: number;
  /** K3/K8: its shard-map. */
  readonly map: ShardMapStatus;
  /** K4(c): bit s set when shard s moved and this frontend has not yet processed the change (a stale entry). */
  readonly staleShards: number;
  /**
   * K6 fairness: the clock (`State.tick`) when its peer connections last stopped matching the membership.
   * Meaningful only while they do not match. How long it has lagged is derived from it (`behindFor` below),
   * so time passing rebuilds no record to age a lag (docs/performance.md).
   */
  readonly behindSince: number;
  /** K11: ticks of shard-map construction left while bootstrapping (0 otherwise). */
  readonly bootstrapLeft: number;
}

/** K2: what happened to the requests routed so far. */
export interface RequestCounts {
  readonly succeeded: number;
  readonly failed: number;
  /** Requests sent to a shard's former owner because the frontend's map entry was stale. */
  readonly misrouted: number;
}

/**
 * K2: the request the step that produced a state routed, and what became of it. Recorded so that
 * RoutesToCurrentOwner can check the outcome against the frontend's map (K3: a frontend routes by its own
 * cached map, so a request through a stale entry cannot have reached the current owner) instead of trusting
 * the model's own count of misroutes.
 */
export interface RoutedRequest {
  /** The frontend's id (not its position, which shifts when the fleet changes). */
  readonly frontend: number;
  /** The shard the request was for (already reduced modulo the shard count). */
  readonly shard: number;
  /** Delivered to the current owner, failed (no complete map, or a stale entry caught), or misrouted. */
  readonly outcome: "succeeded" | "failed" | "misrouted";
}

export interface State {
  /** K6: the authoritative membership service's list; array order is join order. */
  readonly frontends: ReadonlyArray<Frontend>;
  /** R7: members per cell, kept so a frontend's peer count is O(1), not a scan of the fleet. */
  readonly cellSizes: ReadonlyArray<number>;
  /** Id the next added frontend gets. */
  readonly nextId: number;
  /** K16/R1: the fleet's capacity in 2020-size servers; larger servers hold several units each. */
  readonly capacityUnits: number;
  /** K1: the back-end cluster that owns each shard now. The back-end itself stays healthy. */
  readonly owners: ReadonlyArray<number>;
  /** Ticks elapsed since the start of the trace (time is the `clock/tick` operation). */
  readonly tick: number;
  /** K2: request outcomes. */
  readonly requests: RequestCounts;
  /**
   * K1/K4(c): ticks since each shard last moved to another cluster, capped one past the propagation delay
   * (enough to show a violation of ShardMovesAppliedWithin, as `behindFor` is for PeersLearnedWithin). Starts
   * at the cap: before the trace no move is pending.
   */
  readonly sinceMoved: ReadonlyArray<number>;
  /**
   * K2: the request routed by the step that produced this state; `null` after any other step (stateWith
   * clears it unless the step sets it), so it never outlives the step that it describes.
   */
  readonly lastRequest: RoutedRequest | null;
}

// ---------------------------------------------------------------------------------------------------------
// derived quantities
// ---------------------------------------------------------------------------------------------------------

/** R1: servers needed for `units` of 2020-size capacity. */
export const serversFor = (config: Config, units: number): number =>
  config.remediations.largerServers
    ? Math.ceil(units / config.remediationParameters.largerServerFactor)
    : units;

/** K5/R7: how many peers the membership service says this frontend has (its cell, less itself). */
export const actualPeers = (state: State, f: Frontend): number => (state.cellSizes[f.cell] ?? 1) - 1;

/**
 * `f` with `changes` applied: a fresh record. Every Frontend is built by this one object literal (or the
 * literals in `initialState` and `capacityAdded`, with the same fields in the same order), so V8 gives them
 * all one hidden class; records made by `{ ...f, x }` at a dozen sites got a dozen, and every scan of the
 * fleet (the invariants, `tick`) slowed down several times as its property reads went megamorphic
 * (docs/performance.md). Adding a field to Frontend makes this fail to compile until it is listed here.
 */
export const frontendWith = (f: Frontend, changes: Partial<Frontend>): Frontend => ({
  id: changes.id ?? f.id,
  status: changes.status ?? f.status,
  cell: changes.cell ?? f.cell,
  knownPeers: changes.knownPeers ?? f.knownPeers,
  connectedPeers: changes.connectedPeers ?? f.connectedPeers,
  map: changes.map ?? f.map,
  staleShards: changes.staleShards ?? f.staleShards,
  behindSince: changes.behindSince ?? f.behindSince,
  bootstrapLeft: changes.bootstrapLeft ?? f.bootstrapLeft,
});

/**
 * `state` with `changes` applied: a fresh record built by one object literal (with the fields in the order of
 * `initialState`'s), for the reason given at `frontendWith`: `{ ...state, x }` at each operation gave the
 * State records some thirty hidden classes, and every `state.frontends` read went megamorphic.
 */
export const stateWith = (state: State, changes: Partial<State>): State => ({
  frontends: changes.frontends ?? state.frontends,
  cellSizes: changes.cellSizes ?? state.cellSizes,
  nextId: changes.nextId ?? state.nextId,
  capacityUnits: changes.capacityUnits ?? state.capacityUnits,
  owners: changes.owners ?? state.owners,
  tick: changes.tick ?? state.tick,
  requests: changes.requests ?? state.requests,
  sinceMoved: changes.sinceMoved ?? state.sinceMoved,
  // Not carried over: a step that routes no request leaves none behind (see State.lastRequest).
  lastRequest: changes.lastRequest ?? null,
});

/** Name used in traces (style habit 15: resolved names, not raw indices). */
export const frontendName = (f: Frontend): string => `frontend-${f.id}`;

// ---------------------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------------------

/** The cell a new member joins: the first cell with room, or a new one (R7); a single cell otherwise. */
export const cellForNewMember = (config: Config, cellSizes: ReadonlyArray<number>): number => {
  if (!config.remediations.cellularization) return 0;
  const open = cellSizes.findIndex((n) => n < config.remediationParameters.cellSize);
  return open === -1 ? cellSizes.length : open;
};

/**
 * Places `count` new members into cells one after another (R7), returning each one's cell and the new cell
 * sizes; `cellSizes` is not changed. The two arrays are fresh and filled in place before they are returned,
 * so placing n members costs O(n · cells), not the O(n²) of copying them once per member.
 */
export const placeMembers = (
  config: Config,
  cellSizes: ReadonlyArray<number>,
  count: number,
): { readonly cells: ReadonlyArray<number>; readonly sizes: ReadonlyArray<number> } => {
  const sizes = [...cellSizes];
  const cells: number[] = [];
  for (let i = 0; i < count; i++) {
    const cell = cellForNewMember(config, sizes);
    cells.push(cell);
    sizes[cell] = (sizes[cell] ?? 0) + 1;
  }
  return { cells, sizes };
};

/**
 * The steady state before the trigger: every frontend serving with a complete map and a thread for each peer
 * (02:44 on 25 Nov, before the addition began). Shards are spread round-robin over the back-end clusters.
 */
export const initialState = (config: Config): State => {
  const servers = serversFor(config, config.fleet.initialSize);
  const placed = placeMembers(config, [], servers);
  const frontends = placed.cells.map((cell, id): Frontend => {
    const peers = (placed.sizes[cell] ?? 1) - 1;
    return {
      id,
      status: "serving",
      cell,
      knownPeers: peers,
      connectedPeers: Math.min(peers, maxPeerThreads(config)),
      map: "complete",
      staleShards: 0,
      // In step with the membership: the stamp means nothing until it falls behind.
      behindSince: 0,
      bootstrapLeft: 0,
    };
  });
  return {
    frontends,
    cellSizes: placed.sizes,
    nextId: servers,
    capacityUnits: config.fleet.initialSize,
    owners: Array.from({ length: config.shards.shardCount }, (_, s) => s % config.shards.backendClusters),
    tick: 0,
    requests: { succeeded: 0, failed: 0, misrouted: 0 },
    sinceMoved: Array.from({ length: config.shards.shardCount }, () => moveAgeCap(config)),
    lastRequest: null,
  };
};

/** K1/K4(c): where a shard's move age stops counting: one past the propagation delay. */
export const moveAgeCap = (config: Config): number => config.membership.propagationDelayTicks + 1;

// ---------------------------------------------------------------------------------------------------------
// selection and update helpers (the equivalent of TLA+'s named sub-actions)
// ---------------------------------------------------------------------------------------------------------

/** The frontend an operation's position `n` names: `n` modulo the fleet size (style habit 16). */
export const positionOf = (state: State, n: number): number =>
  state.frontends.length === 0
    ? -1
    : ((n % state.frontends.length) + state.frontends.length) % state.frontends.length;

/**
 * The state with the frontend at `index` replaced (one array copy; the other records are shared). The copy is
 * a fresh array written once before it is returned (local mutation of an array nobody else holds yet), not
 * `state.frontends.with(index, f)`, which builds the same array but, on Node 20 in the simulation at 1,000
 * frontends, made the single-frontend operations cost some 15–20 µs each: replacing it alone raised the
 * model's rate there from about 57,000 to about 80,000 steps per CPU second (docs/performance.md). In a
 * micro-benchmark on one array `with` is as fast as a slice; why it is not in the simulation is unexplained.
 */
export const withFrontendAt = (state: State, index: number, f: Frontend): State => {
  const frontends = state.frontends.slice();
  frontends[index] = f;
  return stateWith(state, { frontends });
};

/**
 * `frontendWith(f, { staleShards, behindSince })` for the updates that touch many records at once (`tick`
 * clears applied shard moves; `shardMoved` marks every live map stale; `capacityAdded` and `frontendRemoved`
 * stamp the members that fall behind). The same
 * record, built by the same literal, but reading no `changes` object: `frontendWith` is called with a dozen
 * shapes of `changes`, so its reads of them are megamorphic (about 60 ns a record against 5–15 ns here in a
 * micro-benchmark; ×1.8 on a `tick` at 1,000 frontends, docs/performance.md). Must list every field, as
 * `frontendWith` does.
 */
export const frontendWithCounters = (f: Frontend, staleShards: number, behindSince: number): Frontend => ({
  id: f.id,
  status: f.status,
  cell: f.cell,
  knownPeers: f.knownPeers,
  connectedPeers: f.connectedPeers,
  map: f.map,
  staleShards,
  behindSince,
  bootstrapLeft: f.bootstrapLeft,
});
