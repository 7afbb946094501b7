// ---------------------------------------------------------------------------------------------------------
// checker: random search over system traces for one dependent invariant, in the pattern of search.ts:
// fast-check generates weighted operation sequences, each runs through `systemStep`, the invariant is checked
// after every step; a failure is shrunk by fast-check and then made 1-minimal. Deterministic for a seed.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { SystemConfig } from "../model/dependents/config.ts";
import { initialSystemState, type SystemOp, systemStep } from "../model/system.ts";
import type { SystemInvariant } from "../properties/dependents/index.ts";
import { searchRuns } from "./propertySearch.ts";
import type { NearMiss, SearchOptions } from "./search.ts";
import { systemOpsArb } from "./systemArbitraries.ts";
import { acceptedSystemOps, runSystemTrace, type SystemTraceResult } from "./systemTrace.ts";

/** System traces need room for an impairment to last: the default longest sequence is larger than the core's. */
export const DEFAULT_SYSTEM_MAX_STEPS = 120;

export interface SystemFound {
  readonly seed: number;
  readonly path: string;
  readonly ops: ReadonlyArray<SystemOp>;
  readonly trace: SystemTraceResult;
  readonly violationStep: number;
  readonly message: string;
  readonly lengthBeforeShrink: number;
}

export type SystemSearchResult =
  | { readonly status: "holds"; readonly runs: number; readonly steps: number; readonly nearMiss: NearMiss }
  | {
      readonly status: "violated";
      readonly runs: number;
      readonly steps: number;
      readonly found: SystemFound;
    };

const stillFails = (config: SystemConfig, inv: SystemInvariant, ops: ReadonlyArray<SystemOp>): boolean =>
  runSystemTrace(config, ops, [inv]).violation !== undefined;

/** Drops operations one at a time while the violation remains: the result is 1-minimal. */
export const minimizeSystem = (
  config: SystemConfig,
  inv: SystemInvariant,
  ops: ReadonlyArray<SystemOp>,
): ReadonlyArray<SystemOp> => {
  const trace = runSystemTrace(config, ops, [inv]);
  let failing = trace.violation === undefined ? ops : acceptedSystemOps(trace);
  // Passes over the list, dropping each operation the violation does not need, until a whole pass drops
  // nothing: then no single removal keeps the violation (1-minimal).
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = failing.length - 1; i >= 0; i--) {
      const without = [...failing.slice(0, i), ...failing.slice(i + 1)];
      if (stillFails(config, inv, without)) {
        failing = without;
        changed = true;
      }
    }
  }
  return failing;
};

/** Searches for a violation of the system invariant `inv` under `config`. */
export const searchSystemInvariant = (
  config: SystemConfig,
  inv: SystemInvariant,
  options: SearchOptions,
): SystemSearchResult => {
  const searched = searchRuns(
    {
      ops: systemOpsArb(config, options.maxSteps),
      initial: initialSystemState(config),
      step: (state, op) => systemStep(config, state, op),
      holds: (state) => O.isNone(inv.check(config, state)),
      closeness: (state) => inv.closeness(config, state),
    },
    options,
  );
  const { runs, steps, failing } = searched;
  if (failing === undefined)
    return {
      status: "holds",
      runs,
      steps,
      nearMiss: { ...searched.best, meaning: inv.closenessMeaning, seed: options.seed },
    };
  const ops = minimizeSystem(config, inv, failing.ops);
  const trace = runSystemTrace(config, ops, [inv]);
  const violation = trace.violation;
  if (violation === undefined) throw new Error("internal: the minimized counterexample no longer fails");
  return {
    status: "violated",
    runs,
    steps,
    found: {
      seed: options.seed,
      path: failing.path,
      ops,
      trace,
      violationStep: violation.step,
      message: violation.violation.message,
      lengthBeforeShrink: failing.lengthBeforeShrink,
    },
  };
};
