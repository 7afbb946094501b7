// Test helper: the state after applying operations with the real `step`, failing loudly on a refusal.
import * as E from "fp-ts/lib/Either.js";
import type { Config } from "../model/config.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import type { Op } from "../model/ops.ts";
import { initialState, type State } from "../model/state.ts";
import { step } from "../model/step.ts";
import { initialSystemState, type SystemOp, type SystemState, systemStep } from "../model/system.ts";

/** Applies `ops` from `from` (default: the initial state); every op must be enabled. */
export const applied = (config: Config, ops: ReadonlyArray<Op>, from: State = initialState(config)): State =>
  ops.reduce((s, op) => {
    const r = step(config, s, op);
    if (E.isLeft(r)) throw new Error(`${op.type} refused: ${r.left.reason}`);
    return r.right;
  }, from);

/** The refusal reason of `op` in `state`, or undefined when it is enabled. */
export const refusal = (config: Config, state: State, op: Op): string | undefined => {
  const r = step(config, state, op);
  return E.isLeft(r) ? r.left.reason : undefined;
};

export const ticks = (n: number): ReadonlyArray<Op> =>
  Array.from({ length: n }, () => ({ type: "tick" }) as const);

/** `applied` for the whole system: the fleet and its dependents, with the real `systemStep`. */
export const appliedSystem = (
  config: SystemConfig,
  ops: ReadonlyArray<SystemOp>,
  from: SystemState = initialSystemState(config),
): SystemState =>
  ops.reduce((s, op) => {
    const r = systemStep(config, s, op);
    if (E.isLeft(r)) throw new Error(`${op.type} refused: ${r.left.reason}`);
    return r.right;
  }, from);
