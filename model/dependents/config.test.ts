// withDependentRemediations: the config's name says which dependent remediations are on, so a saved system
// counterexample and the matrix report name the config they ran (domain.md R6, R9–R12; seed 000). Written for
// issue 7: StrykerJS showed the name was never checked.
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../configs/asWasDependents.ts";
import { type SystemConfig, withDependentRemediations } from "./config.ts";

describe("withDependentRemediations", () => {
  test("names the config after the base config and each remediation, joined by '+'", () => {
    const c = withDependentRemediations(asWasSystem, ["cognitoNonBlockingBuffer", "dashboardBackupPath"]);
    expect(c.name).toBe("as-was+cognitoNonBlockingBuffer+dashboardBackupPath");
    expect(withDependentRemediations(asWasSystem, ["cloudwatchLocalBuffer"]).name).toBe(
      "as-was+cloudwatchLocalBuffer",
    );
  });

  test("with no remediation named, returns the config unchanged, name included", () => {
    expect(withDependentRemediations(asWasSystem, [])).toBe(asWasSystem);
  });
});

describe("withDependentRemediations and R2's optional flag", () => {
  const { threadAlarm: _, ...old } = asWasSystem.dependents.remediations;
  const saved: SystemConfig = {
    ...asWasSystem,
    dependents: { ...asWasSystem.dependents, remediations: old },
  };

  test("a config without threadAlarm keeps it out when other flags are switched on (its hash is unchanged)", () => {
    const r = withDependentRemediations(saved, ["cloudwatchLocalBuffer"]).dependents.remediations;
    expect("threadAlarm" in r).toBe(false);
    expect(r.cloudwatchLocalBuffer).toBe(true);
  });

  test("and gains it when it is named", () => {
    expect(withDependentRemediations(saved, ["threadAlarm"]).dependents.remediations.threadAlarm).toBe(true);
  });
});
