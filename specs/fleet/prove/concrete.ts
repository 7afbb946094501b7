// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: from a symbolic counterexample back to the real model. Z3's counterexample to ThreadBudget
// (without cells or the guard) names thread numbers and a live frontend over the limit in a group of g
// servers; such a frontend knows at most g − 1 peers, so a fleet of g servers is over the limit. This builds
// that fleet in the model, one frontend grown by `capacityAdded` to g servers, and runs it through `step` and
// ThreadBudget's `check`: the counterexample is reachable, not an artefact of the abstraction.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../../../model/config.ts";
import { asWas } from "../../../model/configs/asWas.ts";
import type { Op } from "../../../model/ops.ts";
import { initialState } from "../../../model/state.ts";
import { step } from "../../../model/step.ts";
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

/** A fleet grown from one frontend to `group` servers, with Z3's thread numbers, run through `step`. */
export const replayConcretely = (
  flags: ProofFlags,
  params: Assignment["params"],
  group: number,
): ConcreteTrace => {
  const factor = flags.largerServers ? (params.largerServerFactor ?? 1) : 1;
  const units = group * factor;
  const config: Config = {
    ...asWas,
    name: "prove-counterexample",
    description:
      "Thread numbers from Z3's counterexample to ThreadBudget; a fleet grown to the group's size.",
    fleet: { initialSize: 1, maxSize: units },
    threads: {
      threadLimit: params.threadLimit ?? 1,
      baseThreads: params.baseThreads ?? 0,
      threadsPerPeer: params.threadsPerPeer ?? 1,
    },
    remediations: { ...asWas.remediations, ...flags },
    remediationParameters: { ...asWas.remediationParameters, largerServerFactor: factor },
  };
  const ops: ReadonlyArray<Op> = units > 1 ? [{ type: "capacityAdded", count: units - 1 }] : [];
  const last = ops.reduce<E.Either<string, ReturnType<typeof initialState>>>(
    (state, op) =>
      E.isLeft(state)
        ? state
        : E.mapLeft((r: { readonly reason: string }) => r.reason)(step(config, state.right, op)),
    E.right(initialState(config)),
  );
  const violation = E.isRight(last)
    ? O.toUndefined(
        O.map((v: { readonly message: string }) => v.message)(threadBudget.check(config, last.right)),
      )
    : undefined;
  return { config, ops, violation };
};
