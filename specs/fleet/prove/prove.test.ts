// ---------------------------------------------------------------------------------------------------------
// The Z3 proofs of ThreadBudget (docs/prove.md): each remediation's verdict, a wrong side condition refused,
// and the as-was counterexample replayed through the real model. Z3 starts once for the file.
// ---------------------------------------------------------------------------------------------------------
import { beforeAll, describe, expect, test } from "vitest";
import { type Z3, z3Context } from "../../prove/z3.ts";
import {
  type Argument,
  cellsBoundThreads,
  groupsWithinBudget,
  planFitsInServers,
  threadBudgetAlone,
} from "./arguments.ts";
import { replayConcretely, violatingState } from "./concrete.ts";
import { fits, type ProofFlags } from "./encoding.ts";
import { proveArgument } from "./prove.ts";

const NONE: ProofFlags = { cellularization: false, preflightGuard: false, largerServers: false };

let z: Z3;
let initMs = 0;

beforeAll(async () => {
  const started = performance.now();
  z = await z3Context();
  initMs = performance.now() - started;
}, 60_000);

describe("prove ThreadBudget with Z3", () => {
  test("Z3 starts within ten seconds", () => {
    expect(initMs).toBeLessThan(10_000);
  });

  test.each<[string, string, ProofFlags, Argument]>([
    ["cellularization", "CellsBoundThreads", { ...NONE, cellularization: true }, cellsBoundThreads],
    ["preflightGuard", "GroupsWithinBudget", { ...NONE, preflightGuard: true }, groupsWithinBudget],
    ["largerServers", "PlanFitsInServers", { ...NONE, largerServers: true }, planFitsInServers],
    [
      "all three",
      "CellsBoundThreads",
      { cellularization: true, preflightGuard: true, largerServers: true },
      cellsBoundThreads,
    ],
  ])("under %s, %s is proved and its side condition is necessary", async (_set, _name, flags, argument) => {
    const r = await proveArgument(z, flags, argument);
    expect(r.obligations.filter((o) => o.status !== "proved")).toEqual([]);
    expect(r.verdict).toBe("PROVED");
    expect(r.necessary).toBe("yes");
  });

  test("as-was: ThreadBudget alone is not inductive for every fleet size", async () => {
    const r = await proveArgument(z, NONE, threadBudgetAlone);
    expect(r.verdict).toBe("NOT INDUCTIVE");
    expect(r.obligations.find((o) => o.obligation === "consecution: peerLearned (f)")?.status).toBe(
      "counterexample",
    );
  });

  test("a planted wrong side condition (cellSize − 2 peers instead of cellSize − 1) is refused by Z3", async () => {
    const wrong: Argument = {
      ...cellsBoundThreads,
      sideConditionText: "baseThreads + threadsPerPeer × (cellSize − 2) ≤ threadLimit",
      sideCondition: (e) => fits(e, e.p.cellSize.sub(2)),
    };
    const r = await proveArgument(z, { ...NONE, cellularization: true }, wrong);
    expect(r.verdict).toBe("NOT INDUCTIVE");
    expect(r.obligations.find((o) => o.obligation === "implies ThreadBudget")?.status).toBe("counterexample");
  });

  test("the as-was counterexample Z3 gives replays through step as a ThreadBudget violation", async () => {
    const r = await proveArgument(z, NONE, threadBudgetAlone);
    const state = violatingState(r);
    expect(state).toBeDefined();
    if (state === undefined) return;
    const trace = replayConcretely(NONE, state.params, state.group);
    expect(trace.violation).toMatch(/over the OS limit/);
  });

  test("the side condition is what makes the replay fail: a fleet that fits replays with no violation", () => {
    const trace = replayConcretely(NONE, { threadLimit: 10, baseThreads: 1, threadsPerPeer: 3 }, 4);
    expect(trace.violation).toBeUndefined();
  });
});
