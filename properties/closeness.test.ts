// The near-miss measure of each invariant (properties/invariant.ts: "0 = far from breaking, 1 = at the
// edge; above 1 only in a violating state"), pinned on reachable states and on worked examples. Written for
// issue 7: mutation testing showed `closeness` was exercised only by the CLI's near-miss report.
import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { withAllRemediations, withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import type { Op } from "../model/ops.ts";
import { initialState, type State } from "../model/state.ts";
import { step } from "../model/step.ts";
import { opArb } from "../specs/fleet/arbitraries.ts";
import { INVARIANTS } from "./index.ts";
import { peersLearnedWithin } from "./peersLearnedWithin.ts";
import { routesToCurrentOwner } from "./routesToCurrentOwner.ts";
import { servesOnlyWithCompleteMap } from "./servesOnlyWithCompleteMap.ts";
import { threadBudget } from "./threadBudget.ts";
import { wellFormed } from "./wellFormed.ts";

const configs = fc.constantFrom(
  asWas,
  withAllRemediations(asWas),
  withRemediations(asWas, ["waitForCompleteMap"]),
  withRemediations(asWas, ["preflightGuard"]),
);

/** The states `ops` passes through under `config`, the initial one first. */
const statesOf = (config: typeof asWas, ops: ReadonlyArray<Op>): ReadonlyArray<State> =>
  ops.reduce<State[]>(
    (states, op) => {
      const r = step(config, states[states.length - 1] as State, op);
      if (E.isRight(r)) states.push(r.right);
      return states;
    },
    [initialState(config)],
  );

const stateAfter = (config: typeof asWas, ops: ReadonlyArray<Op>): State =>
  statesOf(config, ops).at(-1) as State;

describe("closeness", () => {
  fcTest.prop({ config: configs, ops: fc.array(opArb(asWas), { maxLength: 40, size: "max" }) })(
    "is at least 0, at most 1 while its invariant holds, and above 1 exactly when ThreadBudget or PeersLearnedWithin breaks",
    ({ config, ops }) => {
      for (const state of statesOf(config, ops))
        for (const inv of INVARIANTS) {
          const c = inv.closeness(config, state);
          const broken = O.isSome(inv.check(config, state));
          expect(c).toBeGreaterThanOrEqual(0);
          if (!broken) expect(c).toBeLessThanOrEqual(1);
          if (inv === threadBudget || inv === peersLearnedWithin) expect(c > 1).toBe(broken);
        }
    },
  );

  test("ThreadBudget: the 2020 fleet sits exactly on the limit (11 of 11); cells of 4 need 7 of 11; two larger servers need 5", () => {
    expect(threadBudget.closeness(asWas, initialState(asWas))).toBe(1);
    const cells = withRemediations(asWas, ["cellularization"]);
    expect(threadBudget.closeness(cells, initialState(cells))).toBeCloseTo(7 / 11);
    const larger = withRemediations(asWas, ["largerServers"]);
    expect(threadBudget.closeness(larger, initialState(larger))).toBeCloseTo(5 / 11);
    expect(
      threadBudget.closeness(asWas, stateAfter(asWas, [{ type: "capacityAdded", count: 1 }])),
    ).toBeCloseTo(12 / 11);
  });

  test("ThreadBudget ignores stopped frontends", () => {
    const s = initialState(asWas);
    const allStopped: State = { ...s, frontends: s.frontends.map((f) => ({ ...f, status: "stopped" })) };
    expect(threadBudget.closeness(asWas, allStopped)).toBe(0);
    expect(threadBudget.check(asWas, allStopped)).toEqual(O.none);
  });

  test("ServesOnlyWithCompleteMap: the share of live frontends holding a useless map", () => {
    const s = stateAfter(asWas, [
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
    ]);
    expect(servesOnlyWithCompleteMap.closeness(asWas, s)).toBeCloseTo(1 / 9);
    const crashed = stateAfter(asWas, [
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
      { type: "frontendCrashed", frontend: 1 },
    ]);
    expect(servesOnlyWithCompleteMap.closeness(asWas, crashed)).toBeCloseTo(1 / 8);
    expect(servesOnlyWithCompleteMap.closeness(asWas, { ...s, frontends: [] })).toBe(0);
  });

  test("RoutesToCurrentOwner: the share of serving frontends' entries that are stale", () => {
    expect(routesToCurrentOwner.closeness(asWas, initialState(asWas))).toBe(0);
    expect(routesToCurrentOwner.closeness(asWas, stateAfter(asWas, [{ type: "shardMoved", shard: 1 }]))).toBe(
      0.25,
    );
    expect(
      routesToCurrentOwner.closeness(
        asWas,
        stateAfter(asWas, [
          { type: "shardMoved", shard: 1 },
          { type: "shardMoved", shard: 2 },
          { type: "shardMoved", shard: 3 },
        ]),
      ),
    ).toBe(0.75);
    const s = initialState(asWas);
    expect(routesToCurrentOwner.closeness(asWas, { ...s, frontends: [] })).toBe(0);
  });

  test("PeersLearnedWithin: the longest lag of a serving frontend, over the deadline", () => {
    const ticks = (n: number): ReadonlyArray<Op> =>
      Array.from({ length: n }, () => ({ type: "tick" }) as const);
    const s = stateAfter(asWas, [{ type: "capacityAdded", count: 1 }, ...ticks(3)]);
    expect(peersLearnedWithin.closeness(asWas, s)).toBe(3 / 12);
    expect(peersLearnedWithin.closeness(asWas, initialState(asWas))).toBe(0);
  });

  test("WellFormed has no near miss", () => {
    expect(wellFormed.closeness(asWas, initialState(asWas))).toBe(0);
  });
});

describe("violation messages name the culprit and the numbers", () => {
  test("ThreadBudget", () => {
    const v = threadBudget.check(asWas, stateAfter(asWas, [{ type: "capacityAdded", count: 1 }]));
    expect(O.toUndefined(v)?.message).toBe(
      "frontend-8 knows 8 peers and needs 4 + 1 × 8 = 12 threads, over the OS limit of 11",
    );
  });

  test("PeersLearnedWithin", () => {
    const config = withRemediations(asWas, ["waitForCompleteMap"]);
    // The membership lists one more member than the frontends know of, at tick 13: frontend-2 fell behind at
    // tick 0, the others only now.
    const late = { ...initialState(config), tick: 13, cellSizes: [9] };
    const s: State = {
      ...late,
      frontends: late.frontends.map((f, i) => ({ ...f, behindSince: i === 2 ? 0 : 13 })),
    };
    expect(O.toUndefined(peersLearnedWithin.check(config, s))?.message).toBe(
      "frontend-2 has been out of step with the membership for more than 12 ticks (60 min): it holds threads for 7 of 7 known peers",
    );
    const stopped: State = {
      ...s,
      frontends: s.frontends.map((f, i) => (i === 2 ? { ...f, status: "stopped" } : f)),
    };
    expect(peersLearnedWithin.check(config, stopped)).toEqual(O.none);
    expect(
      peersLearnedWithin.check(config, {
        ...s,
        frontends: s.frontends.map((f) => ({ ...f, behindSince: 1 })),
      }),
    ).toEqual(O.none);
  });

  test("ServesOnlyWithCompleteMap and RoutesToCurrentOwner", () => {
    const s = stateAfter(asWas, [
      { type: "capacityAdded", count: 1 },
      { type: "peerLearned", frontend: 0 },
    ]);
    expect(O.toUndefined(servesOnlyWithCompleteMap.check(asWas, s))?.message).toBe(
      "frontend-0 is serving with a useless shard-map (1 of 9 frontends serve with an incomplete map), so its requests fail",
    );
    const m = stateAfter(asWas, [
      { type: "shardMoved", shard: 0 },
      { type: "requestRouted", frontend: 0, shard: 0 },
    ]);
    expect(O.toUndefined(routesToCurrentOwner.check(asWas, m))?.message).toBe(
      "1 request(s) went to a shard's former owner through a stale shard-map entry",
    );
  });
});
