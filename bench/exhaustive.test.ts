// The bench's exhaustive sections (the bench itself is `npm run bench`, not a test).
import { describe, expect, test } from "vitest";
import { small } from "../model/configs/index.ts";
import { exhaustiveSection, shortestFor, shrinkQualityOnSmall } from "./exhaustive.ts";
import { HEADLINE } from "./sections.ts";

describe("shortest counterexamples and shrink quality", () => {
  test("on small: every headline invariant has a breadth-first shortest, never longer than the shrunk one", () => {
    const q = shrinkQualityOnSmall(HEADLINE);
    expect(q.map((x) => x.invariant)).toEqual(HEADLINE.map((inv) => inv.name));
    for (const x of q) {
      expect(x.shortest).not.toBeNull();
      expect(x.lengthAfter).not.toBeNull();
      expect(x.shortest as number).toBeLessThanOrEqual(x.lengthAfter as number);
      expect(x.shrinkQuality).toBeCloseTo((x.lengthAfter as number) / (x.shortest as number), 2);
    }
  });

  test("a bound without a violation gives a lower bound, not a length", () => {
    const [r] = shortestFor(small, HEADLINE.slice(-1), 3);
    expect(r?.shortest).toBeNull();
    expect(r?.shortestAtLeast).toBeGreaterThanOrEqual(1);
  });
});

test("the exhaustive section reports small first, complete, with every state packed", () => {
  const [first] = exhaustiveSection({ repetitions: 1, budgetMs: 0 }).slice(0, 1);
  expect(first?.config).toBe(small.name);
  expect(first?.complete).toBe(true);
  expect(first?.unpackedStates).toBe(0);
  expect(first?.bytesPerState).toBeGreaterThan(0);
});
