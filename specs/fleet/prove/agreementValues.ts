// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: concrete → abstract for the encoding-agreement property (agreement.ts). The one place that
// says what each constant of encoding.ts means in the model: a field added to `Abstract` fails to compile here
// until it is given its concrete value.
// ---------------------------------------------------------------------------------------------------------
import type { Bool } from "z3-solver";
import type { Config } from "../../../model/config.ts";
import type { Op } from "../../../model/ops.ts";
import type { StepResult } from "../../../model/refusal.ts";
import { type Frontend, type State, serversFor } from "../../../model/state.ts";
import type { Abstract, Params, ProofFlags } from "./encoding.ts";

/** A next-state function with `step`'s signature: the model's, or a planted bug's. */
export type StepFn = (config: Config, state: State, op: Op) => StepResult;

/** Concrete values for the constants of one `Abstract`. */
export type AbstractValues = { readonly [K in keyof Abstract]: Abstract[K] extends Bool ? boolean : number };

/** Concrete values for the parameters, plus serversFor(initialSize) and serversFor(maxSize). */
export type ParamValues = { readonly [K in keyof Params]: number } & {
  readonly initialServers: number;
  readonly planServers: number;
};

/** Which remediations the encoding sees (the others do not touch what it reads). */
export const flagsOf = (config: Config): ProofFlags => ({
  cellularization: config.remediations.cellularization,
  preflightGuard: config.remediations.preflightGuard,
  largerServers: config.remediations.largerServers,
});

/** The parameters as model/configDecoder.ts decodes them, and the servers of the initial and the plan's fleet. */
export const paramValues = (config: Config): ParamValues => ({
  threadLimit: config.threads.threadLimit,
  baseThreads: config.threads.baseThreads,
  threadsPerPeer: config.threads.threadsPerPeer,
  cellSize: config.remediationParameters.cellSize,
  largerServerFactor: config.remediationParameters.largerServerFactor,
  initialSize: config.fleet.initialSize,
  maxSize: config.fleet.maxSize,
  initialServers: serversFor(config, config.fleet.initialSize),
  planServers: serversFor(config, config.fleet.maxSize),
});

/**
 * f's abstract values in `state` (encoding.ts `Abstract`): its known peers, liveness, its group (its cell's
 * size; one cell when not cellularized), the servers, and the capacity units as u = factor × (s − 1) + r.
 * A newcomer's "before" reads the cell sizes of the state it joins (0 for a new cell): the formula leaves it free.
 */
export const abstractValues = (config: Config, state: State, f: Frontend): AbstractValues => {
  const factor = config.remediations.largerServers ? config.remediationParameters.largerServerFactor : 1;
  const s = serversFor(config, state.capacityUnits);
  return {
    k: f.knownPeers,
    live: f.status !== "stopped",
    g: state.cellSizes[f.cell] ?? 0,
    n: state.frontends.length,
    s,
    r: state.capacityUnits - factor * (s - 1),
  };
};
