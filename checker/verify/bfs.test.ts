import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { REMEDIATION_NAMES, withAllRemediations, withRemediations } from "../../model/config.ts";
import { asWas, small } from "../../model/configs/index.ts";
import { OP_TYPES, type Op } from "../../model/ops.ts";
import { INVARIANTS, invariantNamed } from "../../properties/index.ts";
import { decodeOp, encodeOp } from "../../specs/fleet/opCode.ts";
import { searchInvariant } from "../search.ts";
import { runTrace } from "../trace.ts";
import { exploreBreadthFirst } from "./bfs.ts";

const threadBudget = invariantNamed("ThreadBudget");
if (threadBudget === undefined) throw new Error("ThreadBudget is registered");
const CORE = INVARIANTS.filter((i) => i.name !== "WellFormed");
const bounds = { maxDepth: 100, maxStates: 50_000 };

describe("breadth-first verification", () => {
  it("on as-was, ThreadBudget is violated by a one-step trace that replays", () => {
    const r = exploreBreadthFirst(asWas, [threadBudget], bounds);
    const v = r.verdicts[0]?.verdict;
    expect(v?.status).toBe("violated");
    if (v?.status !== "violated") return;
    expect(v.depth).toBe(1);
    expect(runTrace(asWas, v.ops, [threadBudget]).violation?.step).toBe(1);
  });

  it("on small, every core invariant's shortest trace is no longer than the random checker's shrunk one", () => {
    const r = exploreBreadthFirst(small, CORE, bounds);
    for (const { invariant, verdict } of r.verdicts) {
      expect(verdict.status).toBe("violated");
      if (verdict.status !== "violated") continue;
      expect(runTrace(small, verdict.ops, [invariant]).violation?.step).toBe(verdict.ops.length);
      const random = searchInvariant(small, invariant, { seed: 20201125, runs: 100, maxSteps: 40 });
      if (random.status === "violated")
        expect(verdict.ops.length).toBeLessThanOrEqual(random.found.ops.length);
    }
  });

  it("on small with every remediation, every invariant is proved over the whole reachable state space", () => {
    const r = exploreBreadthFirst(withAllRemediations(small), INVARIANTS, bounds);
    expect(r.complete).toBe(true);
    expect(r.verdicts.map((v) => v.verdict.status)).toEqual(INVARIANTS.map(() => "proved"));
  });

  it("a state bound gives 'bounded' with the depth fully explored, never 'proved'", () => {
    const full = exploreBreadthFirst(small, INVARIANTS.slice(0, 1), bounds);
    const cut = exploreBreadthFirst(small, INVARIANTS.slice(0, 1), { ...bounds, maxStates: 100 });
    expect(full.verdicts[0]?.verdict.status).toBe("proved");
    expect(cut.verdicts[0]?.verdict).toMatchObject({ status: "bounded", bound: "max-states", states: 100 });
    expect(cut.verdicts[0]?.verdict.depth).toBeLessThan(full.verdicts[0]?.verdict.depth ?? 0);
  });

  it("a depth bound gives 'bounded' at exactly that depth", () => {
    const cut = exploreBreadthFirst(small, INVARIANTS.slice(0, 1), { ...bounds, maxDepth: 3 });
    expect(cut.verdicts[0]?.verdict).toMatchObject({ status: "bounded", bound: "max-depth", depth: 3 });
  });

  it.each(REMEDIATION_NAMES.map((n) => [n]))(
    "exploration with %s is deterministic (same states, same verdicts)",
    (name) => {
      const config = withRemediations(small, [name]);
      expect(exploreBreadthFirst(config, CORE, bounds)).toEqual(exploreBreadthFirst(config, CORE, bounds));
    },
  );

  test.prop({
    op: fc.oneof(
      fc.record({ type: fc.constant("capacityAdded" as const), count: fc.integer({ min: 1, max: 4095 }) }),
      fc.record({
        type: fc.constantFrom(
          ...(["frontendRemoved", "frontendRestarted", "frontendCrashed", "peerLearned"] as const),
        ),
        frontend: fc.nat({ max: 4095 }),
      }),
      fc.record({ type: fc.constant("shardMoved" as const), shard: fc.nat({ max: 4095 }) }),
      fc.record({
        type: fc.constant("requestRouted" as const),
        frontend: fc.nat({ max: 4095 }),
        shard: fc.nat({ max: 4095 }),
      }),
      fc.constant({ type: "tick" as const }),
    ),
  })("an operation survives its integer encoding", ({ op }) => {
    expect(OP_TYPES).toHaveLength(8);
    expect(decodeOp(encodeOp(op as Op))).toEqual(op);
  });
});
