// ---------------------------------------------------------------------------------------------------------
// model: EC2 AutoScaling (domain.md A1; seed 000's 9:52 AM SHD post). Reactive scaling policies read
// CloudWatch metrics; with metrics delayed, scaling was delayed until CloudWatch began recovering (17:47),
// and AWS advised manual scaling. R10: recent metrics readable from CloudWatch's local store.
// ---------------------------------------------------------------------------------------------------------

import * as E from "fp-ts/lib/Either.js";
import { type EventResult, stepped } from "./effects.ts";

export interface AutoScalingState {
  /** A1: the tick at which a load change happened that the group has not yet acted on (null: none pending). */
  readonly pendingSince: number | null;
  /** Load changes acted on. */
  readonly reactions: number;
}

export const initialAutoScaling: AutoScalingState = { pendingSince: null, reactions: 0 };

/**
 * A1: a customer's load changes; the group must scale. Always enabled: a second change while one is pending
 * happens, but adds nothing new to wait for.
 */
export const loadChanged = (a: AutoScalingState, now: number): EventResult<AutoScalingState> =>
  E.right(stepped(a.pendingSince === null ? { ...a, pendingSince: now } : a));

/** One tick: a pending change is acted on when the metrics can be read (A1: `asg.canReact = cw.metricsAvailable`). */
export const autoscalingTick = (a: AutoScalingState, metricsReadable: boolean): AutoScalingState =>
  a.pendingSince !== null && metricsReadable ? { pendingSince: null, reactions: a.reactions + 1 } : a;

/** How long the pending change has waited at `now` (0 when none is pending). */
export const scalingDelay = (a: AutoScalingState, now: number): number =>
  a.pendingSince === null ? 0 : now - a.pendingSince;
