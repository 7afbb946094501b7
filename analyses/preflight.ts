// ---------------------------------------------------------------------------------------------------------
// checker: the capacity preflight. Seed 003 asks for "a kind of simulator to test all cases before deploying
// additional capacity"; domain.md K16 notes that no canary or limit check is described for the 02:44 addition.
// `preflight` takes a fleet of N servers' worth and a proposed addition of K, runs the addition through the
// model's own `step` and lets the fleet settle (every member learns of every other, every newcomer finishes
// bootstrapping), checking the capacity invariants after every step. It answers safe, or unsafe with the
// first invariant that breaks and the trace, and finds the largest safe addition by the same simulation.
//
// The closed form it is tested against (preflight.test.ts) is K5/K7's arithmetic: a frontend in a group of n
// peers' worth needs base + perPeer·(n − 1) threads, so the largest group that fits is
// n* = ⌊(limit − base) / perPeer⌋ + 1; the group is the whole fleet (in servers, R1: ⌈units / factor⌉), or
// the cell under cellularization (R7), which caps it at the cell size whatever the fleet.
// ---------------------------------------------------------------------------------------------------------

import { runTrace, type TraceOptions, type TraceResult } from "../checker/trace.ts";
import type { Config } from "../model/config.ts";
import type { Op } from "../model/ops.ts";
import { initialState, type State, serversFor } from "../model/state.ts";
import { step } from "../model/step.ts";
import { maxPeerThreads, threadLimitInForce } from "../model/threadFormula.ts";
import { type Invariant, invariantNamed } from "../properties/index.ts";
import { fleetSpec } from "../specs/fleet.ts";

/**
 * The invariants an addition can break: structure, the thread budget, serving only with a complete map, and
 * learning peers in time. RoutesToCurrentOwner is about shard moves, which an addition does not cause.
 */
export const PREFLIGHT_INVARIANTS: ReadonlyArray<Invariant> = [
  "WellFormed",
  "ThreadBudget",
  "ServesOnlyWithCompleteMap",
  "PeersLearnedWithin",
].map((n) => {
  const inv = invariantNamed(n);
  if (inv === undefined) throw new Error(`internal: invariant ${n} is not registered`);
  return inv;
});

export type PreflightVerdict =
  | { readonly safe: true; readonly scenario: Config; readonly trace: TraceResult<State, Op> }
  | {
      /** Stopped by the caller (a time budget) after `step` of `steps` steps, with no invariant broken so far. */
      readonly safe: "stopped";
      readonly step: number;
      readonly steps: number;
      readonly scenario: Config;
      readonly trace: TraceResult<State, Op>;
    }
  | {
      readonly safe: false;
      /** `violated`: an invariant broke (0 = already in the fleet before the addition); `refused`: a guard said no. */
      readonly reason: "violated" | "refused";
      readonly invariant?: string;
      readonly message: string;
      readonly step: number;
      /** The config the addition was simulated under (`scenarioConfig`), for narrating the trace. */
      readonly scenario: Config;
      readonly trace: TraceResult<State, Op>;
    };

// ---------------------------------------------------------------------------------------------------------
// the scenario
// ---------------------------------------------------------------------------------------------------------

/** `config` with a fleet of `fleet` units whose plan allows exactly the addition of `add`. */
export const scenarioConfig = (config: Config, fleet: number, add: number): Config => ({
  ...config,
  name: `${config.name}@${fleet}+${add}`,
  fleet: { initialSize: fleet, maxSize: fleet + add },
});

/**
 * The addition and enough ticks for the fleet to settle: the propagation deadline passes (K6: every member then
 * learns every change) and every newcomer gets its bootstrap turns (K11/K15: `maxConcurrentBootstraps` at a time).
 */
export const settleOps = (config: Config, fleet: number, add: number): ReadonlyArray<Op> => {
  const newcomers = serversFor(config, fleet + add);
  const turns = Math.ceil(newcomers / Math.max(1, config.coldStart.maxConcurrentBootstraps));
  const ticks = config.membership.propagationDelayTicks + 1 + config.coldStart.bootstrapTicks * turns + 1;
  return [
    { type: "capacityAdded", count: add },
    ...Array.from({ length: ticks }, (): Op => ({ type: "tick" })),
  ];
};

/** Runs the addition of `add` to a fleet of `fleet` and reports the first invariant that breaks, if any. */
export const simulateAddition = (
  config: Config,
  fleet: number,
  add: number,
  invariants: ReadonlyArray<Invariant> = PREFLIGHT_INVARIANTS,
  options: { readonly stopBefore?: (step: number, steps: number) => boolean } = {},
): PreflightVerdict => {
  const scenario = scenarioConfig(config, fleet, add);
  const ops = settleOps(scenario, fleet, add);
  const refusal = step(scenario, initialState(scenario), ops[0] as Op);
  const stop = options.stopBefore;
  const traceOptions: TraceOptions =
    stop === undefined ? {} : { stopBefore: (n: number) => stop(n, ops.length) };
  const trace = runTrace(fleetSpec, scenario, ops, invariants, traceOptions);
  if (trace.stoppedAfter !== undefined)
    return { safe: "stopped", step: trace.stoppedAfter, steps: ops.length, scenario, trace };
  const v = trace.violation;
  if (v !== undefined)
    return {
      safe: false,
      reason: "violated",
      invariant: v.invariant,
      message: v.violation.message,
      step: v.step,
      scenario,
      trace,
    };
  if (refusal._tag === "Left")
    return {
      safe: false,
      reason: "refused",
      message:
        refusal.left._tag === "Prevented"
          ? `${refusal.left.remediation} refuses it: ${refusal.left.reason}`
          : `the addition is not enabled: ${refusal.left.reason}`,
      step: 1,
      scenario,
      trace: { ...trace, steps: trace.steps.slice(0, 1) },
    };
  return { safe: true, scenario, trace };
};

/** The largest addition the simulation finds safe, searched up to `limit`. */
export interface LargestSafe {
  /** `undefined` when the fleet is unsafe before any addition. */
  readonly largest: number | undefined;
  /** Whether every addition up to `limit` was safe (so the true largest may be bigger, or unbounded). */
  readonly reachedLimit: boolean;
  readonly limit: number;
  /** Set when the caller stopped the search (a time budget): what was known then. */
  readonly stopped?: { readonly safeUpTo: number; readonly unsafeFrom?: number };
}

/** Thrown inside the search when the caller says stop; caught by `largestSafeAddition`. */
class Stopped {}

/**
 * Galloping then binary search over K, relying on safety being monotone in K (a bigger addition never makes a
 * group smaller); the property test checks the answer against the closed form.
 */
export const largestSafeAddition = (
  config: Config,
  fleet: number,
  limit: number,
  invariants: ReadonlyArray<Invariant> = PREFLIGHT_INVARIANTS,
  options: { readonly stopBefore?: (k: number, step: number, steps: number) => boolean } = {},
): LargestSafe => {
  const stop = options.stopBefore;
  /** The smallest addition the simulation found unsafe, for a stopped search's report. */
  let unsafeFrom: number | undefined;
  const safe = (k: number): boolean => {
    if (k === 0)
      return runTrace(fleetSpec, scenarioConfig(config, fleet, 0), [], invariants).violation === undefined;
    const v = simulateAddition(
      config,
      fleet,
      k,
      invariants,
      stop === undefined ? {} : { stopBefore: (n, steps) => stop(k, n, steps) },
    );
    if (v.safe === "stopped") throw new Stopped();
    if (!v.safe) unsafeFrom = Math.min(unsafeFrom ?? k, k);
    return v.safe;
  };
  if (!safe(0)) return { largest: undefined, reachedLimit: false, limit };
  let lo = 0;
  let hi = 1;
  try {
    while (hi <= limit && safe(hi)) {
      lo = hi;
      hi *= 2;
    }
    if (hi > limit) {
      if (safe(limit)) return { largest: limit, reachedLimit: true, limit };
      hi = limit;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (safe(mid)) lo = mid;
      else hi = mid;
    }
  } catch (e) {
    if (!(e instanceof Stopped)) throw e;
    return {
      largest: lo,
      reachedLimit: false,
      limit,
      stopped: { safeUpTo: lo, ...(unsafeFrom === undefined ? {} : { unsafeFrom }) },
    };
  }
  return { largest: lo, reachedLimit: false, limit };
};

// ---------------------------------------------------------------------------------------------------------
// the closed form (K5/K7, R1, R7)
// ---------------------------------------------------------------------------------------------------------

/** n*: the largest group (the frontend and its peers) whose per-peer threads fit under the OS limit. */
export const largestSafeGroup = (config: Config): number =>
  config.threads.baseThreads > threadLimitInForce(config) ? 0 : maxPeerThreads(config) + 1;

/** The largest group a fleet of `units` forms: all its servers, or at most a cell under R7. */
export const largestGroup = (config: Config, units: number): number => {
  const servers = serversFor(config, units);
  return config.remediations.cellularization
    ? Math.min(servers, config.remediationParameters.cellSize)
    : servers;
};

/** Whether the closed form says a fleet of `fleet` plus `add` stays within the thread limit. */
export const safeByClosedForm = (config: Config, fleet: number, add: number): boolean =>
  largestGroup(config, fleet) <= largestSafeGroup(config) &&
  largestGroup(config, fleet + add) <= largestSafeGroup(config);

/** The closed form's largest safe addition: a number, "unbounded" (cells that fit), or undefined (unsafe already). */
export const largestSafeAdditionByClosedForm = (
  config: Config,
  fleet: number,
): number | "unbounded" | undefined => {
  const nStar = largestSafeGroup(config);
  if (largestGroup(config, fleet) > nStar) return undefined;
  if (config.remediations.cellularization && config.remediationParameters.cellSize <= nStar)
    return "unbounded";
  const factor = config.remediations.largerServers ? config.remediationParameters.largerServerFactor : 1;
  return nStar * factor - fleet;
};
