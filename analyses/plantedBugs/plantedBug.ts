// ---------------------------------------------------------------------------------------------------------
// analyses/plantedBugs: deliberately wrong variants of the model, to prove the invariants bite (issue 7:
// "a checker that passes because it cannot fail is worse than none"). No planted bug lives in model/:
// each one is a step function built from the real per-operation functions with exactly one of them
// swapped for a plausible wrong version (wrapped, or re-parameterised). The search runs it through
// `searchInvariant(specWith(bug.step), ...)`, the same search `npx outage check` uses.
// ---------------------------------------------------------------------------------------------------------

import type { Spec } from "../../checker/spec.ts";
import {
  type Config,
  type RemediationName,
  withAllRemediations,
  withRemediations,
} from "../../model/config.ts";
import { asWas } from "../../model/configs/asWas.ts";
import { capacityAdded, threadsForGroupOf } from "../../model/fleet.ts";
import type { Op, OpType } from "../../model/ops.ts";
import { prevented, type StepResult } from "../../model/refusal.ts";
import { placeMembers, type State, serversFor } from "../../model/state.ts";
import { step } from "../../model/step.ts";
import type { InvariantName } from "../../properties/index.ts";
import { fleetSpec } from "../../specs/fleet.ts";

/** A next-state function with `step`'s signature. */
export type StepFn = (config: Config, state: State, op: Op) => StepResult;

export interface PlantedBug {
  /** Short camelCase name, shown in the trust table. */
  readonly name: string;
  /** The mistake, in one sentence a reviewer recognises. */
  readonly description: string;
  /** Why it is plausible: the public-record fact (domain.md ID) or the likely slip it imitates. */
  readonly source: string;
  /**
   * The remediations on (over `as-was`) under which the bug runs. The expected invariant must hold there
   * for the real model (properties/expectations.ts), so a violation is the bug's doing and nothing else.
   */
  readonly remediations: ReadonlyArray<RemediationName> | "all";
  /** The invariant that must catch it. */
  readonly expectedInvariant: InvariantName;
  /** The wrong next-state function. */
  readonly step: StepFn;
}

/** A next-state handler for one operation type. */
export type Handler<K extends OpType> = (
  config: Config,
  state: State,
  op: Extract<Op, { readonly type: K }>,
) => StepResult;

/** `step`, with the operations named in `swapped` handled by the given (wrong) functions instead. */
export const stepWith =
  (swapped: { readonly [K in OpType]?: Handler<K> }): StepFn =>
  (config, state, op) => {
    const handler = swapped[op.type] as Handler<typeof op.type> | undefined;
    return handler === undefined ? step(config, state, op) : handler(config, state, op as never);
  };

/** The config a bug (or an expectation) runs under. */
export const configWith = (remediations: ReadonlyArray<RemediationName> | "all"): Config =>
  remediations === "all" ? withAllRemediations(asWas) : withRemediations(asWas, remediations);

/** `config` with one remediation forced off: how a bug "forgets" a remediation in one operation. */
export const without = (config: Config, remediation: RemediationName): Config => ({
  ...config,
  remediations: { ...config.remediations, [remediation]: false },
});

/**
 * The fleet spec with `stepFn` for its next-state function. The compiled search (specs/fleet/compiled/flatBfs.ts) is a
 * copy of the real model, so a planted bug is explored by the reference search, which runs `stepFn` itself.
 */
export const specWith = (stepFn: StepFn): Spec<Config, State, Op> => ({
  ...fleetSpec,
  step: stepFn,
  ...(fleetSpec.exploration === undefined
    ? {}
    : { exploration: { ...fleetSpec.exploration, compiled: undefined } }),
});

/**
 * The fleet spec as if `stepFn` had been written into model/ itself: its `step` replaced and its compiled search
 * kept, the situation of a user who edits the model (issue 19). `verify` must then refuse (the run-time
 * cross-check, checker/verify/crossCheck.ts) or give the verdict of `stepFn`, never the old model's proof.
 */
export const modelEditedTo = (stepFn: StepFn): Spec<Config, State, Op> => ({ ...fleetSpec, step: stepFn });

/**
 * `step`, with capacity added as if the remediation parameter `key` were one more than configured: how a bug
 * miscounts a cell's size or a larger server's capacity in the addition alone.
 */
export const additionMiscounts = (key: "largerServerFactor" | "cellSize"): StepFn =>
  stepWith({
    capacityAdded: (config, state, op) =>
      capacityAdded(
        {
          ...config,
          remediationParameters: {
            ...config.remediationParameters,
            [key]: config.remediationParameters[key] + 1,
          },
        },
        state,
        op,
      ),
  });

/**
 * `step`, with the preflight guard judging the addition by a group of `seen(largest)` members instead of the
 * largest group after placement: how a bug miscounts the group the guard's closed form is given.
 */
export const guardMiscounts = (seen: (largest: number) => number): StepFn =>
  stepWith({
    capacityAdded: (config, state, op) => {
      const added =
        serversFor(config, state.capacityUnits + op.count) - serversFor(config, state.capacityUnits);
      const { sizes } = placeMembers(config, state.cellSizes, Math.max(0, added));
      const largest = Math.max(0, ...sizes);
      return config.remediations.preflightGuard &&
        threadsForGroupOf(config, seen(largest)) > config.threads.threadLimit
        ? prevented("preflightGuard", `(planted bug) ${largest} members would be over the limit`)
        : capacityAdded(without(config, "preflightGuard"), state, op);
    },
  });
