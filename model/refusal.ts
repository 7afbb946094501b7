// ---------------------------------------------------------------------------------------------------------
// model: what `step` returns. A disabled operation is a typed refusal, never a silent no-op (style habit 7).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import type { State } from "./state.ts";

export type Refusal =
  /** The operation's guard is false in this state; `reason` says which conjunct, in domain words. */
  | { readonly _tag: "NotEnabled"; readonly reason: string }
  /** The remediated system refuses it on purpose (for example the preflight guard); `reason` says why. */
  | { readonly _tag: "Prevented"; readonly remediation: string; readonly reason: string };

export type StepResult = E.Either<Refusal, State>;

export const notEnabled = (reason: string): StepResult => E.left({ _tag: "NotEnabled", reason });

export const prevented = (remediation: string, reason: string): StepResult =>
  E.left({ _tag: "Prevented", remediation, reason });

export const next = (state: State): StepResult => E.right(state);
