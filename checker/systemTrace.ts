// ---------------------------------------------------------------------------------------------------------
// checker: running system operations through `systemStep`, checking system invariants after every step.
// The system counterpart of trace.ts; the search, the replay, the scenario and the CLI all use this one fold.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { SystemConfig } from "../model/dependents/config.ts";
import {
  initialSystemState,
  type SystemOp,
  type SystemState,
  systemStep,
  systemStepWithEffects,
} from "../model/system.ts";
import { systemOpLabel } from "../model/systemOpLabel.ts";
import type { SystemInvariant, SystemViolation } from "../properties/dependents/index.ts";
import { systemChangesBetween } from "./systemSummary.ts";

export interface SystemTraceStep {
  readonly step: number;
  readonly op: SystemOp;
  readonly label: string;
  readonly refused?: string;
  readonly changes: ReadonlyArray<string>;
}

export interface SystemTraceResult {
  readonly steps: ReadonlyArray<SystemTraceStep>;
  readonly violation?: { readonly step: number; readonly violation: SystemViolation };
  readonly final: SystemState;
}

export const firstSystemViolation = (
  config: SystemConfig,
  s: SystemState,
  invariants: ReadonlyArray<SystemInvariant>,
): SystemViolation | undefined => {
  for (const inv of invariants) {
    const v = inv.check(config, s);
    if (O.isSome(v)) return v.value;
  }
  return undefined;
};

/** Runs `ops` from the initial system state and stops at the first violation of any of `invariants`. */
export const runSystemTrace = (
  config: SystemConfig,
  ops: ReadonlyArray<SystemOp>,
  invariants: ReadonlyArray<SystemInvariant>,
): SystemTraceResult => {
  const start = initialSystemState(config);
  const atStart = firstSystemViolation(config, start, invariants);
  if (atStart !== undefined) return { steps: [], violation: { step: 0, violation: atStart }, final: start };
  const steps: SystemTraceStep[] = [];
  let s = start;
  for (const [i, op] of ops.entries()) {
    const label = systemOpLabel(config, s, op);
    const r = systemStepWithEffects(config, s, op);
    if (E.isLeft(r)) {
      steps.push({ step: i + 1, op, label, refused: r.left.reason, changes: [] });
      continue;
    }
    steps.push({
      step: i + 1,
      op,
      label,
      changes: systemChangesBetween(config, s, r.right.state, r.right.effects),
    });
    s = r.right.state;
    const v = firstSystemViolation(config, s, invariants);
    if (v !== undefined) return { steps, violation: { step: i + 1, violation: v }, final: s };
  }
  return { steps, final: s };
};

/** The states a run of `ops` passes through (refused operations leave the state as it was), initial state first. */
export const systemStates = (
  config: SystemConfig,
  ops: ReadonlyArray<SystemOp>,
): ReadonlyArray<SystemState> => {
  const states: SystemState[] = [initialSystemState(config)];
  for (const op of ops) {
    const last = states[states.length - 1] as SystemState;
    const r = systemStep(config, last, op);
    states.push(E.isLeft(r) ? last : r.right);
  }
  return states;
};

export const acceptedSystemOps = (trace: SystemTraceResult): ReadonlyArray<SystemOp> =>
  trace.steps.filter((s) => s.refused === undefined).map((s) => s.op);
