// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: concrete → abstract for the encoding-agreement property (agreement.ts). The one place that
// says what each constant of encoding.ts means in the model: a field added to `Abstract` fails to compile here
// until it is given its concrete value.
// ---------------------------------------------------------------------------------------------------------
import type { Bool } from "z3-solver";
import type { Config } from "../../../model/config.ts";
import { behindFor } from "../../../model/lag.ts";
import type { Op } from "../../../model/ops.ts";
import type { StepResult } from "../../../model/refusal.ts";
import { type Frontend, type ShardMapStatus, type State, serversFor } from "../../../model/state.ts";
import { maxPeerThreads, threadLimitInForce } from "../../../model/threadFormula.ts";
import { succeededThroughStaleEntry } from "../../../properties/routesToCurrentOwner.ts";
import { type Abstract, BUILDING, COMPLETE, type Params, type ProofFlags, USELESS } from "./encoding.ts";

/** A next-state function with `step`'s signature: the model's, or a planted bug's. */
export type StepFn = (config: Config, state: State, op: Op) => StepResult;

/** Concrete values for the constants of one `Abstract`. */
export type AbstractValues = { readonly [K in keyof Abstract]: Abstract[K] extends Bool ? boolean : number };

/**
 * Concrete values for the parameters, plus serversFor(initialSize) and serversFor(maxSize), maxPeerThreads and
 * cacheSelfHealsAfterTriggerRemoval (encoding.ts `Enc`).
 */
export type ParamValues = { readonly [K in keyof Params]: number } & {
  readonly initialServers: number;
  readonly planServers: number;
  readonly maxPeers: number;
  readonly selfHeals: boolean;
};

/** Which remediations the encoding sees: every core one. */
export const flagsOf = (config: Config): Required<ProofFlags> => ({
  cellularization: config.remediations.cellularization,
  preflightGuard: config.remediations.preflightGuard,
  largerServers: config.remediations.largerServers,
  bootstrapFromAuthoritative: config.remediations.bootstrapFromAuthoritative,
  waitForCompleteMap: config.remediations.waitForCompleteMap,
  testedHigherLimit: config.remediations.testedHigherLimit === true,
  cacheOnDedicatedFleet: config.remediations.cacheOnDedicatedFleet === true,
});

/** The parameters as model/configDecoder.ts decodes them, and the servers of the initial and the plan's fleet. */
export const paramValues = (config: Config): ParamValues => ({
  threadLimit: threadLimitInForce(config),
  baseThreads: config.threads.baseThreads,
  threadsPerPeer: config.threads.threadsPerPeer,
  cellSize: config.remediationParameters.cellSize,
  largerServerFactor: config.remediationParameters.largerServerFactor,
  initialSize: config.fleet.initialSize,
  maxSize: config.fleet.maxSize,
  propagationDelayTicks: config.membership.propagationDelayTicks,
  bootstrapTicks: config.coldStart.bootstrapTicks,
  initialServers: serversFor(config, config.fleet.initialSize),
  planServers: serversFor(config, config.fleet.maxSize),
  // +∞ under R5, where no formula reads it (encoding.ts `fits`): any integer stands for it.
  maxPeers: Math.min(maxPeerThreads(config), Number.MAX_SAFE_INTEGER),
  selfHeals: config.coldStart.cacheSelfHealsAfterTriggerRemoval,
});

/** encoding.ts's numbering of f.map. */
const MAP_CODES: { readonly [M in ShardMapStatus]: number } = {
  complete: COMPLETE,
  building: BUILDING,
  useless: USELESS,
};

/** The largest state.sinceMoved[s] over the shards s stale in f (bit s of staleShards), 0 when none. */
const oldestMissedMove = (state: State, f: Frontend): number =>
  state.sinceMoved.reduce((oldest, age, s) => ((f.staleShards >> s) & 1 ? Math.max(oldest, age) : oldest), 0);

/**
 * f's abstract values in `state` (encoding.ts `Abstract`, each field as its comment there says): its own
 * fields, its lag (`behindFor`, already capped at D + 1), its group (its cell's size; one cell when not
 * cellularized), the servers, the capacity units as u = factor × (s − 1) + r, and the fleet's request counts.
 * A newcomer's "before" reads its own record against the state it joins (0 for a new cell): the formula leaves
 * f's fields free there and reads only the fleet's.
 */
export const abstractValues = (config: Config, state: State, f: Frontend): AbstractValues => {
  const factor = config.remediations.largerServers ? config.remediationParameters.largerServerFactor : 1;
  const s = serversFor(config, state.capacityUnits);
  return {
    k: f.knownPeers,
    c: f.connectedPeers,
    live: f.status !== "stopped",
    booting: f.status === "bootstrapping",
    map: MAP_CODES[f.map],
    stale: f.staleShards !== 0,
    age: oldestMissedMove(state, f),
    left: f.bootstrapLeft,
    lag: behindFor(config, state, f),
    g: state.cellSizes[f.cell] ?? 0,
    n: state.frontends.length,
    s,
    r: state.capacityUnits - factor * (s - 1),
    succeeded: state.requests.succeeded,
    failed: state.requests.failed,
    misrouted: state.requests.misrouted,
    lastStale: succeededThroughStaleEntry(state),
  };
};
