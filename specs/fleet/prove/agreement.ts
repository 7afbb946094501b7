// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: the encoding must be the model (issue 13). A proof about encoding.ts is a proof about
// `step` only if every successor `step` produces satisfies the operation's formula. This file checks that on
// concrete values: it maps a config, a state and one frontend f to the encoding's constants (the parameters,
// and every field of f's abstract values: its own fields, its lag, its group, the fleet's servers, units and
// request counts), substitutes them into the formulas and lets Z3 evaluate the ground result to true or
// false (a routed request's stale bit eliminated as "true or false"; the tick's intermediate records given the
// values of model/clock.ts's own sub-steps, agreementTick.ts, with Z3's solver asked only when they miss).
// `encodingAgrees` draws configs and operation sequences (fast-check), runs them through a step function (the model's, or a planted bug's) and asserts, for every step and every
// frontend:
//   domain      the parameters satisfy `decoderDomain` and `paramServers`;
//   initiation  every frontend of the initial state satisfies `initial`;
//   shape       every frontend of every reachable state satisfies `fleetShape`;
//   soundness   an accepted operation satisfies, for every frontend, the formula of operations.ts it takes
//               part in: the one acting on it, or `anotherActs` / "f's fields unchanged" for the operations
//               acting on another frontend (the cases the proofs discharge with no query, docs/prove.md);
//   refusal     where the encoding says the operation is disabled for f (no successor satisfies the formula:
//               a Z3 query), `step` refuses it.
// A field added to `Abstract` must be given its concrete value in `abstractValues`, or the check stops with
// an error naming it: the formulas would not be ground.
// ---------------------------------------------------------------------------------------------------------

import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import type { Config } from "../../../model/config.ts";
import { opLabel } from "../../../model/opLabel.ts";
import type { Op } from "../../../model/ops.ts";
import { initialState } from "../../../model/state.ts";
import type { Z3 } from "../../prove/z3.ts";
import { opsArb } from "../arbitraries.ts";
import { agreementConfigArb } from "./agreementArbitraries.ts";
import { claimFor, enablingClaim, enablingFrontend } from "./agreementClaims.ts";
import {
  abstractPairs,
  type Check,
  claimsDisabled,
  firstFailing,
  formulaOf,
  frameFor,
  type Memo,
  paramPairs,
  type Stats,
} from "./agreementEvaluation.ts";
import { tickWitnesses } from "./agreementTick.ts";
import { abstractValues, flagsOf, paramValues, type StepFn } from "./agreementValues.ts";
import { decoderDomain, fleetShape, initial, paramServers } from "./encoding.ts";

// ---------------------------------------------------------------------------------------------------------
// one trace checked, and the property
// ---------------------------------------------------------------------------------------------------------

/** The first disagreement on a trace, in one sentence, or undefined. */
export const disagreementOn = async (
  z: Z3,
  stepFn: StepFn,
  config: Config,
  ops: ReadonlyArray<Op>,
  options: { readonly refusals: boolean; readonly memo?: Memo; readonly stats?: Stats } = { refusals: true },
): Promise<string | undefined> => {
  const flags = flagsOf(config);
  const frame = frameFor(z, flags);
  const { e, pre, post } = frame;
  const params = paramPairs(z, e, paramValues(config));
  const memo = options.memo ?? new Map<string, boolean>();
  const caseKey = JSON.stringify([flags, paramValues(config)]);
  const checks: Check[] = [
    {
      key: `domain${caseKey}`,
      failure: "the config's parameters fall outside the encoding's domain (decoderDomain ∧ paramServers)",
      formula: () => formulaOf(frame, "domain", () => z.And(decoderDomain(e), paramServers(e))),
      pairs: () => params,
    },
  ];
  let state = initialState(config);
  for (const f of state.frontends) {
    const from = abstractValues(config, state, f);
    checks.push({
      key: `initial${caseKey}${JSON.stringify(from)}`,
      failure: `initiation: frontend-${f.id} of the initial state, ${JSON.stringify(from)}, does not satisfy \`initial\``,
      formula: () => formulaOf(frame, "initial", () => initial(e, pre)),
      pairs: () => [...params, ...abstractPairs(z, pre, from)],
    });
  }
  for (const [i, op] of ops.entries()) {
    const where = `step ${i + 1} (${opLabel(config, state, op)}) of ${JSON.stringify(ops)}`;
    const result = stepFn(config, state, op);
    if (options.refusals) {
      const claim = enablingClaim(op);
      const f = enablingFrontend(op, state);
      if (claim !== undefined && f !== undefined && E.isRight(result)) {
        const from = abstractValues(config, state, f);
        const key = `disabled ${claim.name}${caseKey}${JSON.stringify(from)}`;
        const disabled =
          memo.get(key) ??
          (await claimsDisabled(
            z,
            formulaOf(frame, claim.name, () => claim.relation(e, pre, post)),
            [...params, ...abstractPairs(z, pre, from)],
          ));
        memo.set(key, disabled);
        if (disabled)
          return `refusal: at ${where} the encoding says ${claim.name} is disabled for frontend-${f.id}, but step takes it`;
      }
    }
    if (E.isLeft(result)) continue;
    const after = result.right;
    for (const f of after.frontends) {
      const claim = claimFor(op, state, f.id);
      const was = state.frontends.find((b) => b.id === f.id) ?? f;
      const from = abstractValues(config, state, was);
      const to = abstractValues(config, after, f);
      const pairs = () => [...params, ...abstractPairs(z, pre, from), ...abstractPairs(z, post, to)];
      const key = `${caseKey}${JSON.stringify([from, to])}`;
      const before = state;
      checks.push(
        {
          key: `${claim.name}${key}`,
          failure: `soundness: at ${where} frontend-${f.id} goes from ${JSON.stringify(from)} to ${JSON.stringify(to)}, which ${claim.name} does not allow`,
          formula: () => formulaOf(frame, claim.name, () => claim.relation(e, pre, post)),
          pairs,
          ...(claim.intermediate
            ? { witnesses: () => tickWitnesses(z, frame.middles, config, before, was) }
            : {}),
        },
        {
          key: `shape${key}`,
          failure: `shape: after ${where} frontend-${f.id} ${JSON.stringify(to)} is outside fleetShape`,
          formula: () => formulaOf(frame, "shape", () => fleetShape(e, post)),
          pairs,
        },
      );
    }
    state = after;
  }
  return firstFailing(z, memo, checks, options.stats);
};

export type Agreement =
  | {
      readonly agrees: true;
      readonly runs: number;
      /** How many tick cases no model sub-step witnessed, so Z3's solver was asked (agreementTick.ts). */
      readonly solverQueries: number;
    }
  | {
      readonly agrees: false;
      readonly runs: number;
      readonly solverQueries: number;
      /** The disagreement, in one sentence. */
      readonly message: string;
      /** fast-check's replay recipe: `{ seed, path }`. */
      readonly seed: number;
      readonly path: string;
      /** The shrunk case (absent only if fast-check reports a failure without one). */
      readonly found?: { readonly config: Config; readonly ops: ReadonlyArray<Op> };
    };

export interface AgreementOptions {
  readonly seed: number;
  readonly runs: number;
  readonly maxSteps: number;
  /** Whether to ask Z3, at each accepted step, whether the encoding claims the operation disabled. */
  readonly refusals?: boolean;
  readonly configs?: fc.Arbitrary<Config>;
}

/**
 * Draws configs and operation sequences and checks every step of `stepFn` against the encoding
 * (`disagreementOn`). Deterministic for a seed; a disagreement comes back shrunk, with its replay recipe.
 */
export const encodingAgrees = async (
  z: Z3,
  stepFn: StepFn,
  options: AgreementOptions,
): Promise<Agreement> => {
  const configs = options.configs ?? agreementConfigArb;
  const cases = configs.chain((config) => opsArb(config, options.maxSteps).map((ops) => ({ config, ops })));
  const refusals = options.refusals ?? true;
  const memo: Memo = new Map();
  const stats: Stats = { solverQueries: 0 };
  const details = await fc.check(
    fc.asyncProperty(cases, async ({ config, ops }) => {
      const message = await disagreementOn(z, stepFn, config, ops, { refusals, memo, stats });
      if (message !== undefined) throw new Error(message);
    }),
    { seed: options.seed, numRuns: options.runs },
  );
  if (!details.failed) return { agrees: true, runs: details.numRuns, solverQueries: stats.solverQueries };
  const found = details.counterexample?.[0];
  const error = details.errorInstance;
  return {
    agrees: false,
    runs: details.numRuns,
    solverQueries: stats.solverQueries,
    message: error instanceof Error ? error.message : String(error),
    seed: details.seed,
    path: details.counterexamplePath ?? "",
    ...(found === undefined ? {} : { found }),
  };
};
