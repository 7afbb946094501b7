import { describe, expect, test } from "vitest";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../checker/defaults.ts";
import { searchInvariant } from "../checker/search.ts";
import { withAllRemediations, withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { EXPECTATIONS } from "./expectations.ts";
import { INVARIANTS } from "./index.ts";

// Habit 13: each config/invariant pair declares its outcome, and both directions are checked: the outage's
// violations must still be found, and each remediation must still hold, with the CLI's default search.
describe.each(EXPECTATIONS)("as-was with remediations $remediations", ({ remediations, outcomes }) => {
  const config = remediations === "all" ? withAllRemediations(asWas) : withRemediations(asWas, remediations);
  test.each(INVARIANTS.map((inv) => [inv.name, inv] as const))("%s is as expected", (name, inv) => {
    const result = searchInvariant(fleetSpec, config, inv, {
      seed: DEFAULT_SEED,
      runs: DEFAULT_RUNS,
      maxSteps: fleetSpec.defaultMaxSteps,
    });
    expect(result.status).toBe(outcomes[name]);
  });
});
