import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { withAllRemediations, withRemediations } from "../../model/config.ts";
import { small } from "../../model/configs/small.ts";
import { EXPECTATIONS } from "../../properties/expectations.ts";
import { configArb } from "../configSearch/configArb.ts";
import { describeMismatch, mismatchesOf, verdictsOf } from "../configSearch/configSearch.ts";
import { ABOVE_SMALL_BUGS } from "./aboveSmall.ts";
import { specWith } from "./plantedBug.ts";

/** `small` under each remediation set the expectations table lists (the sets `check` and `verify` are run on). */
const smallConfigs = EXPECTATIONS.map((e) =>
  e.remediations === "all" ? withAllRemediations(small) : withRemediations(small, e.remediations),
);

/** The real model's verdicts on each of them, found once for every bug. */
const realVerdicts = smallConfigs.map((config) =>
  verdictsOf(config).map((v) => `${v.invariant} ${v.status}`),
);

/** The most configs the search over configs may draw before it catches a bug (measured: docs/trust.md). */
const CONFIGS_TO_CATCH = 60;

describe.each(ABOVE_SMALL_BUGS.map((b) => [b.name, b] as const))("above small: %s", (_name, bug) => {
  const buggy = specWith(bug.step);

  test("exhaustive search of small gives the real model's verdicts, under every remediation set", () => {
    smallConfigs.forEach((config, i) => {
      expect(
        verdictsOf(config, buggy).map((v) => `${v.invariant} ${v.status}`),
        config.name,
      ).toEqual(realVerdicts[i]);
    });
  });

  test(`the search over configs catches it by ${bug.expectedInvariant} within ${CONFIGS_TO_CATCH} configs`, () => {
    const r = fc.check(
      fc.property(configArb(), (config) => mismatchesOf(config, verdictsOf(config, buggy)).length === 0),
      // The first config that catches it is enough here (shrinking re-runs the search per candidate).
      { seed: 18, numRuns: CONFIGS_TO_CATCH, endOnFailure: true },
    );
    expect(r.failed, `${bug.name} escaped ${CONFIGS_TO_CATCH} configs`).toBe(true);
    const config = r.counterexample?.[0];
    if (config === undefined) return;
    const mismatches = mismatchesOf(config, verdictsOf(config, buggy));
    expect(
      mismatches.map((m) => m.invariant),
      mismatches.map((m) => describeMismatch(config, m)).join("\n"),
    ).toContain(bug.expectedInvariant);
    // A config the real model agrees on: the mismatch is the bug's doing.
    expect(mismatchesOf(config, verdictsOf(config))).toEqual([]);
  });
});
