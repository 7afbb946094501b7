// Tests for `stepped` (style habit 10: a step returns its effects as data), aimed at the mutants StrykerJS left
// alive in model/dependents/effects.ts (issue 7). An effect that moved nothing is not reported; one that moved
// something is; a descriptor without a count (C2's Blocked, seed 000's FailedOver) is always kept.
import { describe, expect, test } from "vitest";
import { stepped } from "./effects.ts";

describe("stepped (habit 10)", () => {
  test("keeps effects that moved something, in order, and the next state untouched", () => {
    const next = { n: 1 };
    const r = stepped(
      next,
      { _tag: "Buffered", service: "lambda", count: 1 },
      { _tag: "Dropped", service: "cloudwatch", count: 4 },
    );
    expect(r.next).toBe(next);
    expect(r.effects).toEqual([
      { _tag: "Buffered", service: "lambda", count: 1 },
      { _tag: "Dropped", service: "cloudwatch", count: 4 },
    ]);
  });

  test("leaves out an effect with a count of 0 (nothing was buffered, drained, dropped or lost)", () => {
    expect(
      stepped(
        0,
        { _tag: "Drained", service: "cognito", count: 0 },
        { _tag: "Lost", service: "customer", count: 2 },
      ).effects,
    ).toEqual([{ _tag: "Lost", service: "customer", count: 2 }]);
  });

  test("an absent effect (undefined, allowed by the signature) is skipped, not a crash", () => {
    expect(
      stepped(0, undefined, { _tag: "Blocked", service: "cognito" }, undefined, {
        _tag: "FailedOver",
        service: "customer",
      }).effects,
    ).toEqual([
      { _tag: "Blocked", service: "cognito" },
      { _tag: "FailedOver", service: "customer" },
    ]);
  });
});
