import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { exploreBreadthFirst } from "../../checker/verify/bfs.ts";
import { SYSTEM_INVARIANTS } from "../../properties/dependents/index.ts";
import { systemSpec } from "../../specs/system.ts";
import { dependentsConfigArb } from "./dependentsConfigArb.ts";
import { DEPENDENTS_RULES } from "./dependentsOutcome.ts";

const invariants = DEPENDENTS_RULES.map((r) => {
  const inv = SYSTEM_INVARIANTS.find((i) => i.name === r.invariant);
  if (inv === undefined) throw new Error(`unknown invariant ${r.invariant}`);
  return inv;
});

describe("the search over the dependents' numbers", () => {
  test.prop({ config: dependentsConfigArb }, { numRuns: 60, seed: 18 })(
    "each bounded dependents invariant's verdict by breadth-first search (exhaustive up to 200,000 states, else bounded) agrees with its expected outcome from the proofs",
    ({ config }) => {
      const r = exploreBreadthFirst(systemSpec, config, invariants, { maxDepth: 1000, maxStates: 200_000 });
      const found = r.verdicts.map((v) => `${v.invariant.name} ${v.verdict.status}`);
      const expected = DEPENDENTS_RULES.map(
        (rule) => `${rule.invariant} ${rule.expected(config) === "holds" ? "proved" : "violated"}`,
      );
      expect(found, config.name).toEqual(expected);
    },
  );

  test("the drawn configs give every rule both outcomes, so none is checked one way only", () => {
    const drawn = fc.sample(dependentsConfigArb, { numRuns: 120, seed: 18 });
    for (const rule of DEPENDENTS_RULES)
      expect(new Set(drawn.map((c) => rule.expected(c))), rule.invariant).toEqual(
        new Set(["holds", "violated"]),
      );
  });
});
