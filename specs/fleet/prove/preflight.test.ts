// ---------------------------------------------------------------------------------------------------------
// Preflight's closed form = the model's thread accounting (issue 13): the Z3 proofs for all parameter values,
// and the formulas tied to the TS functions they transcribe on drawn concrete values (Z3 evaluates the
// formula with the values substituted; the TS function is called), so that what is proved is the model's
// `threadsFor`/`maxPeerThreads` and analyses/preflight.ts's closed form, not a copy. Z3 starts once.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { Arith, Bool, Expr } from "z3-solver";
import {
  largestGroup,
  largestSafeAdditionByClosedForm,
  largestSafeGroup,
} from "../../../analyses/preflight.ts";
import type { Config } from "../../../model/config.ts";
import { serversFor } from "../../../model/state.ts";
import { maxPeerThreads, threadsFor as threadsForModel } from "../../../model/threadFormula.ts";
import { type Z3, z3Context } from "../../prove/z3.ts";
import { agreementConfigArb } from "./agreementArbitraries.ts";
import { flagsOf, paramValues } from "./agreementValues.ts";
import { type Enc, encoding, type Params, threadsFor } from "./encoding.ts";
import {
  closedFormVerdict,
  largestGroupOf,
  largestSafeAdditionOf,
  largestSafeGroupOf,
  maxPeerThreadsOf,
  serversForOf,
} from "./preflight.ts";

let z: Z3;

beforeAll(async () => {
  z = await z3Context();
}, 60_000);

/** `x` with the config's parameters and the named unknowns substituted, evaluated by Z3. */
const evaluated = (e: Enc, config: Config, x: Expr, named: Readonly<Record<string, number>> = {}): string => {
  const values = paramValues(config);
  const pairs: Array<[Arith, Arith]> = [
    ...(Object.keys(e.p) as Array<keyof Params>).map((k): [Arith, Arith] => [e.p[k], z.Int.val(values[k])]),
    ...Object.entries(named).map(([name, v]): [Arith, Arith] => [z.Int.const(name), z.Int.val(v)]),
  ];
  return new z.Model().eval(z.substitute(x as Arith, ...pairs), false).toString();
};

const truth = (e: Enc, config: Config, b: Bool, named: Readonly<Record<string, number>> = {}): string =>
  evaluated(e, config, b, named);

// The closed form is stated with a per-peer thread count (K5); under R5 there is none and every group fits
// (model/threadFormula.ts `maxPeerThreads` is +∞), which the prover's CacheHoldsShardMap argument covers.
const cases = fc.record({
  config: agreementConfigArb.filter((c) => !c.remediations.cacheOnDedicatedFleet),
  peers: fc.integer({ min: 0, max: 200 }),
  units: fc.integer({ min: 1, max: 200 }),
});

describe("the closed form's formulas are the TS functions they transcribe", () => {
  test("encoding.ts threadsFor is model/threadFormula.ts threadsFor on drawn values", () => {
    fc.assert(
      fc.property(cases, ({ config, peers }) => {
        const e = encoding(z, flagsOf(config));
        expect(evaluated(e, config, threadsFor(e, peers))).toBe(String(threadsForModel(config, peers)));
      }),
      { seed: 13, numRuns: 100 },
    );
  });

  test("maxPeerThreads's defining facts hold of the model's maxPeerThreads, and largestSafeGroup is analyses/preflight.ts's", () => {
    fc.assert(
      fc.property(cases, ({ config }) => {
        const e = encoding(z, flagsOf(config));
        const most = { maxPeerThreads: maxPeerThreads(config) };
        expect(truth(e, config, maxPeerThreadsOf(e).facts, most)).toBe("true");
        // The facts pin the quotient: one less or one more breaks them.
        expect(truth(e, config, maxPeerThreadsOf(e).facts, { maxPeerThreads: most.maxPeerThreads + 1 })).toBe(
          "false",
        );
        expect(truth(e, config, maxPeerThreadsOf(e).facts, { maxPeerThreads: most.maxPeerThreads - 1 })).toBe(
          "false",
        );
        expect(evaluated(e, config, largestSafeGroupOf(e).value, most)).toBe(
          String(largestSafeGroup(config)),
        );
      }),
      { seed: 13, numRuns: 100 },
    );
  });

  test("serversFor's facts hold of model/state.ts serversFor, and largestGroup and the largest safe addition are analyses/preflight.ts's", () => {
    fc.assert(
      fc.property(cases, ({ config, units }) => {
        const e = encoding(z, flagsOf(config));
        const u = z.Int.val(units);
        const named = { servers: serversFor(config, units), maxPeerThreads: maxPeerThreads(config) };
        expect(truth(e, config, serversForOf(e, "servers", u).facts, named)).toBe("true");
        expect(evaluated(e, config, largestGroupOf(e, "servers", u).value, named)).toBe(
          String(largestGroup(config, units)),
        );
        const closed = largestSafeAdditionByClosedForm(config, units);
        if (typeof closed === "number")
          expect(evaluated(e, config, largestSafeAdditionOf(e, u).value, named)).toBe(
            closed < 0 ? `(- ${-closed})` : String(closed),
          );
      }),
      { seed: 13, numRuns: 100 },
    );
  });
});

describe("preflight's closed form = the model's thread accounting, for every parameter value (Z3)", () => {
  test("every claim is proved", async () => {
    const v = await closedFormVerdict(z);
    expect(v.claims.filter((c) => c.status !== "proved")).toEqual([]);
    expect(v.verdict).toBe("PROVED");
  }, 120_000);
});
