// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: evaluating the encoding's formulas on concrete values, for the agreement property
// (agreement.ts): substitute each constant's value and let Z3 evaluate the ground formula; remember answers.
// A relation with intermediate constants of its own (the tick's records) is made ground by witnesses, and Z3's
// solver is asked its existential only when no witness makes it true (agreementTick.ts).
// ---------------------------------------------------------------------------------------------------------
import type { Bool } from "z3-solver";
import { withSolver, type Z3 } from "../../prove/z3.ts";
import type { AbstractValues, ParamValues } from "./agreementValues.ts";
import type { Abstract, Enc, Params, ProofFlags } from "./encoding.ts";
import { abstractIn, encoding } from "./encoding.ts";
import { tickMiddles } from "./operations.ts";

/** The encoding for one set of flags, with f before ("") and after ("'"), built once per flags. */
export interface Frame {
  readonly e: Enc;
  readonly pre: Abstract;
  readonly post: Abstract;
  /** The tick relation's intermediate records (operations.ts `tickMiddles`), built once. */
  readonly middles: ReturnType<typeof tickMiddles>;
  /** Each claim's formula over pre and post, built once (building Z3 terms costs JS wrapper objects). */
  readonly formulas: Map<string, Bool>;
}

const frames = new WeakMap<Z3, Map<string, Frame>>();

export const frameFor = (z: Z3, flags: ProofFlags): Frame => {
  const byFlags = frames.get(z) ?? new Map<string, Frame>();
  frames.set(z, byFlags);
  const key = JSON.stringify(flags);
  const known = byFlags.get(key);
  if (known !== undefined) return known;
  const e = encoding(z, flags);
  const frame = {
    e,
    pre: abstractIn(z, ""),
    post: abstractIn(z, "'"),
    middles: tickMiddles(e),
    formulas: new Map(),
  };
  byFlags.set(key, frame);
  return frame;
};

/** `build()`, built once per frame under `name`. */
export const formulaOf = (frame: Frame, name: string, build: () => Bool): Bool => {
  const known = frame.formulas.get(name);
  if (known !== undefined) return known;
  const phi = build();
  frame.formulas.set(name, phi);
  return phi;
};

const intVals = new WeakMap<Z3, Map<number, ReturnType<Z3["Int"]["val"]>>>();

/** Z3's integer `n`, one wrapper object per value (the values are small and repeat). */
const intVal = (z: Z3, n: number): ReturnType<Z3["Int"]["val"]> => {
  const byValue = intVals.get(z) ?? new Map<number, ReturnType<Z3["Int"]["val"]>>();
  intVals.set(z, byValue);
  const known = byValue.get(n);
  if (known !== undefined) return known;
  const v = z.Int.val(n);
  byValue.set(n, v);
  return v;
};

export type Pair = [ReturnType<Z3["Int"]["const"]> | Bool, ReturnType<Z3["Int"]["val"]> | Bool];

/** Pairs each constant of `abstract` with its concrete value; a field with no value is an error naming it. */
export const abstractPairs = (z: Z3, abstract: Abstract, values: AbstractValues): ReadonlyArray<Pair> =>
  (Object.keys(abstract) as Array<keyof Abstract>).map((key): Pair => {
    const value = values[key] as number | boolean | undefined;
    if (value === undefined)
      throw new Error(
        `agreement: the encoding's field ${key} has no concrete value (add it to abstractValues)`,
      );
    const c = abstract[key];
    return typeof value === "boolean"
      ? [c as Bool, z.Bool.val(value)]
      : [c as ReturnType<Z3["Int"]["const"]>, intVal(z, value)];
  });

export const paramPairs = (z: Z3, e: Enc, values: ParamValues): ReadonlyArray<Pair> => [
  ...(Object.keys(e.p) as Array<keyof Params>).map((key): Pair => [e.p[key], intVal(z, values[key])]),
  [e.maxPeers, intVal(z, values.maxPeers)],
  [e.selfHeals, z.Bool.val(values.selfHeals)],
  // Constants of their own under R1 only; otherwise they are initialSize and maxSize, substituted above.
  ...(e.flags.largerServers
    ? [
        [e.initialServers, intVal(z, values.initialServers)] as Pair,
        [e.planServers, intVal(z, values.planServers)] as Pair,
      ]
    : []),
];

/**
 * Answers already computed, by what they are a function of (the claim, the flags, the parameters' and f's
 * values): many frontends of a fleet share their abstract values, and most steps repeat them, so the run asks
 * Z3 about each distinct case once (the answers are pure; this only saves WebAssembly calls).
 */
export type Memo = Map<string, boolean>;

/** One claim to evaluate: its formula, the constants' values, and the sentence if it is false. */
export interface Check {
  readonly key: string;
  readonly failure: string;
  readonly formula: () => Bool;
  readonly pairs: () => ReadonlyArray<Pair>;
  /**
   * For a formula with constants of its own besides the pairs' (the tick's intermediate records): substitutions
   * of them, one per witness. The check holds when one witness makes it true, or else when Z3 finds values
   * for them (the existential, asked of the solver only then).
   */
  readonly witnesses?: () => ReadonlyArray<ReadonlyArray<Pair>>;
}

/** How often the existential of a check with witnesses had to be asked of the solver (no witness held). */
export interface Stats {
  solverQueries: number;
}

const emptyModels = new WeakMap<Z3, InstanceType<Z3["Model"]>>();

/**
 * Whether the ground formula `phi` is true; an error if it is not ground (a constant left free). Evaluated in
 * an empty model without completion: synchronous (`simplify` goes through Z3's worker thread, milliseconds a
 * call on a busy machine), and a free constant stays free instead of getting a default value.
 */
const holds = (z: Z3, phi: Bool): boolean => {
  const model = emptyModels.get(z) ?? new z.Model();
  emptyModels.set(z, model);
  const ground = model.eval(phi, false);
  if (z.isTrue(ground)) return true;
  if (z.isFalse(ground)) return false;
  throw new Error(`agreement: the formula is not ground after substitution: ${ground.sexpr()}`);
};

const substituted = (z: Z3, phi: Bool, pairs: ReadonlyArray<Pair>): Bool =>
  z.substitute(phi, ...(pairs as Array<[Bool, Bool]>)) as Bool;

/** The check made ground: by its pairs, and (with witnesses) true when one witness makes it true. */
const ground = (z: Z3, c: Check): Bool => {
  const phi = substituted(z, c.formula(), c.pairs());
  return c.witnesses === undefined ? phi : z.Or(...c.witnesses().map((w) => substituted(z, phi, w)));
};

/** One check's answer: its ground value, or (with witnesses, none true) whether Z3 finds the records. */
const answer = async (z: Z3, c: Check, stats: Stats | undefined): Promise<boolean> => {
  if (holds(z, ground(z, c))) return true;
  if (c.witnesses === undefined) return false;
  if (stats !== undefined) stats.solverQueries += 1;
  return !(await claimsDisabled(z, c.formula(), c.pairs()));
};

/**
 * The failure of the first false check, in order. The ground checks not remembered are asked as one
 * conjunction (one evaluation: each call into Z3's WebAssembly builds JS wrapper objects); only when some
 * check is false are they asked one by one, to name the first.
 */
export const firstFailing = async (
  z: Z3,
  memo: Memo,
  checks: ReadonlyArray<Check>,
  stats?: Stats,
): Promise<string | undefined> => {
  const pending = checks.filter((c) => memo.get(c.key) === undefined);
  const allRemembered = checks.every((c) => memo.get(c.key) !== false);
  if (allRemembered && (pending.length === 0 || holds(z, z.And(...pending.map((c) => ground(z, c))))))
    for (const c of pending) memo.set(c.key, true);
  for (const c of checks) {
    const known = memo.get(c.key) ?? (await answer(z, c, stats));
    memo.set(c.key, known);
    if (!known) return c.failure;
  }
  return undefined;
};

/** Whether no successor satisfies `relation` from f's concrete `pre`: the encoding says it is disabled for f. */
export const claimsDisabled = async (z: Z3, phi: Bool, pairs: ReadonlyArray<Pair>): Promise<boolean> => {
  return withSolver(z, async (solver) => {
    solver.add(substituted(z, phi, pairs));
    return (await solver.check()) === "unsat";
  });
};
