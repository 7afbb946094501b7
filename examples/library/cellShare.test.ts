// Our own invariant under our own config, as a property: @fast-check/vitest's test.prop with the package's
// arbitrary and predicate. A failure is saved into counterexamples/new/ with the command to replay it.
import { test } from "@fast-check/vitest";
import { fleetSpec } from "kinesis-outage-model";
import { invariantArbitrary, invariantHolds, saveNewFailures } from "kinesis-outage-model/vitest";
import { myFleet, noCellHoldsMoreThan40Percent } from "./myFleet.ts";

const maxSteps = 60;

test.prop([invariantArbitrary(fleetSpec, myFleet, { maxSteps })], {
  numRuns: 200,
  ...saveNewFailures(fleetSpec, myFleet, noCellHoldsMoreThan40Percent, { maxSteps }),
})(
  "no cell of our fleet holds more than 40 % of it",
  invariantHolds(fleetSpec, myFleet, noCellHoldsMoreThan40Percent),
);
