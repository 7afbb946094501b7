import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { decodeConfig } from "../../model/configDecoder.ts";
import { configArb } from "./configArb.ts";
import { OUTCOME_RULES } from "./expectedOutcome.ts";

const drawn = fc.sample(configArb(), { numRuns: 300, seed: 18 });

describe("the config arbitrary", () => {
  test("draws only configs the decoder accepts, unchanged by a round trip through JSON", () => {
    for (const c of drawn) expect(decodeConfig(JSON.parse(JSON.stringify(c)))).toEqual(E.right(c));
  });

  test("draws more than one thread per peer, cells of 3, bootstrap and delay above 1, and every remediation", () => {
    expect(drawn.some((c) => c.threads.threadsPerPeer > 1)).toBe(true);
    expect(drawn.some((c) => c.remediations.cellularization && c.remediationParameters.cellSize >= 3)).toBe(
      true,
    );
    expect(drawn.some((c) => c.coldStart.bootstrapTicks > 1 && c.membership.propagationDelayTicks > 1)).toBe(
      true,
    );
    for (const name of Object.keys(drawn[0]?.remediations ?? {}))
      expect(drawn.some((c) => c.remediations[name as keyof typeof c.remediations])).toBe(true);
  });

  test("gives every rule but WellFormed's both outcomes, so no rule is checked one way only", () => {
    for (const rule of OUTCOME_RULES.filter((r) => r.invariant !== "WellFormed")) {
      const outcomes = new Set(drawn.map((c) => rule.expected(c)));
      expect([...outcomes].sort(), rule.invariant).toEqual(expect.arrayContaining(["holds", "violated"]));
    }
  });
});
