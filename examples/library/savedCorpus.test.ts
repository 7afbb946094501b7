// The package's saved corpus as fast-check examples: the known failures run first (as Hypothesis's example
// database does), so a regression shows on the first run, not when the random search happens upon it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import {
  asWas,
  decodeCounterexample,
  fleetSpec,
  invariantNamed,
  invariantOf,
  parseJson,
  withRemediations,
} from "kinesis-outage-model";
import { invariantProperty, packageCorpus, savedExamples } from "kinesis-outage-model/vitest";
import { expect, test } from "vitest";

const threadBudget = invariantNamed("ThreadBudget");
if (threadBudget === undefined) throw new Error("the package has no ThreadBudget");
const examples = savedExamples(fleetSpec, packageCorpus(), threadBudget);

test("the known ThreadBudget failures fail again under the 2020 config, on the very first run", () => {
  expect(examples.length).toBeGreaterThan(0);
  const details = fc.check(invariantProperty(fleetSpec, asWas, threadBudget), { examples, numRuns: 1 });
  expect(details.failed).toBe(true);
});

test("with larger servers, ThreadBudget holds, the known failures first", () => {
  fc.assert(invariantProperty(fleetSpec, withRemediations(asWas, ["largerServers"]), threadBudget), {
    examples,
    numRuns: 100,
  });
});

test("a counterexample the CLI saved fails again under plain fc.assert, from what its file records", () => {
  const file = join(packageCorpus(), "ThreadBudget--as-was--ebffbf949d.json");
  const decoded = parseJson(readFileSync(file, "utf8"));
  const saved = decoded._tag === "Right" ? decodeCounterexample(fleetSpec, decoded.right) : decoded;
  if (saved._tag === "Left") throw new Error(saved.left);
  const { config, seed, path, maxSteps } = saved.right;
  const invariant = invariantOf(fleetSpec, saved.right.invariant);
  if (invariant === undefined) throw new Error(`no invariant ${saved.right.invariant}`);
  // "after 1 tests": the first case run is the saved one, regenerated from the seed and path alone.
  expect(() =>
    fc.assert(invariantProperty(fleetSpec, config, invariant, { maxSteps }), {
      seed,
      path,
      endOnFailure: true,
    }),
  ).toThrow(/Property failed after 1 tests/);
});
