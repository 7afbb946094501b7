// ---------------------------------------------------------------------------------------------------------
// model: what a dependent's step did, as data (style habit 10, after xstate's `transition` returning the next
// snapshot plus its actions). A step returns the next state and these descriptors; it performs nothing. The
// checker turns them into trace sentences; nothing in the model reads them back.
// ---------------------------------------------------------------------------------------------------------

import * as E from "fp-ts/lib/Either.js";
import type { Refusal } from "../refusal.ts";

export type BufferingService = "cognito" | "cloudwatch" | "lambda" | "customer";

export type DependentEffect =
  /** Records or datapoints went into a local buffer because the next hop was unavailable. */
  | { readonly _tag: "Buffered"; readonly service: BufferingService; readonly count: number }
  /** A buffer was drained: its contents were delivered (or, for Lambda, flushed to CloudWatch). */
  | { readonly _tag: "Drained"; readonly service: BufferingService; readonly count: number }
  /** A full buffer dropped what did not fit, on purpose (R9, R10, R11, seed 000): counted, not blocking. */
  | { readonly _tag: "Dropped"; readonly service: BufferingService; readonly count: number }
  /** Data was lost with no buffer to hold it (W1: the gaps). */
  | { readonly _tag: "Lost"; readonly service: BufferingService; readonly count: number }
  /** C2: a full buffer blocked the request path. */
  | { readonly _tag: "Blocked"; readonly service: "cognito" }
  /** Seed 000: the customer's pipeline switched to its standby region. */
  | { readonly _tag: "FailedOver"; readonly service: "customer" };

/** A dependent's step: the next state and what happened, as data. */
export interface Stepped<S> {
  readonly next: S;
  readonly effects: ReadonlyArray<DependentEffect>;
}

/**
 * A dependent's event (a user signs in, an operator posts a status update): what the step gives, or a typed
 * refusal when the event is not enabled (habit 7), as the fleet's operations do.
 */
export type EventResult<S> = E.Either<Refusal, Stepped<S>>;

/** An event that is not enabled in this state, and why. */
export const eventRefused = <S>(reason: string): EventResult<S> => E.left({ _tag: "NotEnabled", reason });

export const stepped = <S>(next: S, ...effects: ReadonlyArray<DependentEffect | undefined>): Stepped<S> => ({
  next,
  effects: effects.filter((e): e is DependentEffect => e !== undefined && (!("count" in e) || e.count > 0)),
});
