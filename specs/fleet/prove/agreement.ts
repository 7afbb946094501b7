// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: the encoding must be the model (issue 13). A proof about encoding.ts is a proof about
// `step` only if every successor `step` produces satisfies the operation's formula. This file checks that on
// concrete values: it maps a config, a state and one frontend f to the encoding's constants (the parameters,
// and f's abstract values k, live, g, n, s, r), substitutes them into the formulas and lets Z3 simplify the
// ground result to true or false. `encodingAgrees` draws configs and operation sequences (fast-check), runs
// them through a step function (the model's, or a planted bug's) and asserts, for every step and every
// frontend:
//   domain      the parameters satisfy `decoderDomain` and `paramServers`;
//   initiation  every frontend of the initial state satisfies `initial`;
//   shape       every frontend of every reachable state satisfies `fleetShape`;
//   soundness   an accepted operation satisfies its formula for the frontend it acts on, and leaves the
//               abstract values of every other frontend unchanged where the encoding says nothing moves
//               (the operations proved "trivially", with no query, in docs/prove.md);
//   refusal     where the encoding says the operation is disabled for f (no successor satisfies the formula:
//               a Z3 query), `step` refuses it.
// A field added to `Abstract` must be given its concrete value in `abstractValues`, or the check stops with
// an error naming it: the formulas would not be ground.
// ---------------------------------------------------------------------------------------------------------

import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { match } from "ts-pattern";
import type { Config } from "../../../model/config.ts";
import { opLabel } from "../../../model/opLabel.ts";
import type { Op } from "../../../model/ops.ts";
import type { StepResult } from "../../../model/refusal.ts";
import { type Frontend, initialState, positionOf, type State, serversFor } from "../../../model/state.ts";
import { opsArb } from "../arbitraries.ts";
import { agreementConfigArb } from "./agreementArbitraries.ts";
import {
  type Abstract,
  abstractIn,
  capacityAdded,
  decoderDomain,
  type Enc,
  encoding,
  fleetShape,
  frontendCrashed,
  frontendRemoved,
  frontendRestarted,
  initial,
  type Params,
  type ProofFlags,
  paramServers,
  peerLearned,
  tick,
} from "./encoding.ts";
import type { Z3 } from "./z3.ts";

/** A next-state function with `step`'s signature: the model's, or a planted bug's. */
export type StepFn = (config: Config, state: State, op: Op) => StepResult;

/** Concrete values for the constants of one `Abstract`. */
export type AbstractValues = { readonly [K in keyof Abstract]: Abstract[K] extends Bool ? boolean : number };
type Bool = ReturnType<Enc["z"]["Bool"]["val"]>;

/** Concrete values for the parameters, plus serversFor(initialSize) and serversFor(maxSize). */
export type ParamValues = { readonly [K in keyof Params]: number } & {
  readonly initialServers: number;
  readonly planServers: number;
};

// ---------------------------------------------------------------------------------------------------------
// concrete → abstract: the one place that says what each constant of the encoding means in the model
// ---------------------------------------------------------------------------------------------------------

/** Which remediations the encoding sees (the others do not touch what it reads). */
export const flagsOf = (config: Config): ProofFlags => ({
  cellularization: config.remediations.cellularization,
  preflightGuard: config.remediations.preflightGuard,
  largerServers: config.remediations.largerServers,
});

/** The parameters as model/configDecoder.ts decodes them, and the servers of the initial and the plan's fleet. */
export const paramValues = (config: Config): ParamValues => ({
  threadLimit: config.threads.threadLimit,
  baseThreads: config.threads.baseThreads,
  threadsPerPeer: config.threads.threadsPerPeer,
  cellSize: config.remediationParameters.cellSize,
  largerServerFactor: config.remediationParameters.largerServerFactor,
  initialSize: config.fleet.initialSize,
  maxSize: config.fleet.maxSize,
  initialServers: serversFor(config, config.fleet.initialSize),
  planServers: serversFor(config, config.fleet.maxSize),
});

/**
 * f's abstract values in `state` (encoding.ts `Abstract`): its known peers, liveness, its group (its cell's
 * size; one cell when not cellularized), the servers, and the capacity units as u = factor × (s − 1) + r.
 * `cellSizesOf` lets a newcomer's "before" read the cell sizes of the state it joins (0 for a new cell).
 */
export const abstractValues = (config: Config, state: State, f: Frontend): AbstractValues => {
  const factor = config.remediations.largerServers ? config.remediationParameters.largerServerFactor : 1;
  const s = serversFor(config, state.capacityUnits);
  return {
    k: f.knownPeers,
    live: f.status !== "stopped",
    g: state.cellSizes[f.cell] ?? 0,
    n: state.frontends.length,
    s,
    r: state.capacityUnits - factor * (s - 1),
  };
};

// ---------------------------------------------------------------------------------------------------------
// evaluation: substitute, simplify, read true or false
// ---------------------------------------------------------------------------------------------------------

/** The encoding for one set of flags, with f before ("") and after ("'"), built once per flags. */
interface Frame {
  readonly e: Enc;
  readonly pre: Abstract;
  readonly post: Abstract;
  /** Each claim's formula over pre and post, built once (building Z3 terms costs JS wrapper objects). */
  readonly formulas: Map<string, Bool>;
}

const frames = new WeakMap<Z3, Map<string, Frame>>();

const frameFor = (z: Z3, flags: ProofFlags): Frame => {
  const byFlags = frames.get(z) ?? new Map<string, Frame>();
  frames.set(z, byFlags);
  const key = JSON.stringify(flags);
  const known = byFlags.get(key);
  if (known !== undefined) return known;
  const frame = {
    e: encoding(z, flags),
    pre: abstractIn(z, ""),
    post: abstractIn(z, "'"),
    formulas: new Map(),
  };
  byFlags.set(key, frame);
  return frame;
};

/** `build()`, built once per frame under `name`. */
const formulaOf = (frame: Frame, name: string, build: () => Bool): Bool => {
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

type Pair = [ReturnType<Z3["Int"]["const"]> | Bool, ReturnType<Z3["Int"]["val"]> | Bool];

/** Pairs each constant of `abstract` with its concrete value; a field with no value is an error naming it. */
const abstractPairs = (z: Z3, abstract: Abstract, values: AbstractValues): ReadonlyArray<Pair> =>
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

const paramPairs = (z: Z3, e: Enc, values: ParamValues): ReadonlyArray<Pair> => [
  ...(Object.keys(e.p) as Array<keyof Params>).map((key): Pair => [e.p[key], intVal(z, values[key])]),
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

/** One ground claim to evaluate: its formula, the constants' values, and the sentence if it is false. */
interface Check {
  readonly key: string;
  readonly failure: string;
  readonly formula: () => Bool;
  readonly pairs: () => ReadonlyArray<Pair>;
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

const ground = (z: Z3, c: Check): Bool =>
  z.substitute(c.formula(), ...(c.pairs() as Array<[Bool, Bool]>)) as Bool;

/**
 * The failure of the first false check, in order. The checks not remembered are asked as one conjunction (one
 * evaluation: each call into Z3's WebAssembly builds JS wrapper objects); only when some check is false are
 * they asked one by one, to name the first.
 */
const firstFailing = (z: Z3, memo: Memo, checks: ReadonlyArray<Check>): string | undefined => {
  const pending = checks.filter((c) => memo.get(c.key) === undefined);
  const allRemembered = checks.every((c) => memo.get(c.key) !== false);
  if (allRemembered && (pending.length === 0 || holds(z, z.And(...pending.map((c) => ground(z, c)))))) {
    for (const c of pending) memo.set(c.key, true);
    return undefined;
  }
  for (const c of checks) {
    const answer = memo.get(c.key) ?? holds(z, ground(z, c));
    memo.set(c.key, answer);
    if (!answer) return c.failure;
  }
  return undefined;
};

/** Whether no successor satisfies `relation` from f's concrete `pre`: the encoding says it is disabled for f. */
const claimsDisabled = async (z: Z3, phi: Bool, pairs: ReadonlyArray<Pair>): Promise<boolean> => {
  const solver = new z.Solver();
  solver.add(z.substitute(phi, ...(pairs as Array<[Bool, Bool]>)) as Bool);
  return (await solver.check()) === "unsat";
};

// ---------------------------------------------------------------------------------------------------------
// what the encoding claims of each concrete operation, frontend by frontend
// ---------------------------------------------------------------------------------------------------------

type Relation = (e: Enc, pre: Abstract, post: Abstract) => Bool;

/** The claim for frontend f: the formula of the operation it takes part in, or "nothing f's Inv reads moves". */
interface Claim {
  readonly name: string;
  readonly relation: Relation;
}

/** Every field of f's abstract state unchanged: the operations the proofs discharge with no query. */
const unchanged: Claim = {
  name: "unchanged (the operation acts on another frontend and moves nothing f's invariant reads)",
  relation: (e, pre, post) =>
    e.z.And(...(Object.keys(pre) as Array<keyof Abstract>).map((k) => (pre[k] as Bool).eq(post[k] as Bool))),
};

const named = (name: string, relation: Relation): Claim => ({ name, relation });

/** The id of the frontend an operation's position names in `state`, if it names one. */
const target = (state: State, position: number): number | undefined =>
  state.frontends[positionOf(state, position)]?.id;

/** The claim for the frontend `id` (a member before, or a newcomer) when `op` is taken in `before`. */
const claimFor = (op: Op, before: State, id: number): Claim => {
  const isMember = before.frontends.some((f) => f.id === id);
  const onIt = (c: Claim, position: number): Claim => (target(before, position) === id ? c : unchanged);
  return match(op)
    .returnType<Claim>()
    .with({ type: "capacityAdded" }, () =>
      isMember
        ? named("capacityAdded (f an existing member)", (e, a, b) => capacityAdded(e, a, b, false))
        : named("capacityAdded (f a newcomer)", (e, a, b) => capacityAdded(e, a, b, true)),
    )
    .with({ type: "frontendRemoved" }, () => named("frontendRemoved (another member)", frontendRemoved))
    .with({ type: "frontendRestarted" }, (o) =>
      onIt(named("frontendRestarted (f)", frontendRestarted), o.frontend),
    )
    .with({ type: "frontendCrashed" }, (o) => onIt(named("frontendCrashed (f)", frontendCrashed), o.frontend))
    .with({ type: "peerLearned" }, (o) => onIt(named("peerLearned (f)", peerLearned), o.frontend))
    .with({ type: "tick" }, () => named("tick (f due or not)", tick))
    .with({ type: "shardMoved" }, { type: "requestRouted" }, () => unchanged)
    .exhaustive();
};

/** The claim whose enabledness the refusal check reads for `op`: its formula for the frontend it names. */
const enablingClaim = (op: Op): Claim | undefined =>
  match(op)
    .returnType<Claim | undefined>()
    .with({ type: "capacityAdded" }, () =>
      named("capacityAdded (f an existing member)", (e, a, b) => capacityAdded(e, a, b, false)),
    )
    .with({ type: "frontendRemoved" }, () => named("frontendRemoved (another member)", frontendRemoved))
    .with({ type: "frontendRestarted" }, () => named("frontendRestarted (f)", frontendRestarted))
    .with({ type: "frontendCrashed" }, () => named("frontendCrashed (f)", frontendCrashed))
    .with({ type: "peerLearned" }, () => named("peerLearned (f)", peerLearned))
    .with({ type: "tick" }, { type: "shardMoved" }, { type: "requestRouted" }, () => undefined)
    .exhaustive();

/** The frontend the refusal check asks about: the one the operation names, else the first member. */
const enablingFrontend = (op: Op, state: State): Frontend | undefined =>
  match(op)
    .returnType<Frontend | undefined>()
    .with(
      { type: "frontendRestarted" },
      { type: "frontendCrashed" },
      { type: "peerLearned" },
      (o) => state.frontends[positionOf(state, o.frontend)],
    )
    .otherwise(() => state.frontends[0]);

// ---------------------------------------------------------------------------------------------------------
// one trace checked, and the property
// ---------------------------------------------------------------------------------------------------------

/** The first disagreement on a trace, in one sentence, or undefined. */
export const disagreementOn = async (
  z: Z3,
  stepFn: StepFn,
  config: Config,
  ops: ReadonlyArray<Op>,
  options: { readonly refusals: boolean; readonly memo?: Memo } = { refusals: true },
): Promise<string | undefined> => {
  const flags = flagsOf(config);
  const frame = frameFor(z, flags);
  const { e, pre, post } = frame;
  const params = paramPairs(z, e, paramValues(config));
  const memo = options.memo ?? new Map<string, boolean>();
  const caseKey = JSON.stringify([flags, paramValues(config)]);
  const checks: Check[] = [
    {
      key: `domain${caseKey}`,
      failure: "the config's parameters fall outside the encoding's domain (decoderDomain ∧ paramServers)",
      formula: () => formulaOf(frame, "domain", () => z.And(decoderDomain(e), paramServers(e))),
      pairs: () => params,
    },
  ];
  let state = initialState(config);
  for (const f of state.frontends) {
    const from = abstractValues(config, state, f);
    checks.push({
      key: `initial${caseKey}${JSON.stringify(from)}`,
      failure: `initiation: frontend-${f.id} of the initial state, ${JSON.stringify(from)}, does not satisfy \`initial\``,
      formula: () => formulaOf(frame, "initial", () => initial(e, pre)),
      pairs: () => [...params, ...abstractPairs(z, pre, from)],
    });
  }
  for (const [i, op] of ops.entries()) {
    const where = `step ${i + 1} (${opLabel(config, state, op)}) of ${JSON.stringify(ops)}`;
    const result = stepFn(config, state, op);
    if (options.refusals) {
      const claim = enablingClaim(op);
      const f = enablingFrontend(op, state);
      if (claim !== undefined && f !== undefined && E.isRight(result)) {
        const from = abstractValues(config, state, f);
        const key = `disabled ${claim.name}${caseKey}${JSON.stringify(from)}`;
        const disabled =
          memo.get(key) ??
          (await claimsDisabled(
            z,
            formulaOf(frame, claim.name, () => claim.relation(e, pre, post)),
            [...params, ...abstractPairs(z, pre, from)],
          ));
        memo.set(key, disabled);
        if (disabled)
          return `refusal: at ${where} the encoding says ${claim.name} is disabled for frontend-${f.id}, but step takes it`;
      }
    }
    if (E.isLeft(result)) continue;
    const after = result.right;
    for (const f of after.frontends) {
      const claim = claimFor(op, state, f.id);
      const was = state.frontends.find((b) => b.id === f.id) ?? f;
      const from = abstractValues(config, state, was);
      const to = abstractValues(config, after, f);
      const pairs = () => [...params, ...abstractPairs(z, pre, from), ...abstractPairs(z, post, to)];
      const key = `${caseKey}${JSON.stringify([from, to])}`;
      checks.push(
        {
          key: `${claim.name}${key}`,
          failure: `soundness: at ${where} frontend-${f.id} goes from ${JSON.stringify(from)} to ${JSON.stringify(to)}, which ${claim.name} does not allow`,
          formula: () => formulaOf(frame, claim.name, () => claim.relation(e, pre, post)),
          pairs,
        },
        {
          key: `shape${key}`,
          failure: `shape: after ${where} frontend-${f.id} ${JSON.stringify(to)} is outside fleetShape`,
          formula: () => formulaOf(frame, "shape", () => fleetShape(e, post)),
          pairs,
        },
      );
    }
    state = after;
  }
  return firstFailing(z, memo, checks);
};

export type Agreement =
  | { readonly agrees: true; readonly runs: number }
  | {
      readonly agrees: false;
      readonly runs: number;
      /** The disagreement, in one sentence. */
      readonly message: string;
      /** fast-check's replay recipe: `{ seed, path }`. */
      readonly seed: number;
      readonly path: string;
      readonly config: Config;
      readonly ops: ReadonlyArray<Op>;
    };

export interface AgreementOptions {
  readonly seed: number;
  readonly runs: number;
  readonly maxSteps: number;
  /** Whether to ask Z3, at each accepted step, whether the encoding claims the operation disabled. */
  readonly refusals?: boolean;
  readonly configs?: fc.Arbitrary<Config>;
}

/**
 * Draws configs and operation sequences and checks every step of `stepFn` against the encoding
 * (`disagreementOn`). Deterministic for a seed; a disagreement comes back shrunk, with its replay recipe.
 */
export const encodingAgrees = async (
  z: Z3,
  stepFn: StepFn,
  options: AgreementOptions,
): Promise<Agreement> => {
  const configs = options.configs ?? agreementConfigArb;
  const cases = configs.chain((config) => opsArb(config, options.maxSteps).map((ops) => ({ config, ops })));
  const refusals = options.refusals ?? true;
  const memo: Memo = new Map();
  const details = await fc.check(
    fc.asyncProperty(cases, async ({ config, ops }) => {
      const message = await disagreementOn(z, stepFn, config, ops, { refusals, memo });
      if (message !== undefined) throw new Error(message);
    }),
    { seed: options.seed, numRuns: options.runs },
  );
  if (!details.failed) return { agrees: true, runs: details.numRuns };
  const found = details.counterexample?.[0];
  const error = details.errorInstance;
  return {
    agrees: false,
    runs: details.numRuns,
    message: error instanceof Error ? error.message : String(error),
    seed: details.seed,
    path: details.counterexamplePath ?? "",
    config: found?.config ?? (undefined as never),
    ops: found?.ops ?? [],
  };
};
