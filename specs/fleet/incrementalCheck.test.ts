// The incremental checks decide exactly what the full checks decide: after every step of random traces, on
// the built-in configs, every remediation, and fleets of hundreds, every invariant's verdict and message from
// `checkAfterStep` equal its full `check`'s. Then, per decomposition, a violation caused by a changed record
// and one caused by a change of context, each caught without a full check of the fleet.
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { fleetOf } from "../../bench/workload.ts";
import { firstViolation } from "../../checker/trace.ts";
import { type Config, REMEDIATION_NAMES, withRemediations } from "../../model/config.ts";
import { asWas } from "../../model/configs/asWas.ts";
import { small } from "../../model/configs/small.ts";
import { type Frontend, initialState, type State } from "../../model/state.ts";
import { step } from "../../model/step.ts";
import { INVARIANTS, type Invariant } from "../../properties/index.ts";
import { peersLearnedWithin } from "../../properties/peersLearnedWithin.ts";
import { servesOnlyWithCompleteMap } from "../../properties/servesOnlyWithCompleteMap.ts";
import { shardMovesAppliedWithin } from "../../properties/shardMovesAppliedWithin.ts";
import { threadBudget } from "../../properties/threadBudget.ts";
import { wellFormed } from "../../properties/wellFormed.ts";
import { opsArb } from "./arbitraries.ts";
import {
  type Checked,
  checkAfterStep,
  checkedInFull,
  type DeltaTuning,
  firstViolationAfterStep,
  HELD,
  stepDelta,
} from "./incrementalCheck.ts";

/** Record by record on every step, whatever the fleet's size or the share of it a step replaced. */
const ALWAYS: DeltaTuning = { minFleet: 0, maxChangedShare: 1 };

/** A fleet of `size` on the thread limit's edge (as `as-was` is): any addition puts its members over it. */
const edgeOf = (size: number): Config => {
  const base = fleetOf(size);
  const { baseThreads, threadsPerPeer } = base.threads;
  return {
    ...base,
    name: `edge-${size}`,
    fleet: { initialSize: size, maxSize: size + 30 },
    threads: { ...base.threads, threadLimit: baseThreads + threadsPerPeer * (size - 1) },
  };
};

const CONFIGS: ReadonlyArray<readonly [string, Config, number]> = [
  ["as-was", asWas, 150],
  ...REMEDIATION_NAMES.map((r): readonly [string, Config, number] => [
    `as-was+${r}`,
    withRemediations(asWas, [r]),
    40,
  ]),
  ["small", small, 150],
  ["fleetOf(300)", fleetOf(300), 12],
  ["200 on the thread limit's edge", edgeOf(200), 15],
  ["the same, cellularized", withRemediations(edgeOf(200), ["cellularization"]), 10],
  ["the same, waitForCompleteMap", withRemediations(edgeOf(200), ["waitForCompleteMap"]), 10],
];

/** How often the incremental path (not a fall-back to the full check) decided a verdict, over a whole file. */
const decidedIncrementally = new Map<string, number>();

/** One chain of checks along a trace: each invariant's own, and all of them together as the checker's folds do. */
interface Chain {
  checks: ReadonlyArray<Checked>;
  allChecks: ReadonlyArray<Checked>;
}

const chainFrom = (config: Config, start: State): Chain => ({
  checks: INVARIANTS.map((inv) => checkedInFull(config, inv, start)),
  allChecks: [],
});

/** Checks the step from `before` to `after` along `chain`, against the full checks; returns the next chain. */
const expectSameVerdicts = (
  config: Config,
  chain: Chain,
  before: State,
  after: State,
  tuning: DeltaTuning,
): Chain => {
  const delta = stepDelta(before, after, tuning);
  const checks = INVARIANTS.map((inv, k) => {
    const was = chain.checks[k] as Checked;
    const checked = checkAfterStep(config, inv, delta, was);
    expect(checked.violation).toEqual(inv.check(config, after));
    const fleetwise = inv.fleetwise;
    if (fleetwise !== undefined && delta.changed !== undefined) {
      if (O.isNone(was.violation) && !fleetwise.contextChanged(config, before, after))
        decidedIncrementally.set(inv.name, (decidedIncrementally.get(inv.name) ?? 0) + 1);
      // The contract of `dueAt`, on the records the step replaced.
      const dueAt = fleetwise.dueAt;
      if (dueAt !== undefined)
        for (const f of delta.changed)
          expect(dueAt(config, after, f) <= after.tick).toBe(fleetwise.offends(config, after, f));
    }
    return checked;
  });
  // The checker's own folds stop at the first violation: compare while every invariant holds.
  const allHeld = INVARIANTS.every((inv) => O.isNone(inv.check(config, before)));
  const all = firstViolationAfterStep(config, INVARIANTS, delta, allHeld ? chain.allChecks : []);
  if (allHeld) {
    const first = firstViolation(config, after, INVARIANTS);
    expect(all.violation).toEqual(first?.violation);
    expect(all.violation?.invariant).toBe(first?.invariant);
  }
  return { checks, allChecks: all.checked };
};

describe("checkAfterStep", () => {
  test.each(CONFIGS)(
    "equals the full check after every step of random traces: %s",
    (_name, config, numRuns) => {
      const start = initialState(config);
      fc.assert(
        fc.property(opsArb(config, 80), (ops) => {
          let state = start;
          let always = chainFrom(config, start);
          let tuned = chainFrom(config, start);
          for (const op of ops) {
            const r = step(config, state, op);
            if (E.isLeft(r)) continue;
            always = expectSameVerdicts(config, always, state, r.right, ALWAYS);
            tuned = expectSameVerdicts(config, tuned, state, r.right, { minFleet: 0, maxChangedShare: 0.25 });
            state = r.right;
          }
        }),
        { seed: 20201125, numRuns },
      );
    },
  );

  test("decided most invariants' verdicts record by record in the runs above (the property is not vacuous)", () => {
    for (const inv of INVARIANTS)
      if (inv.fleetwise !== undefined) expect(decidedIncrementally.get(inv.name) ?? 0).toBeGreaterThan(1000);
  });
});

// ---------------------------------------------------------------------------------------------------------
// each decomposition, by hand
// ---------------------------------------------------------------------------------------------------------

const config = fleetOf(40);
const start = initialState(config);
const at = (state: State, i: number, patch: Partial<Frontend>): State => ({
  ...state,
  frontends: state.frontends.map((f, j) => (j === i ? { ...f, ...patch } : f)),
});

/** `inv` after the step from `before` to `after`, with the full check of `after` out of reach until needed. */
const incremental = (inv: Invariant, before: State, after: State) => {
  const delta = stepDelta(before, after, ALWAYS);
  return checkAfterStep(config, inv, delta, HELD).violation;
};

describe("each decomposition catches a violation a step causes", () => {
  test.each<[string, Invariant, Partial<Frontend>]>([
    ["ThreadBudget", threadBudget, { knownPeers: config.fleet.maxSize }],
    ["ServesOnlyWithCompleteMap", servesOnlyWithCompleteMap, { map: "useless" }],
    // Out of step with its cell (39 peers), for longer than the deadline (the step also lets that much time pass).
    ["PeersLearnedWithin", peersLearnedWithin, { knownPeers: 38, connectedPeers: 38 }],
    ["WellFormed", wellFormed, { connectedPeers: 40, knownPeers: 39 }],
    ["ShardMovesAppliedWithin", shardMovesAppliedWithin, { staleShards: 1 }],
  ])("%s: in a replaced record", (_name, inv, patch) => {
    expect(O.isNone(inv.check(config, start))).toBe(true);
    const after = { ...at(start, 17, patch), tick: config.membership.propagationDelayTicks + 1 };
    expect(stepDelta(start, after, ALWAYS).changed).toEqual([after.frontends[17]]);
    const v = incremental(inv, start, after);
    expect(O.isSome(v)).toBe(true);
    expect(v).toEqual(inv.check(config, after));
    expect(incremental(inv, start, { ...at(start, 17, {}), tick: after.tick })).toEqual(O.none);
  });

  test("ShardMovesAppliedWithin: a move's age crossing the deadline, no record replaced", () => {
    const deadline = config.membership.propagationDelayTicks;
    const moved = {
      ...at(start, 5, { staleShards: 1 << 3 }),
      sinceMoved: start.sinceMoved.with(3, deadline).with(2, 0),
    };
    expect(O.isNone(shardMovesAppliedWithin.check(config, moved))).toBe(true);
    const older = { ...moved, tick: moved.tick + 1, sinceMoved: moved.sinceMoved.with(3, deadline + 1) };
    expect(stepDelta(moved, older, ALWAYS).changed).toEqual([]);
    const v = incremental(shardMovesAppliedWithin, moved, older);
    expect(O.isSome(v)).toBe(true);
    expect(v).toEqual(shardMovesAppliedWithin.check(config, older));
    // Another shard's move ageing short of the deadline changes nothing this invariant reads: no fleet scan.
    const other = { ...moved, sinceMoved: moved.sinceMoved.with(2, 1) };
    expect(shardMovesAppliedWithin.fleetwise?.contextChanged(config, moved, other)).toBe(false);
  });

  test("WellFormed: a cell that disappears (context), and cells that stop adding up (rest), no record replaced", () => {
    // Two cells of 30 and 10 (the last ten frontends in cell 1), then one cell of 40: the sizes still add up,
    // and no record changes, but ten frontends now belong to no cell.
    const twoCells = {
      ...start,
      cellSizes: [30, 10],
      frontends: start.frontends.map((f, i) => (i < 30 ? f : { ...f, cell: 1 })),
    };
    const oneCell = { ...twoCells, cellSizes: [40] };
    const check = (before: State, after: State) =>
      checkAfterStep(config, wellFormed, stepDelta(before, after, ALWAYS), HELD).violation;
    expect(O.isNone(wellFormed.check(config, twoCells))).toBe(true);
    expect(stepDelta(twoCells, oneCell, ALWAYS).changed).toEqual([]);
    expect(O.isSome(check(twoCells, oneCell))).toBe(true);
    expect(check(twoCells, oneCell)).toEqual(wellFormed.check(config, oneCell));
    const miscounted = { ...twoCells, cellSizes: [30, 11] };
    expect(wellFormed.fleetwise?.contextChanged(config, twoCells, miscounted)).toBe(false);
    expect(O.isSome(check(twoCells, miscounted))).toBe(true);
    expect(check(twoCells, miscounted)).toEqual(wellFormed.check(config, miscounted));
  });

  test("PeersLearnedWithin: the cell sizes are its context, and the clock its due tick (a lag may derive from them)", () => {
    const cw = peersLearnedWithin.fleetwise;
    expect(cw?.contextChanged(config, start, { ...start, cellSizes: [...start.cellSizes] })).toBe(true);
    expect(cw?.contextChanged(config, start, { ...start, tick: 1 })).toBe(false);
    expect(cw?.dueAt).toBeDefined();
    expect(
      cw?.contextChanged(config, start, { ...start, requests: { succeeded: 1, failed: 0, misrouted: 0 } }),
    ).toBe(false);
  });

  test("a removal shifts the fleet but replaces no record; an addition's newcomers are the records checked", () => {
    const removed = { ...start, frontends: start.frontends.toSpliced(9, 1) };
    expect(stepDelta(start, removed, ALWAYS).changed).toEqual([]);
    const grown = step(config, start, { type: "capacityAdded", count: 2 });
    if (E.isLeft(grown)) throw new Error("the addition fits the plan");
    expect(stepDelta(start, grown.right, ALWAYS).changed).toEqual(
      expect.arrayContaining(grown.right.frontends.slice(40)),
    );
    expect(stepDelta(start, start, ALWAYS).changed).toEqual([]);
  });

  test("falls back to the full check when the invariant did not hold before, or the step replaced too much", () => {
    const broken = at(start, 3, { map: "useless" });
    // Held before is false: the full check, which still finds the unchanged offender.
    const same = { ...broken };
    expect(
      checkAfterStep(
        config,
        servesOnlyWithCompleteMap,
        stepDelta(broken, same, ALWAYS),
        checkedInFull(config, servesOnlyWithCompleteMap, broken),
      ).violation,
    ).toEqual(servesOnlyWithCompleteMap.check(config, same));
    expect(stepDelta(start, broken, { minFleet: 41, maxChangedShare: 1 }).changed).toBeUndefined();
    expect(stepDelta(start, broken, { minFleet: 0, maxChangedShare: 0 }).changed).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// a verdict the clock alone changes: the due tick carried from step to step
// ---------------------------------------------------------------------------------------------------------

/**
 * A test-only invariant whose frontends fall due with the clock, as a lag derived from a stamp does: frontend
 * i offends from tick i + 5 on. Its `check` scans the fleet; its decomposition gives `dueAt`.
 */
const dueOf = (f: Frontend): number => f.id + 5;
const youngFleet: Invariant = {
  ...peersLearnedWithin,
  check: (_config, state) => {
    const late = state.frontends.find((f) => dueOf(f) <= state.tick);
    return late === undefined
      ? O.none
      : O.some({ invariant: "PeersLearnedWithin", message: `frontend-${late.id} is due`, source: "test" });
  },
  fleetwise: {
    offends: (_config, state, f) => dueOf(f) <= state.tick,
    contextChanged: () => false,
    dueAt: (_config, _state, f) => dueOf(f),
  },
};

describe("a due tick carried from step to step", () => {
  const ticked = (state: State): State => ({ ...state, tick: state.tick + 1 });

  test("finds the violation on the tick it falls due, with no record replaced, and only then reads the fleet", () => {
    let state = start;
    let carried = checkAfterStep(config, youngFleet, stepDelta(state, state, ALWAYS), HELD);
    expect(carried).toEqual({ violation: O.none, due: 5 });
    for (let t = 1; t <= 5; t++) {
      const next = ticked(state);
      const checked = checkAfterStep(config, youngFleet, stepDelta(state, next, ALWAYS), carried);
      expect(checked.violation).toEqual(youngFleet.check(config, next));
      expect(O.isSome(checked.violation)).toBe(t === 5);
      state = next;
      carried = checked;
    }
  });

  test("a bound left low by a replaced record is re-read when the clock reaches it, and then holds", () => {
    // Frontend 0 (due at 5) leaves the fleet at tick 3: the carried bound (5) is now too low. At tick 5 the
    // fleet is read again: frontend 1 is due at 6, so the invariant holds at 5 and fails at 6.
    let state = { ...start, tick: 3 };
    let carried = checkAfterStep(config, youngFleet, stepDelta(state, state, ALWAYS), HELD);
    const removed = { ...state, frontends: state.frontends.slice(1) };
    carried = checkAfterStep(config, youngFleet, stepDelta(state, removed, ALWAYS), carried);
    expect(carried.due).toBe(5);
    state = removed;
    const verdicts: boolean[] = [];
    for (let t = 4; t <= 6; t++) {
      const next = ticked(state);
      const checked = checkAfterStep(config, youngFleet, stepDelta(state, next, ALWAYS), carried);
      expect(checked.violation).toEqual(youngFleet.check(config, next));
      verdicts.push(O.isNone(checked.violation));
      state = next;
      carried = checked;
    }
    expect(verdicts).toEqual([true, true, false]);
  });

  test("a replaced record that falls due earlier lowers the bound", () => {
    const state = { ...start, tick: 2 };
    const carried = checkAfterStep(config, youngFleet, stepDelta(state, state, ALWAYS), HELD);
    const renamed = at(state, 20, { id: -2 });
    const next = ticked(renamed);
    const checked = checkAfterStep(config, youngFleet, stepDelta(state, next, ALWAYS), carried);
    expect(O.isSome(checked.violation)).toBe(true);
    expect(checked.violation).toEqual(youngFleet.check(config, next));
  });
});
