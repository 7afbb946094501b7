// The package's saved corpus as fast-check examples: the known failures run first (as Hypothesis's example
// database does), so a regression shows on the first run, not when the random search happens upon it.
import fc from "fast-check";
import { asWas, fleetSpec, invariantNamed, withRemediations } from "kinesis-outage-model";
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
