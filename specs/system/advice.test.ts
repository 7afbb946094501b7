import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import { withDependentRemediations } from "../../model/dependents/config.ts";
import { systemSpec } from "../system.ts";

const advice = (invariant: string, config = asWasSystem) => systemSpec.narration.advice?.(invariant, config);

describe("the advice printed after a dependents' invariant is violated", () => {
  test("names the remediation flag that fixes it when that flag is off", () => {
    expect(advice("ThreadAlarmBeforeLimit")).toBe("fixed by: --remediation threadAlarm");
  });

  test("does not advise a remediation already on: the violation is then a limit of the remedy itself (R2's α)", () => {
    const withAlarm = withDependentRemediations(asWasSystem, ["threadAlarm"]);
    expect(advice("ThreadAlarmBeforeLimit", withAlarm)).toBe(
      "violated with --remediation threadAlarm on: a limit of the remedy itself (docs/remediation-limits.md)",
    );
  });

  test("an invariant no dependent flag fixes says what does", () => {
    expect(advice("NoRecoverySetback")).toMatch(
      /^fixed by no dependent remediation flag: restart .* no faster than/,
    );
  });
});
