// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: every core invariant under one set of remediations. For each invariant the arguments of
// arguments.ts are tried in order until one is PROVED; the ones that fail are kept (their counterexamples to
// induction are the report), and a NOT INDUCTIVE ThreadBudget is replayed through the real `step`
// (concrete.ts). Results are cached per process by (remediations, argument): the matrix and the command
// share them.
// ---------------------------------------------------------------------------------------------------------

import type { Config } from "../../../model/config.ts";
import type { Op } from "../../../model/ops.ts";
import type { Z3 } from "../../prove/z3.ts";
import { type Argument, argumentsFor } from "./arguments.ts";
import { replayConcretely, replayMisroute, violatingState } from "./concrete.ts";
import { CORE_INVARIANTS, type CoreInvariant, type ProofFlags } from "./encoding.ts";
import { type ArgumentResult, proveArgument } from "./prove.ts";

/** A ThreadBudget counterexample built in the model and run through `step`. */
export interface ConcreteReport {
  readonly fleet: number;
  readonly operations: string;
  readonly violation: string | undefined;
  /** The concrete config (Z3's numbers) and operations, for the CLI to save as a counterexample. */
  readonly config: Config;
  readonly ops: ReadonlyArray<Op>;
}

export type Attempt = ArgumentResult & { readonly concrete?: ConcreteReport };

/** One invariant under one set: its verdict, the proof if any, and every argument tried. */
export interface InvariantReport {
  readonly invariant: CoreInvariant;
  readonly verdict: ArgumentResult["verdict"];
  /** The argument PROVED, if one was. */
  readonly proof: Attempt | undefined;
  readonly attempts: ReadonlyArray<Attempt>;
}

export interface SetReport {
  readonly remediations: string;
  readonly flags: Required<ProofFlags>;
  readonly invariants: ReadonlyArray<InvariantReport>;
}

/** The flags of a set of remediation names. */
export const flagsOf = (names: ReadonlyArray<string>): Required<ProofFlags> => {
  const on = (n: string): boolean => names.includes(n);
  return {
    preflightGuard: on("preflightGuard"),
    largerServers: on("largerServers"),
    cellularization: on("cellularization"),
    bootstrapFromAuthoritative: on("bootstrapFromAuthoritative"),
    waitForCompleteMap: on("waitForCompleteMap"),
    testedHigherLimit: on("testedHigherLimit"),
    cacheOnDedicatedFleet: on("cacheOnDedicatedFleet"),
  };
};

const cache = new Map<string, Promise<Attempt>>();

/**
 * A NOT INDUCTIVE ThreadBudget or RoutesToCurrentOwner replayed on a concrete fleet through `step`
 * (concrete.ts): whether Z3's counterexample is reachable in the model.
 */
const replayed = (flags: Required<ProofFlags>, result: ArgumentResult): ConcreteReport | undefined => {
  if (result.verdict !== "NOT INDUCTIVE") return undefined;
  if (result.invariant === "RoutesToCurrentOwner") {
    const cti = result.obligations.find((o) => o.status === "counterexample");
    if (cti?.status !== "counterexample") return undefined;
    const trace = replayMisroute(flags, cti.assignment.params);
    return {
      fleet: 1,
      operations: trace.ops.map((op) => JSON.stringify(op)).join(", "),
      violation: trace.violation,
      config: trace.config,
      ops: trace.ops,
    };
  }
  const state = result.invariant === "ThreadBudget" ? violatingState(result) : undefined;
  if (state === undefined) return undefined;
  const trace = replayConcretely(flags, state.params, state.group);
  return {
    fleet: state.group,
    operations: trace.ops.map((op) => JSON.stringify(op)).join(", "),
    violation: trace.violation,
    config: trace.config,
    ops: trace.ops,
  };
};

/** `argument` under `flags`, with the concrete replay of a NOT INDUCTIVE ThreadBudget (cached). */
const attempt = (
  z: Z3,
  flags: Required<ProofFlags>,
  argument: Argument,
  necessity: boolean,
): Promise<Attempt> => {
  const key = `${JSON.stringify(flags)}/${argument.invariant}/${argument.name}/${necessity}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const computed = proveArgument(z, flags, argument, { necessity }).then((result): Attempt => {
    const concrete = replayed(flags, result);
    return concrete === undefined ? result : { ...result, concrete };
  });
  cache.set(key, computed);
  return computed;
};

/**
 * `invariant` under `flags`: its arguments in order until one is PROVED (and whether its side condition is
 * necessary, unless `necessity` is false).
 */
export const proveInvariant = async (
  z: Z3,
  flags: Required<ProofFlags>,
  invariant: CoreInvariant,
  necessity = true,
): Promise<InvariantReport> => {
  const attempts: Attempt[] = [];
  for (const argument of argumentsFor(invariant, flags)) {
    const a = await attempt(z, flags, argument, necessity);
    attempts.push(a);
    if (a.verdict === "PROVED") return { invariant, verdict: "PROVED", proof: a, attempts };
  }
  const last = attempts[attempts.length - 1];
  return { invariant, verdict: last?.verdict ?? "UNKNOWN", proof: undefined, attempts };
};

/** Every invariant of `invariants` (default: all core invariants) under one set. */
export const proveSet = async (
  z: Z3,
  remediations: string,
  flags: Required<ProofFlags>,
  invariants: ReadonlyArray<CoreInvariant> = CORE_INVARIANTS,
): Promise<SetReport> => {
  const reports: InvariantReport[] = [];
  for (const invariant of invariants) reports.push(await proveInvariant(z, flags, invariant));
  return { remediations, flags, invariants: reports };
};
