// ---------------------------------------------------------------------------------------------------------
// tests: frontend symmetry (issue 17). Where every bootstrapping frontend progresses each tick
// (`orderInsensitive`), the state key sorts the fleet (stateKey.ts, packedKey.ts), so breadth-first search
// keeps one state per orbit of the permutations of frontend positions. That is sound when the model commutes
// with those permutations: no operation, guard or invariant reads a frontend's position or names another
// frontend (a frontend's peers are counts, `knownPeers` and `connectedPeers`; `lastRequest` names a frontend
// by id; each frontend carries its own `cell`, and cell placement reads only `cellSizes`). These tests hold it
// so, on random reachable states and random permutations, and compare the search with and without the
// reduction.
// ---------------------------------------------------------------------------------------------------------
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import type { BfsVerdict } from "../../checker/exploration.ts";
import { exploreBreadthFirst } from "../../checker/verify/bfs.ts";
import { type Config, REMEDIATION_NAMES, withAllRemediations, withRemediations } from "../../model/config.ts";
import { asWas, small, threeToEight } from "../../model/configs/index.ts";
import type { Op } from "../../model/ops.ts";
import { type Frontend, initialState, type State } from "../../model/state.ts";
import { step } from "../../model/step.ts";
import { INVARIANTS } from "../../properties/index.ts";
import { fleetSpec } from "../fleet.ts";
import { reachableStateArb } from "./arbitraries.ts";
import { candidateOps } from "./enabledOps.ts";
import { packedKeyFor } from "./packedKey.ts";
import { orderInsensitive, stateKeyFor, stateKeySorting } from "./stateKey.ts";

/** The configs the reduction applies to: the two checking configs, bare, with each remediation, with all. */
const CONFIGS: ReadonlyArray<Config> = [small, threeToEight].flatMap((c) => [
  c,
  ...REMEDIATION_NAMES.map((r) => withRemediations(c, [r])),
  withAllRemediations(c),
]);

/**
 * `state` with its frontends' records moved among the positions in the order `ranks` gives them (a random
 * permutation: ties broken by position), each position keeping its id. Ids are labels, and they grow along the
 * membership list (WellFormed looks a member up by id with a binary search), so the symmetry moves what a
 * frontend is, not its name; the one reference to a frontend, `lastRequest`, follows its record to the new id.
 */
const permuted = (state: State, ranks: ReadonlyArray<number>): State => {
  const fleet = state.frontends;
  const order = fleet
    .map((_, i) => i)
    .sort((a, b) => (ranks[a % ranks.length] ?? 0) - (ranks[b % ranks.length] ?? 0) || a - b);
  const idAt = (i: number): number => (fleet[i] as Frontend).id;
  const frontends = order.map((from, to) => ({ ...(fleet[from] as Frontend), id: idAt(to) }));
  const r = state.lastRequest;
  const moved = r === null ? -1 : order.findIndex((from) => idAt(from) === r.frontend);
  return {
    ...state,
    frontends,
    lastRequest: r === null ? null : { ...r, frontend: moved === -1 ? r.frontend : idAt(moved) },
  };
};

/** Which invariants `state` breaks, by name (the verdicts; messages may name a different one of equal frontends). */
const broken = (config: Config, state: State): ReadonlyArray<string> =>
  INVARIANTS.filter((inv) => O.isSome(inv.check(config, state))).map((inv) => inv.name);

/** The keys of every successor of `state`, as a sorted list (a set, compared by value). */
const successorKeys = (config: Config, state: State): ReadonlyArray<string> => {
  const key = stateKeyFor(config);
  const keys = candidateOps(config, state).flatMap((op: Op) => {
    const r = step(config, state, op);
    return E.isRight(r) ? [key(r.right)] : [];
  });
  return [...new Set(keys)].sort();
};

/** The packed key of `state` as a string of its words (every reachable state of these configs fits). */
const packed = (config: Config, state: State): string => {
  const k = packedKeyFor(config);
  const out = new Uint32Array(k.words);
  expect(k.pack(state, out)).toBe(true);
  return out.join(",");
};

const ranksArb = fc.array(fc.nat(), { minLength: 16, maxLength: 16 });

describe("frontend symmetry: the model commutes with permutations of frontend positions", () => {
  for (const config of CONFIGS) {
    test.prop({ s: reachableStateArb(config, 25), ranks: ranksArb }, { numRuns: 40 })(
      `${config.name}: a permuted fleet breaks the same invariants, has the same string and packed key, and the same successors' keys`,
      ({ s, ranks }) => {
        expect(orderInsensitive(config)).toBe(true);
        const p = permuted(s, ranks);
        expect(broken(config, p)).toEqual(broken(config, s));
        expect(stateKeyFor(config)(p)).toBe(stateKeyFor(config)(s));
        expect(packed(config, p)).toBe(packed(config, s));
        expect(successorKeys(config, p)).toEqual(successorKeys(config, s));
      },
    );
  }
});

/**
 * The verdict's status, and a violation's depth (its shortest length). A proof's depth, the diameter, is not
 * compared: with cells (R7) the initial fleet is not the same in every order, so some orders of a reachable
 * fleet are reached later than others, and the search without the reduction, which tells them apart, can find
 * a larger diameter (small+cellularization: 10 against 8 up to symmetry).
 */
const outcome = (v: BfsVerdict<Op>): string => (v.status === "violated" ? `violated@${v.depth}` : v.status);

/** The reference search with the fleet's order kept in the key: the search without symmetry reduction. */
const withoutReduction = (config: Config, maxDepth: number) =>
  exploreBreadthFirst(
    {
      ...fleetSpec,
      exploration: {
        candidates: fleetSpec.exploration?.candidates ?? (() => () => []),
        opCodec: fleetSpec.exploration?.opCodec,
        key: (c) => stateKeySorting(c, false),
      },
    },
    config,
    INVARIANTS,
    { maxDepth, maxStates: 10_000_000 },
  );

describe("breadth-first search with and without the symmetry reduction", () => {
  const cases: ReadonlyArray<readonly [Config, number]> = [
    ...[small, ...REMEDIATION_NAMES.map((r) => withRemediations(small, [r])), withAllRemediations(small)].map(
      (c) => [c, 1000] as const,
    ),
    [threeToEight, 4],
    [withAllRemediations(threeToEight), 4],
  ];
  for (const [config, maxDepth] of cases) {
    it(`${config.name}${maxDepth < 1000 ? ` (depth ${maxDepth})` : ""}: the same verdicts and shortest depths, in fewer states`, () => {
      const reduced = exploreBreadthFirst(fleetSpec, config, INVARIANTS, { maxDepth, maxStates: 10_000_000 });
      const full = withoutReduction(config, maxDepth);
      expect(reduced.complete).toBe(full.complete);
      expect(reduced.verdicts.map((v) => outcome(v.verdict))).toEqual(
        full.verdicts.map((v) => outcome(v.verdict)),
      );
      expect(reduced.states).toBeLessThanOrEqual(full.states);
      const deepest = (r: typeof full): number => Math.max(...r.verdicts.map((v) => v.verdict.depth));
      expect(deepest(reduced)).toBeLessThanOrEqual(deepest(full));
    });
  }

  it("reduces: small's complete search visits 3,646 states sorted, 6,242 in fleet order", () => {
    expect(
      exploreBreadthFirst(fleetSpec, small, INVARIANTS, { maxDepth: 1000, maxStates: 100_000 }).states,
    ).toBe(3646);
    expect(withoutReduction(small, 1000).states).toBe(6242);
  });
});

describe("where the symmetry breaks: bootstraps paced in fleet order", () => {
  it("on as-was (one bootstrap at a time) two orders of one fleet have different futures, so its key keeps order", () => {
    expect(orderInsensitive(asWas)).toBe(false);
    const s0 = initialState(asWas);
    const booting = (f: Frontend, left: number): Frontend => ({
      ...f,
      status: "bootstrapping",
      map: "building",
      bootstrapLeft: left,
    });
    const [a, b, ...others] = s0.frontends as ReadonlyArray<Frontend>;
    if (a === undefined || b === undefined) throw new Error("as-was has frontends");
    const s: State = { ...s0, frontends: [booting(a, 1), booting(b, 5), ...others] };
    const swapped = permuted(s, [1, 0, 2, 3, 4, 5, 6, 7]);
    const sorted = stateKeySorting(asWas, true);
    const afterTick = (t: State): string => {
      const r = step(asWas, t, { type: "tick" });
      if (E.isLeft(r)) throw new Error("tick is always enabled");
      return sorted(r.right);
    };
    // Sorting would merge the two states, but the tick finishes the first one's map in one order and not in the other.
    expect(sorted(swapped)).toBe(sorted(s));
    expect(afterTick(swapped)).not.toBe(afterTick(s));
  });
});
