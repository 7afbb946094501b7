// ---------------------------------------------------------------------------------------------------------
// test: the straightforward versions of the operations and invariants that docs/performance.md made faster,
// as they were before (commit 8f9b29e), kept only so model/optimisations.test.ts can check that the fast
// versions compute exactly the same states, refusals, violations (messages included) and closeness.
//
// The lag: the model stores the tick a frontend fell behind at (`behindSince`) and derives its lag from the
// clock (`behindFor` in model/state.ts). The reference keeps a counter instead (`RefFrontend.behindFor`), as
// the model did before: each tick adds one to the counter of every live frontend still behind after it
// learned, capped one past the deadline, and after every operation the counter of a frontend that is stopped
// or in step is 0 (`settled`). The model's learning, bootstrap and map helpers, which never touch the lag, are
// reused (`lifted`); the request count is delegated to the model itself (`requestRouted`).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { match } from "ts-pattern";
import type { Config } from "../model/config.ts";
import { threadsForGroupOf } from "../model/fleet.ts";
import { behindFor } from "../model/lag.ts";
import type { Op } from "../model/ops.ts";
import type { Refusal } from "../model/refusal.ts";
import { finishBootstrap, processOwnershipChanges } from "../model/shardMap.ts";
import { cellForNewMember, type Frontend, moveAgeCap, type State, serversFor } from "../model/state.ts";
import { step } from "../model/step.ts";
import { maxPeerThreads, perPeerThreads, threadLimitInForce, threadsFor } from "../model/threadFormula.ts";
import { connectablePeers, learnOneChange } from "../model/threads.ts";
import { cacheFleetWithinThreadLimit } from "../properties/cacheFleetWithinThreadLimit.ts";
import type { InvariantName, Violation } from "../properties/index.ts";
import { serverMemory } from "../properties/memoryBudget.ts";

/** A frontend as the reference keeps it: the model's record with a lag counter in place of the stamp. */
export type RefFrontend = Omit<Frontend, "behindSince"> & { readonly behindFor: number };
export type RefState = Omit<State, "frontends"> & { readonly frontends: ReadonlyArray<RefFrontend> };
export type RefResult = E.Either<Refusal, RefState>;

const next = (state: RefState): RefResult => E.right(state);
const notEnabled = (reason: string): RefResult => E.left({ _tag: "NotEnabled", reason });
const prevented = (remediation: string, reason: string): RefResult =>
  E.left({ _tag: "Prevented", remediation, reason });

const frontendName = (f: RefFrontend): string => `frontend-${f.id}`;
const actualPeers = (state: RefState, f: RefFrontend): number => (state.cellSizes[f.cell] ?? 1) - 1;
const positionOf = (state: RefState, n: number): number =>
  state.frontends.length === 0
    ? -1
    : ((n % state.frontends.length) + state.frontends.length) % state.frontends.length;
// The effective thread parameters (R3's limit in force, R5's per-peer threads, issue 14) come from the model's
// one formula: they were never part of what docs/performance.md made faster.
const threadsNeeded = (config: Config, f: RefFrontend): number => threadsFor(config, f.knownPeers);
const threadsHeld = (config: Config, f: RefFrontend): number => threadsFor(config, f.connectedPeers);

/** The model's state as the reference sees it: each frontend's derived lag as a counter, no stamp. */
export const lagView = (config: Config, state: State): RefState => ({
  ...state,
  frontends: state.frontends.map(({ behindSince, ...f }) => ({
    ...f,
    behindFor: behindFor(config, state, { ...f, behindSince }),
  })),
});

/** The model's state for a reference state (a stamp that gives each counter at this tick). */
const modelState = (state: RefState): State => ({
  ...state,
  frontends: state.frontends.map(({ behindFor: lag, ...f }) => ({ ...f, behindSince: state.tick - lag })),
});

/** A model helper that never touches the lag, applied to a reference record, whose counter it keeps. */
const lifted =
  (apply: (f: Frontend) => Frontend) =>
  (r: RefFrontend): RefFrontend => {
    const { behindFor: lag, ...rest } = r;
    const { behindSince: _ignored, ...g } = apply({ ...rest, behindSince: 0 });
    return { ...g, behindFor: lag };
  };

/** K6: the lag of a frontend stopped or in step is 0 (after every operation). */
const settled = (state: RefState): RefState => ({
  ...state,
  frontends: state.frontends.map((f) => {
    const actual = actualPeers(state, f);
    const inStep = f.connectedPeers === actual && f.knownPeers === actual;
    return f.behindFor !== 0 && (f.status === "stopped" || inStep) ? { ...f, behindFor: 0 } : f;
  }),
});

const withMemberIn = (cellSizes: ReadonlyArray<number>, cell: number): ReadonlyArray<number> =>
  cell < cellSizes.length ? cellSizes.map((n, i) => (i === cell ? n + 1 : n)) : [...cellSizes, 1];

const placeMembers = (
  config: Config,
  cellSizes: ReadonlyArray<number>,
  count: number,
): { readonly cells: ReadonlyArray<number>; readonly sizes: ReadonlyArray<number> } =>
  Array.from({ length: count }).reduce<{ cells: ReadonlyArray<number>; sizes: ReadonlyArray<number> }>(
    (acc) => {
      const cell = cellForNewMember(config, acc.sizes);
      return { cells: [...acc.cells, cell], sizes: withMemberIn(acc.sizes, cell) };
    },
    { cells: [], sizes: cellSizes },
  );

export const referenceInitialState = (config: Config): RefState => {
  const servers = serversFor(config, config.fleet.initialSize);
  const cells = placeMembers(config, [], servers);
  const frontends = cells.cells.map((cell, id): RefFrontend => {
    const peers = (cells.sizes[cell] ?? 1) - 1;
    return {
      id,
      status: "serving",
      cell,
      knownPeers: peers,
      connectedPeers: Math.min(peers, maxPeerThreads(config)),
      map: "complete",
      staleShards: 0,
      behindFor: 0,
      bootstrapLeft: 0,
    };
  });
  return {
    frontends,
    cellSizes: cells.sizes,
    nextId: servers,
    capacityUnits: config.fleet.initialSize,
    owners: Array.from({ length: config.shards.shardCount }, (_, s) => s % config.shards.backendClusters),
    tick: 0,
    requests: { succeeded: 0, failed: 0, misrouted: 0 },
    sinceMoved: Array.from({ length: config.shards.shardCount }, () => moveAgeCap(config)),
    lastRequest: null,
  };
};

const capacityAdded = (config: Config, state: RefState, op: { readonly count: number }): RefResult => {
  if (op.count < 1) return notEnabled("an addition adds at least one server's worth of capacity");
  const units = state.capacityUnits + op.count;
  if (units > config.fleet.maxSize)
    return notEnabled(`the fleet would reach ${units} servers, past the plan's ${config.fleet.maxSize}`);
  const added = serversFor(config, units) - serversFor(config, state.capacityUnits);
  const placed = placeMembers(config, state.cellSizes, added);
  const largest = Math.max(0, ...placed.sizes);
  if (config.remediations.preflightGuard && threadsForGroupOf(config, largest) > threadLimitInForce(config))
    return prevented(
      "preflightGuard",
      `${largest} peers in a group would need ${threadsForGroupOf(config, largest)} threads each, over the limit of ${threadLimitInForce(config)}`,
    );
  const newcomers = placed.cells.map((cell, i): RefFrontend => {
    const peers = (placed.sizes[cell] ?? 1) - 1;
    return {
      id: state.nextId + i,
      status: "bootstrapping",
      cell,
      knownPeers: peers,
      connectedPeers: connectablePeers(config, peers),
      map: "building",
      staleShards: 0,
      behindFor: 0,
      bootstrapLeft: config.coldStart.bootstrapTicks,
    };
  });
  return next({
    ...state,
    frontends: [...state.frontends, ...newcomers],
    cellSizes: placed.sizes,
    nextId: state.nextId + added,
    capacityUnits: units,
    lastRequest: null,
  });
};

const frontendRemoved = (config: Config, state: RefState, op: { readonly frontend: number }): RefResult => {
  if (state.frontends.length <= 1) return notEnabled("the last frontend is never removed");
  const index = positionOf(state, op.frontend);
  const gone = state.frontends[index] as RefFrontend;
  const unitsPerServer = config.remediations.largerServers
    ? config.remediationParameters.largerServerFactor
    : 1;
  return next({
    ...state,
    frontends: state.frontends.filter((_, i) => i !== index),
    cellSizes: state.cellSizes.map((n, c) => (c === gone.cell ? n - 1 : n)),
    capacityUnits: Math.max(0, state.capacityUnits - unitsPerServer),
    lastRequest: null,
  });
};

const shardMoved = (config: Config, state: RefState, op: { readonly shard: number }): RefResult => {
  if (config.shards.backendClusters < 2)
    return notEnabled("there is only one back-end cluster to own shards");
  const s = op.shard % config.shards.shardCount;
  const bit = 1 << s;
  return next({
    ...state,
    owners: state.owners.map((c, i) => (i === s ? (c + 1) % config.shards.backendClusters : c)),
    sinceMoved: state.sinceMoved.map((age, i) => (i === s ? 0 : age)),
    frontends: state.frontends.map((f) =>
      f.status === "stopped" ? f : { ...f, staleShards: f.staleShards | bit },
    ),
    lastRequest: null,
  });
};

const learnAllChanges = (config: Config, f: RefFrontend, actual: number): RefFrontend =>
  f.knownPeers === actual
    ? f
    : learnAllChanges(config, lifted((g) => learnOneChange(config, g, actual))(f), actual);

const ageMembershipView = (config: Config, state: RefState, f: RefFrontend): RefFrontend => {
  if (f.status === "stopped") return f;
  const actual = actualPeers(state, f);
  const processed = lifted(processOwnershipChanges)(f);
  const deadline = config.membership.propagationDelayTicks;
  const learned = processed.behindFor >= deadline ? learnAllChanges(config, processed, actual) : processed;
  const behind = learned.connectedPeers !== actual || learned.knownPeers !== actual;
  return { ...learned, behindFor: behind ? Math.min(learned.behindFor + 1, deadline + 1) : 0 };
};

const advanceBootstraps = (
  config: Config,
  frontends: ReadonlyArray<RefFrontend>,
): ReadonlyArray<RefFrontend> =>
  frontends.reduce<{ readonly out: ReadonlyArray<RefFrontend>; readonly budget: number }>(
    ({ out, budget }, f) => {
      if (f.status !== "bootstrapping" || budget === 0) return { out: [...out, f], budget };
      const left = f.bootstrapLeft - 1;
      const advanced =
        left > 0
          ? { ...f, bootstrapLeft: left }
          : lifted((g) => finishBootstrap(config, g))({ ...f, bootstrapLeft: 0 });
      return { out: [...out, advanced], budget: budget - 1 };
    },
    { out: [], budget: config.coldStart.maxConcurrentBootstraps },
  ).out;

const tick = (config: Config, state: RefState): RefResult =>
  next({
    ...state,
    tick: state.tick + 1,
    sinceMoved: state.sinceMoved.map((age) => Math.min(age + 1, moveAgeCap(config))),
    lastRequest: null,
    frontends: advanceBootstraps(
      config,
      state.frontends.map((f) => ageMembershipView(config, state, f)),
    ),
  });

const withFrontendAt = (state: RefState, index: number, f: RefFrontend): RefState => ({
  ...state,
  frontends: state.frontends.map((g, i) => (i === index ? f : g)),
  lastRequest: null,
});

const frontendRestarted = (config: Config, state: RefState, op: { readonly frontend: number }): RefResult => {
  if (state.frontends.length === 0) return notEnabled("the fleet is empty");
  const index = positionOf(state, op.frontend);
  const f = state.frontends[index] as RefFrontend;
  if (f.status === "bootstrapping") return notEnabled(`${frontendName(f)} is already bootstrapping`);
  const peers = actualPeers(state, f);
  return next(
    withFrontendAt(state, index, {
      ...f,
      status: "bootstrapping",
      knownPeers: peers,
      connectedPeers: connectablePeers(config, peers),
      map: "building",
      staleShards: 0,
      behindFor: 0,
      bootstrapLeft: config.coldStart.bootstrapTicks,
    }),
  );
};

const frontendCrashed = (_config: Config, state: RefState, op: { readonly frontend: number }): RefResult => {
  if (state.frontends.length === 0) return notEnabled("the fleet is empty");
  const index = positionOf(state, op.frontend);
  const f = state.frontends[index] as RefFrontend;
  if (f.status === "stopped") return notEnabled(`${frontendName(f)} is already stopped`);
  return next(
    withFrontendAt(state, index, {
      ...f,
      status: "stopped",
      connectedPeers: 0,
      map: "building",
      staleShards: 0,
      behindFor: 0,
      bootstrapLeft: 0,
    }),
  );
};

const peerLearned = (config: Config, state: RefState, op: { readonly frontend: number }): RefResult => {
  if (state.frontends.length === 0) return notEnabled("the fleet is empty");
  const index = positionOf(state, op.frontend);
  const f = state.frontends[index] as RefFrontend;
  if (f.status === "stopped") return notEnabled(`${frontendName(f)} is stopped and learns nothing`);
  const actual = actualPeers(state, f);
  if (f.knownPeers === actual)
    return notEnabled(`${frontendName(f)} already knows all ${actual} of its peers`);
  return next(withFrontendAt(state, index, lifted((g) => learnOneChange(config, g, actual))(f)));
};

/** Routing touches no frontend: the model's own operation, its request count and last request taken. */
const requestRouted = (
  config: Config,
  state: RefState,
  op: { readonly frontend: number; readonly shard: number },
): RefResult =>
  E.map((s: State): RefState => ({ ...state, requests: s.requests, lastRequest: s.lastRequest }))(
    step(config, modelState(state), { type: "requestRouted", ...op }),
  );

/** The original dispatch (a ts-pattern match), with the original versions of the operations; lags settled. */
export const referenceStep = (config: Config, state: RefState, op: Op): RefResult =>
  E.map(settled)(
    match(op)
      .returnType<RefResult>()
      .with({ type: "capacityAdded" }, (o) => capacityAdded(config, state, o))
      .with({ type: "frontendRemoved" }, (o) => frontendRemoved(config, state, o))
      .with({ type: "shardMoved" }, (o) => shardMoved(config, state, o))
      .with({ type: "tick" }, () => tick(config, state))
      .with({ type: "frontendRestarted" }, (o) => frontendRestarted(config, state, o))
      .with({ type: "frontendCrashed" }, (o) => frontendCrashed(config, state, o))
      .with({ type: "peerLearned" }, (o) => peerLearned(config, state, o))
      .with({ type: "requestRouted" }, (o) => requestRouted(config, state, o))
      .exhaustive(),
  );

/** The original `map` form of `withFrontendAt`. */
export const referenceWithFrontendAt = (state: State, index: number, f: Frontend): State => ({
  ...state,
  frontends: state.frontends.map((g, i) => (i === index ? f : g)),
});

// ---------------------------------------------------------------------------------------------------------
// invariants, as they were: the message (or none) and the closeness, by name
// ---------------------------------------------------------------------------------------------------------

const bitCount = (n: number): number => (n === 0 ? 0 : (n & 1) + bitCount(n >>> 1));

const worstDemand = (config: Config, state: RefState) =>
  state.frontends
    .filter((f) => f.status !== "stopped")
    .reduce<{ readonly name: string; readonly need: number; readonly peers: number } | undefined>(
      (worst, f) => {
        const need = threadsNeeded(config, f);
        return worst === undefined || need > worst.need
          ? { name: frontendName(f), need, peers: f.knownPeers }
          : worst;
      },
      undefined,
    );

const frontendProblem = (config: Config, state: RefState, f: RefFrontend): string | undefined => {
  const name = frontendName(f);
  if (f.connectedPeers < 0 || f.knownPeers < 0) return `${name} has a negative peer count`;
  if (f.connectedPeers > f.knownPeers) return `${name} holds threads for peers it does not know of`;
  if (threadsHeld(config, f) > threadLimitInForce(config))
    return `${name} holds ${threadsHeld(config, f)} threads, more than the OS allows (${threadLimitInForce(config)}): thread creation past the limit must fail (K7)`;
  if (f.status === "bootstrapping" && f.bootstrapLeft <= 0)
    return `${name} is bootstrapping with no work left`;
  if (f.status === "serving" && f.bootstrapLeft !== 0) return `${name} is serving with bootstrap work left`;
  if (f.cell < 0 || f.cell >= state.cellSizes.length) return `${name} belongs to no cell`;
  return undefined;
};

const wellFormedProblem = (config: Config, state: RefState): string | undefined => {
  const perFrontend = state.frontends
    .map((f) => frontendProblem(config, state, f))
    .find((p) => p !== undefined);
  if (perFrontend !== undefined) return perFrontend;
  const counted = state.cellSizes.reduce((a, b) => a + b, 0);
  if (counted !== state.frontends.length)
    return `the cells count ${counted} members but the fleet has ${state.frontends.length}`;
  if (
    config.remediations.cellularization &&
    state.cellSizes.some((n) => n > config.remediationParameters.cellSize)
  )
    return `a cell holds more than ${config.remediationParameters.cellSize} members`;
  const { succeeded, failed, misrouted } = state.requests;
  if (succeeded < 0 || failed < 0 || misrouted < 0 || misrouted > failed)
    return "the request counts are inconsistent";
  return undefined;
};

/** The message the original invariant gave in `state` (undefined when it held), by invariant name. */
export const referenceMessage = (name: InvariantName, config: Config, state: RefState): string | undefined =>
  match(name)
    .returnType<string | undefined>()
    .with("WellFormed", () => wellFormedProblem(config, state))
    .with("ThreadBudget", () => {
      const worst = worstDemand(config, state);
      const { baseThreads } = config.threads;
      const threadLimit = threadLimitInForce(config);
      const threadsPerPeer = perPeerThreads(config);
      return worst !== undefined && worst.need > threadLimit
        ? `${worst.name} knows ${worst.peers} peers and needs ${baseThreads} + ${threadsPerPeer} × ${worst.peers} = ${worst.need} threads, over the OS limit of ${threadLimit}`
        : undefined;
    })
    .with("ServesOnlyWithCompleteMap", () => {
      const bad = state.frontends.filter((f) => f.status === "serving" && f.map !== "complete");
      const first = bad[0];
      return first === undefined
        ? undefined
        : `${frontendName(first)} is serving with a ${first.map} shard-map (${bad.length} of ${state.frontends.length} frontends serve with an incomplete map), so its requests fail`;
    })
    .with("RoutesToCurrentOwner", () => {
      if (state.requests.misrouted > 0)
        return `${state.requests.misrouted} request(s) went to a shard's former owner through a stale shard-map entry`;
      const r = state.lastRequest;
      const f = state.frontends.find((x) => x.id === r?.frontend);
      return r === null ||
        r.outcome !== "succeeded" ||
        f === undefined ||
        (f.staleShards & (1 << r.shard)) === 0
        ? undefined
        : `${frontendName(f)} routed a request for shard ${r.shard} by a stale entry and counted it succeeded: it went to the shard's former owner, not cluster ${state.owners[r.shard]}`;
    })
    .with("PeersLearnedWithin", () => {
      const deadline = config.membership.propagationDelayTicks;
      const late = state.frontends.find((f) => f.status === "serving" && f.behindFor > deadline);
      return late === undefined
        ? undefined
        : `${frontendName(late)} has been out of step with the membership for more than ${deadline} ticks (${deadline * config.tickMinutes} min): it holds threads for ${late.connectedPeers} of ${late.knownPeers} known peers`;
    })
    .with("ShardMovesAppliedWithin", () => {
      const deadline = config.membership.propagationDelayTicks;
      for (const f of state.frontends.filter((x) => x.status === "serving"))
        for (let sh = 0; sh < state.sinceMoved.length; sh++)
          if ((f.staleShards & (1 << sh)) !== 0 && (state.sinceMoved[sh] as number) > deadline)
            return `${frontendName(f)} still routes shard ${sh} by a stale entry more than ${deadline} ticks (${deadline * config.tickMinutes} min) after the shard moved: it holds threads for ${f.connectedPeers} of ${f.knownPeers} known peers, so the peer messages that carry the move go unprocessed`;
      return undefined;
    })
    .with("MemoryBudget", () => {
      const p = serverMemory(config);
      const used = (f: RefFrontend): number =>
        p === undefined ? 0 : threadsHeld(config, f) * p.threadStackMiB + p.units * p.bufferMiBPerUnit;
      const over =
        p !== undefined
          ? state.frontends.find((f) => f.status !== "stopped" && used(f) > p.memoryMiB)
          : undefined;
      const what = p?.server === "larger" ? `a larger server of ${p.units} units` : "a 2020-size server (R3)";
      return over === undefined || p === undefined
        ? undefined
        : `${frontendName(over)}, ${what}, holds ${threadsHeld(config, over)} threads × ${p.threadStackMiB} MiB + ${p.units} × ${p.bufferMiBPerUnit} MiB of buffers = ${used(over)} MiB, over its ${p.memoryMiB} MiB`;
    })
    .with("MetadataStoreWithinCapacity", () => {
      const n = config.remediations.bootstrapFromAuthoritative
        ? state.frontends.filter((f) => f.status === "bootstrapping").length
        : 0;
      const cap = config.remediationLimits?.metadataStoreBootstraps ?? Number.POSITIVE_INFINITY;
      return n > cap
        ? `${n} frontends bootstrap from the authoritative metadata store at once, over the ${cap} it serves without throttling`
        : undefined;
    })
    // Not made faster (issue 14): the invariant itself, on the model's state.
    .with("CacheFleetWithinThreadLimit", () => {
      const v = cacheFleetWithinThreadLimit.check(config, modelState(state));
      return O.isSome(v) ? v.value.message : undefined;
    })
    .exhaustive();

/** The closeness the original invariant gave in `state`, by invariant name. */
export const referenceCloseness = (name: InvariantName, config: Config, state: RefState): number =>
  match(name)
    .returnType<number>()
    .with("WellFormed", () => 0)
    .with("ThreadBudget", () => (worstDemand(config, state)?.need ?? 0) / threadLimitInForce(config))
    .with("ServesOnlyWithCompleteMap", () => {
      const live = state.frontends.filter((f) => f.status !== "stopped");
      return live.length === 0 ? 0 : live.filter((f) => f.map === "useless").length / live.length;
    })
    .with("RoutesToCurrentOwner", () => {
      const serving = state.frontends.filter((f) => f.status === "serving");
      const entries = serving.length * config.shards.shardCount;
      return entries === 0 ? 0 : serving.reduce((n, f) => n + bitCount(f.staleShards), 0) / entries;
    })
    .with(
      "PeersLearnedWithin",
      () =>
        Math.max(0, ...state.frontends.filter((f) => f.status === "serving").map((f) => f.behindFor)) /
        config.membership.propagationDelayTicks,
    )
    .with(
      "ShardMovesAppliedWithin",
      () =>
        Math.max(
          0,
          ...state.frontends
            .filter((f) => f.status === "serving")
            .flatMap((f) => state.sinceMoved.filter((_, sh) => (f.staleShards & (1 << sh)) !== 0)),
        ) / config.membership.propagationDelayTicks,
    )
    .with("MemoryBudget", () => {
      const p = serverMemory(config);
      if (p === undefined) return 0;
      const used = state.frontends
        .filter((f) => f.status !== "stopped")
        .map((f) => threadsHeld(config, f) * p.threadStackMiB + p.units * p.bufferMiBPerUnit);
      return Math.max(0, ...used) / p.memoryMiB;
    })
    .with(
      "MetadataStoreWithinCapacity",
      () =>
        (config.remediations.bootstrapFromAuthoritative
          ? state.frontends.filter((f) => f.status === "bootstrapping").length
          : 0) / (config.remediationLimits?.metadataStoreBootstraps ?? Number.POSITIVE_INFINITY),
    )
    .with("CacheFleetWithinThreadLimit", () =>
      cacheFleetWithinThreadLimit.closeness(config, modelState(state)),
    )
    .exhaustive();

/** The violation's message, or undefined, from a current invariant's Option result. */
export const messageOf = (v: O.Option<Violation>): string | undefined =>
  O.isSome(v) ? v.value.message : undefined;
