// ---------------------------------------------------------------------------------------------------------
// specs/prove: discharging one proof obligation with Z3, for any spec's encoding. An obligation Φ under
// assumptions A is proved by asking for a model of A ∧ ¬Φ: `unsat` proves Φ for every value of the unknowns;
// `sat` gives a counterexample, read back through the encoding's own `read` (its parameters and the abstract
// state before and after); `unknown` proves nothing. The fleet (specs/fleet/prove/) and the dependents
// (specs/system/prove/) both discharge their obligations here.
// ---------------------------------------------------------------------------------------------------------
import type { Arith, Bool, Model } from "z3-solver";
import { withSolver, type Z3 } from "./z3.ts";

/**
 * Concrete values from a Z3 model: the parameters, and the abstract state before and after the operation (a
 * value may be a name, as the fleet's map status).
 */
export interface Assignment {
  readonly params: Readonly<Record<string, number>>;
  readonly before: Readonly<Record<string, number | boolean | string>>;
  readonly after?: Readonly<Record<string, number | boolean | string>>;
}

export type ObligationResult =
  | { readonly obligation: string; readonly status: "proved"; readonly ms: number }
  | {
      readonly obligation: string;
      readonly status: "counterexample";
      readonly ms: number;
      readonly assignment: Assignment;
    }
  | { readonly obligation: string; readonly status: "unknown"; readonly ms: number; readonly reason: string };

/** A number from a Z3 model (completed: an unknown the model leaves free reads as 0; Z3 prints −3 as `(- 3)`). */
export const numberIn = (m: Model, x: Arith): number =>
  Number(
    m
      .eval(x, true)
      .toString()
      .replace(/^\(- (\d+)\)$/, "-$1"),
  );

/** A Boolean from a Z3 model (completed). */
export const booleanIn = (m: Model, x: Bool): boolean => m.eval(x, true).toString() === "true";

/** Looks for a model of `assumptions` ∧ ¬`goal`: none proves the goal; one is read back as a counterexample. */
export const discharge = async (
  z: Z3,
  obligation: string,
  assumptions: ReadonlyArray<Bool>,
  goal: Bool,
  read: (m: Model) => Assignment,
): Promise<ObligationResult> => {
  const started = performance.now();
  return withSolver(z, async (solver) => {
    for (const a of assumptions) solver.add(a);
    solver.add(z.Not(goal));
    const answer = await solver.check();
    const ms = Math.round(performance.now() - started);
    if (answer === "unsat") return { obligation, status: "proved", ms };
    if (answer === "unknown") return { obligation, status: "unknown", ms, reason: solver.reasonUnknown() };
    return { obligation, status: "counterexample", ms, assignment: read(solver.model()) };
  });
};

/** PROVED when every obligation is, NOT INDUCTIVE when one has a counterexample, UNKNOWN otherwise. */
export const verdictOf = (
  obligations: ReadonlyArray<ObligationResult>,
): "PROVED" | "NOT INDUCTIVE" | "UNKNOWN" =>
  obligations.every((o) => o.status === "proved")
    ? "PROVED"
    : obligations.some((o) => o.status === "counterexample")
      ? "NOT INDUCTIVE"
      : "UNKNOWN";
