// ---------------------------------------------------------------------------------------------------------
// test: the straightforward versions of the operations and invariants that docs/performance.md made faster,
// as they were before (commit 8f9b29e), kept only so model/optimisations.test.ts can check that the fast
// versions compute exactly the same states, refusals, violations (messages included) and closeness.
// Operations that were not changed are delegated to the model itself.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import { match } from "ts-pattern";
import type { Config } from "../model/config.ts";
import { threadsForGroupOf } from "../model/fleet.ts";
import type { Op } from "../model/ops.ts";
import { next, notEnabled, prevented, type StepResult } from "../model/refusal.ts";
import { finishBootstrap, processOwnershipChanges } from "../model/shardMap.ts";
import {
  actualPeers,
  cellForNewMember,
  type Frontend,
  frontendName,
  maxPeerThreads,
  moveAgeCap,
  positionOf,
  type State,
  serversFor,
} from "../model/state.ts";
import { step } from "../model/step.ts";
import { connectablePeers, learnOneChange, threadsHeld, threadsNeeded } from "../model/threads.ts";
import type { InvariantName, Violation } from "../properties/index.ts";

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

export const referenceInitialState = (config: Config): State => {
  const servers = serversFor(config, config.fleet.initialSize);
  const cells = placeMembers(config, [], servers);
  const frontends = cells.cells.map((cell, id): Frontend => {
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

const capacityAdded = (config: Config, state: State, op: { readonly count: number }): StepResult => {
  if (op.count < 1) return notEnabled("an addition adds at least one server's worth of capacity");
  const units = state.capacityUnits + op.count;
  if (units > config.fleet.maxSize)
    return notEnabled(`the fleet would reach ${units} servers, past the plan's ${config.fleet.maxSize}`);
  const added = serversFor(config, units) - serversFor(config, state.capacityUnits);
  const placed = placeMembers(config, state.cellSizes, added);
  const largest = Math.max(0, ...placed.sizes);
  if (config.remediations.preflightGuard && threadsForGroupOf(config, largest) > config.threads.threadLimit)
    return prevented(
      "preflightGuard",
      `${largest} peers in a group would need ${threadsForGroupOf(config, largest)} threads each, over the limit of ${config.threads.threadLimit}`,
    );
  const newcomers = placed.cells.map((cell, i): Frontend => {
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

const frontendRemoved = (config: Config, state: State, op: { readonly frontend: number }): StepResult => {
  if (state.frontends.length <= 1) return notEnabled("the last frontend is never removed");
  const index = positionOf(state, op.frontend);
  const gone = state.frontends[index] as Frontend;
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

const shardMoved = (config: Config, state: State, op: { readonly shard: number }): StepResult => {
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

const learnAllChanges = (config: Config, f: Frontend, actual: number): Frontend =>
  f.knownPeers === actual ? f : learnAllChanges(config, learnOneChange(config, f, actual), actual);

const ageMembershipView = (config: Config, state: State, f: Frontend): Frontend => {
  if (f.status === "stopped") return f;
  const actual = actualPeers(state, f);
  const processed = processOwnershipChanges(f);
  const deadline = config.membership.propagationDelayTicks;
  const learned = processed.behindFor >= deadline ? learnAllChanges(config, processed, actual) : processed;
  const behind = learned.connectedPeers !== actual || learned.knownPeers !== actual;
  return { ...learned, behindFor: behind ? Math.min(learned.behindFor + 1, deadline + 1) : 0 };
};

const advanceBootstraps = (config: Config, frontends: ReadonlyArray<Frontend>): ReadonlyArray<Frontend> =>
  frontends.reduce<{ readonly out: ReadonlyArray<Frontend>; readonly budget: number }>(
    ({ out, budget }, f) => {
      if (f.status !== "bootstrapping" || budget === 0) return { out: [...out, f], budget };
      const left = f.bootstrapLeft - 1;
      const advanced =
        left > 0 ? { ...f, bootstrapLeft: left } : finishBootstrap(config, { ...f, bootstrapLeft: 0 });
      return { out: [...out, advanced], budget: budget - 1 };
    },
    { out: [], budget: config.coldStart.maxConcurrentBootstraps },
  ).out;

const tick = (config: Config, state: State): StepResult =>
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

/** The original dispatch (a ts-pattern match), with the original versions of the changed operations. */
export const referenceStep = (config: Config, state: State, op: Op): StepResult =>
  match(op)
    .returnType<StepResult>()
    .with({ type: "capacityAdded" }, (o) => capacityAdded(config, state, o))
    .with({ type: "frontendRemoved" }, (o) => frontendRemoved(config, state, o))
    .with({ type: "shardMoved" }, (o) => shardMoved(config, state, o))
    .with({ type: "tick" }, () => tick(config, state))
    .with({ type: "frontendRestarted" }, { type: "frontendCrashed" }, { type: "peerLearned" }, (o) =>
      step(config, state, o),
    )
    .with({ type: "requestRouted" }, (o) => step(config, state, o))
    .exhaustive();

/** The original `map` form of `withFrontendAt`. */
export const referenceWithFrontendAt = (state: State, index: number, f: Frontend): State => ({
  ...state,
  frontends: state.frontends.map((g, i) => (i === index ? f : g)),
});

// ---------------------------------------------------------------------------------------------------------
// invariants, as they were: the message (or none) and the closeness, by name
// ---------------------------------------------------------------------------------------------------------

const bitCount = (n: number): number => (n === 0 ? 0 : (n & 1) + bitCount(n >>> 1));

const worstDemand = (config: Config, state: State) =>
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

const frontendProblem = (config: Config, state: State, f: Frontend): string | undefined => {
  const name = frontendName(f);
  if (f.connectedPeers < 0 || f.knownPeers < 0) return `${name} has a negative peer count`;
  if (f.connectedPeers > f.knownPeers) return `${name} holds threads for peers it does not know of`;
  if (threadsHeld(config, f) > config.threads.threadLimit)
    return `${name} holds ${threadsHeld(config, f)} threads, more than the OS allows (${config.threads.threadLimit}): thread creation past the limit must fail (K7)`;
  if (f.status === "bootstrapping" && f.bootstrapLeft <= 0)
    return `${name} is bootstrapping with no work left`;
  if (f.status === "serving" && f.bootstrapLeft !== 0) return `${name} is serving with bootstrap work left`;
  if (f.cell < 0 || f.cell >= state.cellSizes.length) return `${name} belongs to no cell`;
  return undefined;
};

const wellFormedProblem = (config: Config, state: State): string | undefined => {
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
export const referenceMessage = (name: InvariantName, config: Config, state: State): string | undefined =>
  match(name)
    .returnType<string | undefined>()
    .with("WellFormed", () => wellFormedProblem(config, state))
    .with("ThreadBudget", () => {
      const worst = worstDemand(config, state);
      const { threadLimit, baseThreads, threadsPerPeer } = config.threads;
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
    .exhaustive();

/** The closeness the original invariant gave in `state`, by invariant name. */
export const referenceCloseness = (name: InvariantName, config: Config, state: State): number =>
  match(name)
    .returnType<number>()
    .with("WellFormed", () => 0)
    .with("ThreadBudget", () => (worstDemand(config, state)?.need ?? 0) / config.threads.threadLimit)
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
    .exhaustive();

/** The violation's message, or undefined, from a current invariant's Option result. */
export const messageOf = (v: O.Option<Violation>): string | undefined =>
  O.isSome(v) ? v.value.message : undefined;
