// ---------------------------------------------------------------------------------------------------------
// model: load, capacity and goodput of the front-end fleet (domain.md K2, K11, K15, R7; §(d) MP8, MP10), a
// pure function of the core state and the `load` parameters (model/dependents/config.ts), so the core model
// is unchanged.
//
// Clients offer L requests a tick; the load balancer spreads a cell's share of them evenly over the frontends
// of that cell that are serving (with whatever map they hold: one with a useless map takes its share and fails
// it fast, K8). A frontend serving with a complete map can handle c requests a tick (c × largerServerFactor for
// R1's larger servers), less the work its peers' shard-map fills take from it: K11, "the resources within a
// front-end server that are used to populate the shard-map compete with the resources that are used to process
// incoming requests". A new map is filled from every peer's messages (K4(c)), so each of the B bootstrapping
// frontends of a cell takes β of every serving peer's capacity: capacity c·(1 − β·B). Goodput, the requests
// delivered per tick, is what the serving frontends with complete maps get of the load, up to that capacity.
// (Stale map entries are RoutesToCurrentOwner's subject and do not enter goodput: the dependents see a frontend's
// status and map only, specs/system/key.ts.)
//
// The sustaining loop of K11: when the requests sent to a frontend exceed what it can serve, it is slow, the
// health check judges it unhealthy and restarts it (model/system.ts `frontendJudgedUnhealthy`), so it too
// bootstraps, which takes more capacity from the rest. The safe restart pace (`safeConcurrentBootstraps`) is the
// most frontends that may bootstrap at once without any serving frontend being slow.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import type { LoadConfig } from "./dependents/config.ts";
import { type Frontend, type State, serversFor } from "./state.ts";

/** A config with a load section (every SystemConfig is one). */
export type LoadedConfig = Config & { readonly dependents: { readonly load: LoadConfig } };

/** Comparisons of derived real numbers allow this much rounding (all inputs are integers). */
const EPSILON = 1e-9;

// ---------------------------------------------------------------------------------------------------------
// per cell
// ---------------------------------------------------------------------------------------------------------

/**
 * R7: the cells the streams live in: those of the fleet the config starts with (cells fill in order, state.ts
 * `placeMembers`). A cell opened by a later addition takes no streams until operators move some to it, which this
 * model does not do, so it is offered nothing.
 */
export const loadedCells = (config: LoadedConfig): number =>
  config.remediations.cellularization
    ? Math.max(
        1,
        Math.ceil(serversFor(config, config.fleet.initialSize) / config.remediationParameters.cellSize),
      )
    : 1;

/** R7: the share (0..1) of the offered load that goes to cell `cell` of the `cells` that take streams. */
export const cellLoadShare = (config: LoadedConfig, cell: number, cells: number): number => {
  if (cell >= cells) return 0;
  if (cells <= 1) return 1;
  const first = Math.min(100, config.dependents.load.firstCellLoadPercent) / 100;
  return cell === 0 ? first : (1 - first) / (cells - 1);
};

/** What one cell does this tick: frontends by role, and the requests it is offered, can serve and delivers. */
export interface CellLoad {
  readonly cell: number;
  /** Frontends taking requests (any map). */
  readonly serving: number;
  /** Of them, those with a complete map: the ones that deliver. */
  readonly servingComplete: number;
  /** K11: frontends filling their shard-map. */
  readonly bootstrapping: number;
  /** Requests per tick the cell is offered. */
  readonly offered: number;
  /** Requests per tick sent to each serving frontend (0 when none serves). */
  readonly perFrontend: number;
  /** Requests per tick one serving frontend with a complete map can handle now, after K11 contention. */
  readonly capacityEach: number;
  /** Requests per tick delivered. */
  readonly goodput: number;
}

/** R1: requests per tick one server of this fleet handles with a complete map and no contention. */
export const serverCapacity = (config: LoadedConfig): number =>
  config.dependents.load.capacityPerFrontend *
  (config.remediations.largerServers ? config.remediationParameters.largerServerFactor : 1);

/**
 * K11: what one serving peer can still handle while `bootstrapping` frontends fill their maps from it. R8
 * bootstraps from the authoritative metadata store, so the peers are not asked.
 */
export const contendedCapacity = (config: LoadedConfig, bootstrapping: number): number => {
  const cost = config.remediations.bootstrapFromAuthoritative
    ? 0
    : config.dependents.load.bootstrapCostPercent;
  return (serverCapacity(config) * Math.max(0, 100 - cost * bootstrapping)) / 100;
};

/** A cell's frontends by what they do for the load: serving, serving with a complete map, bootstrapping. */
interface CellCount {
  serving: number;
  servingComplete: number;
  bootstrapping: number;
}

/**
 * Every cell's counts in one pass over the fleet. A pass per cell made each tick cost the cells times the fleet:
 * with R7's cells of a few frontends, quadratic in the fleet (issue 17 asks for linear; `check` at 5,000
 * frontends in cells of 4 took 437 s of CPU that way, 16.6 s this way, with the same output; docs/performance.md).
 */
const countCells = (frontends: ReadonlyArray<Frontend>, cells: number): ReadonlyArray<CellCount> => {
  const counts = Array.from(
    { length: cells },
    (): CellCount => ({ serving: 0, servingComplete: 0, bootstrapping: 0 }),
  );
  for (const f of frontends) {
    const n = counts[f.cell];
    if (n === undefined) continue;
    if (f.status === "serving") {
      n.serving += 1;
      if (f.map === "complete") n.servingComplete += 1;
    } else if (f.status === "bootstrapping") n.bootstrapping += 1;
  }
  return counts;
};

/** The load, capacity and goodput of every cell of the fleet (one cell when not cellularized). */
export const cellLoads = (config: LoadedConfig, core: State): ReadonlyArray<CellLoad> => {
  const cells = Math.max(1, core.cellSizes.length);
  const loaded = loadedCells(config);
  const counts = countCells(core.frontends, cells);
  return counts.map((n, cell): CellLoad => {
    const offered = config.dependents.load.offeredRequestsPerTick * cellLoadShare(config, cell, loaded);
    const perFrontend = n.serving === 0 ? 0 : offered / n.serving;
    const capacityEach = contendedCapacity(config, n.bootstrapping);
    return {
      cell,
      ...n,
      offered,
      perFrontend,
      capacityEach,
      goodput: n.servingComplete * Math.min(perFrontend, capacityEach),
    };
  });
};

// ---------------------------------------------------------------------------------------------------------
// the fleet
// ---------------------------------------------------------------------------------------------------------

/** K2: requests delivered per tick by the whole fleet. */
export const goodput = (config: LoadedConfig, core: State): number =>
  cellLoads(config, core).reduce((sum, c) => sum + c.goodput, 0);

/** Goodput as a percent of the offered load (100 when nothing is offered). */
export const goodputPercent = (config: LoadedConfig, core: State): number => {
  const offered = config.dependents.load.offeredRequestsPerTick;
  return offered === 0 ? 100 : (100 * goodput(config, core)) / offered;
};

/** Whether the fleet delivers every request offered (the recovery verdict's "Kinesis is back"). */
export const deliversAllOffered = (config: LoadedConfig, core: State): boolean =>
  goodput(config, core) + EPSILON >= config.dependents.load.offeredRequestsPerTick;

/**
 * K11: whether a frontend serving with a complete map in `cell` is slow: sent more requests than the health
 * check's share of what it can serve. Such a frontend is judged unhealthy (model/system.ts).
 */
export const cellOverloaded = (config: LoadedConfig, c: CellLoad): boolean =>
  c.servingComplete > 0 &&
  c.perFrontend > (c.capacityEach * config.dependents.load.healthCheckPercent) / 100 + EPSILON;

/** K11: whether frontend `f` (serving with a complete map) would fail its health check now. */
export const judgedSlow = (config: LoadedConfig, core: State, f: Frontend): boolean => {
  if (f.status !== "serving" || f.map !== "complete") return false;
  const c = cellLoads(config, core)[f.cell];
  return c !== undefined && cellOverloaded(config, c);
};

/** How many frontends serve with a complete map: the in-service count of MP8. */
export const inServiceCount = (core: State): number =>
  core.frontends.reduce((n, f) => n + (f.status === "serving" && f.map === "complete" ? 1 : 0), 0);

// ---------------------------------------------------------------------------------------------------------
// the safe restart pace (MP8)
// ---------------------------------------------------------------------------------------------------------

/**
 * MP8/K11/K15: the most frontends of a one-cell fleet of `servers` that may bootstrap at once while the rest
 * serve and none of them is slow: the largest B in [0, servers − 1] with
 *
 *     L / (N − B)  ≤  c·(1 − β·B) · h          (L load, N servers, c capacity, β cost, h health threshold)
 *
 * i.e. (N − B)(1 − β·B) ≥ L / (c·h). The left side falls as B grows (both factors fall), so the safe B form a
 * prefix and B_safe = ⌊B*⌋, B* the smaller root of β·B² − (1 + β·N)·B + N − L/(c·h) = 0 (for β = 0: B* = N − L/(c·h)).
 * Computed here from that root, then checked against the inequality itself for the integer neighbours (the
 * root is a real number). −1 when even B = 0 is slow: the fleet cannot serve its load at all, and no pace is safe.
 */
export const safeConcurrentBootstraps = (config: LoadedConfig, servers: number): number => {
  const p = config.dependents.load;
  const L = p.offeredRequestsPerTick;
  const ch = (serverCapacity(config) * p.healthCheckPercent) / 100;
  const beta = config.remediations.bootstrapFromAuthoritative ? 0 : p.bootstrapCostPercent / 100;
  const ok = (b: number) =>
    b >= 0 && b < servers && L / (servers - b) <= ch * Math.max(0, 1 - beta * b) + EPSILON;
  if (!ok(0)) return -1;
  const need = ch === 0 ? Number.POSITIVE_INFINITY : L / ch;
  const disc = (1 + beta * servers) ** 2 - 4 * beta * (servers - need);
  const root =
    beta === 0
      ? servers - need
      : disc < 0
        ? servers - 1
        : (1 + beta * servers - Math.sqrt(disc)) / (2 * beta);
  let b = Math.max(0, Math.min(servers - 1, Math.floor(root)));
  while (b > 0 && !ok(b)) b -= 1;
  while (ok(b + 1)) b += 1;
  return b;
};

/**
 * MP8: the safe pace in frontends restarted per tick: min(B_safe, maxConcurrentBootstraps) per bootstrap (−1
 * frontends: none). The core fills at most maxConcurrentBootstraps maps at once; a faster pace queues the rest,
 * still bootstrapping (K11), and the queue grows past B_safe.
 */
export const safeRestartPerTick = (config: LoadedConfig, servers: number): number => {
  const b = safeConcurrentBootstraps(config, servers);
  return (
    (b < 0 ? b : Math.min(b, config.coldStart.maxConcurrentBootstraps)) / config.coldStart.bootstrapTicks
  );
};

/** The goodput in words, for reports: "delivers 3 of 44 requests a tick (7%)". */
export const goodputWords = (config: LoadedConfig, core: State): string => {
  const g = goodput(config, core);
  const round = (x: number) => `${Math.round(10 * x) / 10}`;
  return `delivers ${round(g)} of ${config.dependents.load.offeredRequestsPerTick} requests a tick (${goodputPercent(config, core).toFixed(0)}%)`;
};
