import { test } from "@fast-check/vitest";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { withRemediations } from "../../model/config.ts";
import { small } from "../../model/configs/index.ts";
import { invariantNamed } from "../../properties/index.ts";
import { cellsBoundThreads, groupsWithinBudget } from "../../properties/strengthened.ts";
import { type Candidate, checkInductive, domainOf, stateArb } from "./inductive.ts";

const threadBudget = invariantNamed("ThreadBudget");
if (threadBudget === undefined) throw new Error("ThreadBudget is registered");
const budget: Candidate = { name: "ThreadBudget", holds: (c, s) => O.isNone(threadBudget.check(c, s)) };
const options = { maxEnumerate: 1_000_000, samples: 1000, seed: 20201125 };
const cells = withRemediations(small, ["cellularization"]);
const guard = withRemediations(small, ["preflightGuard"]);

describe("inductive invariant checks", () => {
  it("CellsBoundThreads is inductive under cellularization (enumerated, then sampled)", () => {
    const r = checkInductive(cells, cellsBoundThreads, options);
    expect(r.status).toBe("inductive");
    if (r.status === "inductive") expect(r.exhaustiveStates).toBeGreaterThan(1000);
  });

  it("GroupsWithinBudget is inductive under the preflight guard", () => {
    expect(checkInductive(guard, groupsWithinBudget, options).status).toBe("inductive");
  });

  it.each([
    ["cellularization", cells],
    ["preflightGuard", guard],
  ])(
    "ThreadBudget alone is not inductive under %s: the CTI satisfies it and its successor does not",
    (_, config) => {
      const r = checkInductive(config, budget, options);
      expect(r.status).toBe("not-inductive");
      if (r.status !== "not-inductive") return;
      expect(budget.holds(config, r.cti.state)).toBe(true);
      expect(budget.holds(config, r.cti.after)).toBe(false);
    },
  );

  it("without the guard, GroupsWithinBudget is broken by a capacity addition", () => {
    const r = checkInductive(small, groupsWithinBudget, options);
    expect(r.status).toBe("not-inductive");
    if (r.status === "not-inductive") expect(r.cti.op.type).toBe("capacityAdded");
  });

  test.prop({ s: stateArb(cells, domainOf(cells)) })(
    "every state satisfying a strengthened invariant satisfies ThreadBudget",
    ({ s }) => {
      if (cellsBoundThreads.holds(cells, s)) expect(budget.holds(cells, s)).toBe(true);
      if (groupsWithinBudget.holds(guard, s)) expect(budget.holds(guard, s)).toBe(true);
    },
  );
});
