// ---------------------------------------------------------------------------------------------------------
// cli: the pieces every human report shares: the invariant column, the plural of "step", and a trace as
// numbered steps with what each changed (check, verify and preflight print traces the same way).
// ---------------------------------------------------------------------------------------------------------
import type { Spec } from "../checker/spec.ts";
import type { NarratedStep } from "../explain/narrate.ts";

/** `s` padded to the column width `n` (at least one space after it). */
export const pad = (s: string, n: number): string => s + " ".repeat(Math.max(1, n - s.length));

/** The report's column width for `spec`'s invariants: its longest name, and two spaces. */
export const nameWidth = <C, S, Op>(spec: Spec<C, S, Op>): number =>
  Math.max(...spec.invariants.map((i) => i.name.length)) + 2;

/** "1 step", "3 steps". */
export const steps = (n: number): string => `${n} step${n === 1 ? "" : "s"}`;

/** A trace as numbered steps, each with its label (and refusal, if refused) and what it changed. */
export const traceLines = (trace: ReadonlyArray<NarratedStep>): ReadonlyArray<string> =>
  trace.flatMap((s) => [
    `  ${String(s.step).padStart(3)}. ${s.label}${s.refused === undefined ? "" : ` (refused: ${s.refused})`}`,
    ...s.changes.map((c) => `         ${c}`),
  ]);
