// The vitest entry as a user's suite uses it: the matchers through expect.extend, the corpus as examples.
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { asWas, small } from "../model/configs/index.ts";
import type { Op } from "../model/ops.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { invariantProperty, outageMatchers, savedExamples } from "./vitest.ts";

expect.extend(outageMatchers);
const corpus = join(import.meta.dirname, "..", "counterexamples");

describe("kinesis-outage-model/vitest", () => {
  test("toHoldInvariant passes on operations that keep the invariant and says why when they do not", () => {
    const quiet: ReadonlyArray<Op> = [{ type: "tick" }, { type: "tick" }];
    expect(quiet).toHoldInvariant(fleetSpec, asWas, threadBudget);
    const added: ReadonlyArray<Op> = [{ type: "capacityAdded", count: 1 }];
    expect(() => expect(added).toHoldInvariant(fleetSpec, asWas, threadBudget)).toThrow(
      /ThreadBudget broke after step 1: frontend-8 knows 8 peers/,
    );
  });

  test("toReproduce passes on every committed counterexample of ThreadBudget", () => {
    for (const name of ["ThreadBudget--as-was--ebffbf949d.json", "ThreadBudget--small--3c579a0c3c.json"])
      expect(join(corpus, name)).toReproduce();
    expect(() => expect(join(corpus, "no-such.json")).toReproduce()).toThrow(/no such file/);
  });

  test("the saved corpus runs first as examples: the property fails on the first case, a saved one", () => {
    const examples = savedExamples(fleetSpec, corpus, threadBudget);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const details = fc.check(invariantProperty(fleetSpec, small, threadBudget), { examples, numRuns: 1 });
    expect(details.failed).toBe(true);
    expect(details.numRuns).toBe(1);
  });
});
