// ---------------------------------------------------------------------------------------------------------
// checker: random search over system traces for one dependent invariant, in the pattern of search.ts:
// fast-check generates weighted operation sequences, each runs through `systemStep`, the invariant is checked
// after every step; a failure is shrunk by fast-check and then made 1-minimal. Deterministic for a seed.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { SystemConfig } from "../model/dependents/config.ts";
import { initialSystemState, type SystemOp, systemStep } from "../model/system.ts";
import type { SystemInvariant } from "../properties/dependents/index.ts";
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
  const start = initialSystemState(config);
  let runsDone = 0;
  let steps = 0;
  let shrinking = false;
  let best = { closeness: -1, run: 0 };
  let firstFailureLength = 0;
  const property = fc.property(systemOpsArb(config, options.maxSteps), (ops) => {
    const run = runsDone;
    if (!shrinking) runsDone += 1;
    let s = start;
    let ok = O.isNone(inv.check(config, s));
    for (const op of ops) {
      if (!ok) break;
      const r = systemStep(config, s, op);
      if (E.isLeft(r)) continue;
      s = r.right;
      if (!shrinking) {
        steps += 1;
        const c = inv.closeness(config, s);
        if (c > best.closeness) best = { closeness: c, run };
      }
      ok = O.isNone(inv.check(config, s));
    }
    if (!shrinking) {
      options.onRun?.(runsDone);
      if (!ok) {
        shrinking = true;
        firstFailureLength = ops.length;
      }
    }
    return ok;
  });
  const details = fc.check(property, { seed: options.seed, numRuns: options.runs, endOnFailure: false });
  if (!details.failed || details.counterexample === null)
    return {
      status: "holds",
      runs: runsDone,
      steps,
      nearMiss: {
        closeness: Math.max(0, best.closeness),
        meaning: inv.closenessMeaning,
        seed: options.seed,
        path: String(best.run),
      },
    };
  const ops = minimizeSystem(config, inv, details.counterexample[0]);
  const trace = runSystemTrace(config, ops, [inv]);
  const violation = trace.violation;
  if (violation === undefined) throw new Error("internal: the minimized counterexample no longer fails");
  return {
    status: "violated",
    runs: runsDone,
    steps,
    found: {
      seed: options.seed,
      path: details.counterexamplePath ?? "",
      ops,
      trace,
      violationStep: violation.step,
      message: violation.violation.message,
      lengthBeforeShrink: firstFailureLength,
    },
  };
};
