// The vitest entry as a user's suite uses it: the matchers through expect.extend, the corpus as examples.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { asWas, small } from "../model/configs/index.ts";
import type { Op } from "../model/ops.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { invariantProperty, outageMatchers, packageCorpus, savedExamples } from "./vitest.ts";

expect.extend(outageMatchers);
const corpus = join(import.meta.dirname, "..", "counterexamples");
const newFailures = mkdtempSync(join(tmpdir(), "vitest-entry-"));
afterAll(() => rmSync(newFailures, { recursive: true, force: true }));

describe("kinesis-outage-model/vitest", () => {
  test("toHoldInvariant passes on operations that keep the invariant and says why when they do not", () => {
    const quiet: ReadonlyArray<Op> = [{ type: "tick" }, { type: "tick" }];
    expect(quiet).toHoldInvariant(fleetSpec, asWas, threadBudget);
    const added: ReadonlyArray<Op> = [{ type: "capacityAdded", count: 1 }];
    expect(() =>
      expect(added).toHoldInvariant(fleetSpec, asWas, threadBudget, { folder: newFailures }),
    ).toThrow(/ThreadBudget broke after step 1: frontend-8 knows 8 peers/);
  });

  test("toHoldInvariant saves the operations that break the invariant and names the explain command", () => {
    const folder = join(newFailures, "matcher");
    const added: ReadonlyArray<Op> = [{ type: "tick" }, { type: "capacityAdded", count: 1 }];
    expect(() => expect(added).toHoldInvariant(fleetSpec, asWas, threadBudget, { folder })).toThrow(
      /ThreadBudget broke after step 2: .*\nSaved as .*ThreadBudget--as-was--\w+\.json; read it with: npx outage explain /,
    );
    const [file, ...more] = readdirSync(folder);
    expect(more).toEqual([]);
    expect(join(folder, file ?? "")).toReproduce();
    // Under .not, breaking is what was asked: nothing is saved.
    expect(added).not.toHoldInvariant(fleetSpec, small, threadBudget, { folder: join(newFailures, "not") });
    expect(() => readdirSync(join(newFailures, "not"))).toThrow(/ENOENT/);
  });

  test("toReproduce passes on every committed counterexample of ThreadBudget", () => {
    for (const name of ["ThreadBudget--as-was--ebffbf949d.json", "ThreadBudget--small--3c579a0c3c.json"])
      expect(join(corpus, name)).toReproduce();
    expect(packageCorpus()).toBe(corpus);
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
