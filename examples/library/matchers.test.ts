// The package's matchers: operation sequences we care about, and the package's saved counterexamples.
import { fleetSpec, invariantNamed, type Op } from "kinesis-outage-model";
import { outageMatchers, packageCorpus } from "kinesis-outage-model/vitest";
import { describe, expect, test } from "vitest";
import { myFleet, noCellHoldsMoreThan40Percent } from "./myFleet.ts";

expect.extend(outageMatchers);

const threadBudget = invariantNamed("ThreadBudget");
if (threadBudget === undefined) throw new Error("the package has no ThreadBudget");

describe("our fleet", () => {
  const doubling: ReadonlyArray<Op> = [
    { type: "capacityAdded", count: 10 },
    ...Array.from({ length: 12 }, (): Op => ({ type: "tick" })),
  ];

  test("doubling it keeps every frontend within the thread limit", () => {
    expect(doubling).toHoldInvariant(fleetSpec, myFleet, threadBudget);
  });

  test("doubling it keeps every cell within 40 % of the fleet", () => {
    expect(doubling).toHoldInvariant(fleetSpec, myFleet, noCellHoldsMoreThan40Percent);
  });

  test("removing frontends below ten lets one cell hold most of what is left, which is allowed", () => {
    const removed: ReadonlyArray<Op> = Array.from(
      { length: 7 },
      (): Op => ({ type: "frontendRemoved", frontend: 0 }),
    );
    expect(removed).toHoldInvariant(fleetSpec, myFleet, noCellHoldsMoreThan40Percent);
  });
});

test("the package's saved ThreadBudget counterexamples still reproduce", () => {
  for (const file of ["ThreadBudget--as-was--ebffbf949d.json", "ThreadBudget--small--3c579a0c3c.json"])
    expect(`${packageCorpus()}/${file}`).toReproduce();
});
