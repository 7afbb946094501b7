// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: from a symbolic counterexample back to the real model. Z3's counterexample to ThreadBudget
// (without cells or the guard) names thread numbers and a live frontend over the limit in a group of g
// servers; such a frontend knows at most g − 1 peers, so a fleet of g servers is over the limit. This builds
// that fleet in the model, one frontend grown by `capacityAdded` to g servers, and runs it through `step` and
// ThreadBudget's `check`: the counterexample is reachable, not an artefact of the abstraction. Likewise Z3's
// counterexample to RoutesToCurrentOwner (a request through a stale entry, without waitForCompleteMap): one
// serving frontend, a shard move, a request for that shard, run through `step` and the invariant's `check`.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../../../model/config.ts";
import { asWas } from "../../../model/configs/asWas.ts";
import type { Op } from "../../../model/ops.ts";
import { initialState } from "../../../model/state.ts";
import { step } from "../../../model/step.ts";
import type { Invariant } from "../../../properties/invariant.ts";
import { routesToCurrentOwner } from "../../../properties/routesToCurrentOwner.ts";
import { threadBudget } from "../../../properties/threadBudget.ts";
import type { ProofFlags } from "./encoding.ts";
import type { ArgumentResult, Assignment } from "./prove.ts";

export interface ConcreteTrace {
  readonly config: Config;
  readonly ops: ReadonlyArray<Op>;
  /** ThreadBudget's message after the last operation, if it is violated there. */
  readonly violation: string | undefined;
}

/** The first counterexample's violating state: the state after the operation, or the one before for initiation. */
export const violatingState = (
  result: ArgumentResult,
): { readonly params: Assignment["params"]; readonly group: number } | undefined => {
  for (const o of result.obligations) {
    if (o.status !== "counterexample") continue;
    const state = o.assignment.after ?? o.assignment.before;
    if (state.live === true && typeof state.group === "number")
      return { params: o.assignment.params, group: state.group };
  }
  return undefined;
};

/** A config with Z3's thread numbers and the set's remediations, for a fleet of `initialSize` to `maxSize` units. */
const configFor = (
  flags: ProofFlags,
  params: Assignment["params"],
  fleet: Config["fleet"],
  factor: number,
): Config => ({
  ...asWas,
  name: "prove-counterexample",
  description: "Thread numbers from Z3's counterexample to induction, run through the model.",
  fleet,
  threads: {
    threadLimit: params.threadLimit ?? 1,
    baseThreads: params.baseThreads ?? 0,
    threadsPerPeer: params.threadsPerPeer ?? 1,
  },
  remediations: { ...asWas.remediations, ...flags },
  // Z3's threadLimit is the limit in force (encoding.ts `Params`): under R3 the tested one, so both are it.
  remediationParameters: {
    ...asWas.remediationParameters,
    largerServerFactor: factor,
    testedThreadLimit: params.threadLimit ?? 1,
  },
});

/** `ops` from `config`'s initial state through `step`, then `invariant`'s message if it is violated there. */
const runThrough = (config: Config, ops: ReadonlyArray<Op>, invariant: Invariant): ConcreteTrace => {
  const last = ops.reduce<E.Either<string, ReturnType<typeof initialState>>>(
    (state, op) =>
      E.isLeft(state)
        ? state
        : E.mapLeft((r: { readonly reason: string }) => r.reason)(step(config, state.right, op)),
    E.right(initialState(config)),
  );
  const violation = E.isRight(last)
    ? O.toUndefined(
        O.map((v: { readonly message: string }) => v.message)(invariant.check(config, last.right)),
      )
    : undefined;
  return { config, ops, violation };
};

/** A fleet grown from one frontend to `group` servers, with Z3's thread numbers, run through `step`. */
export const replayConcretely = (
  flags: ProofFlags,
  params: Assignment["params"],
  group: number,
): ConcreteTrace => {
  const factor = flags.largerServers ? (params.largerServerFactor ?? 1) : 1;
  const units = group * factor;
  const config = configFor(flags, params, { initialSize: 1, maxSize: units }, factor);
  const ops: ReadonlyArray<Op> = units > 1 ? [{ type: "capacityAdded", count: units - 1 }] : [];
  return runThrough(config, ops, threadBudget);
};

/** One serving frontend, shard 0 moved, a request for it: RoutesToCurrentOwner through `step`. */
export const replayMisroute = (flags: ProofFlags, params: Assignment["params"]): ConcreteTrace => {
  const factor = flags.largerServers ? (params.largerServerFactor ?? 1) : 1;
  const config = configFor(flags, params, { initialSize: 1, maxSize: 1 }, factor);
  return runThrough(
    config,
    [
      { type: "shardMoved", shard: 0 },
      { type: "requestRouted", frontend: 0, shard: 0 },
    ],
    routesToCurrentOwner,
  );
};
