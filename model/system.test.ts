import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { opsArb } from "../specs/fleet/arbitraries.ts";
import { systemOpsArb } from "../specs/system/arbitraries.ts";
import { asWasSystem } from "./dependents/asWas.ts";
import { initialState } from "./state.ts";
import { step } from "./step.ts";
import { initialSystemState, systemStep } from "./system.ts";

describe("systemStep composes the core model", () => {
  test.prop({ ops: opsArb(asWasSystem, 60) })(
    "on core operations, the core part evolves exactly as the core step makes it",
    ({ ops }) => {
      let core = initialState(asWasSystem);
      let sys = initialSystemState(asWasSystem);
      for (const op of ops) {
        const a = step(asWasSystem, core, op);
        const b = systemStep(asWasSystem, sys, op);
        expect(E.isLeft(b)).toBe(E.isLeft(a));
        if (E.isRight(a) && E.isRight(b)) {
          core = a.right;
          sys = b.right;
          expect(sys.core).toEqual(core);
        }
      }
    },
  );

  test.prop({ ops: systemOpsArb(asWasSystem, 80) })(
    "dependent events never change the core, and only a tick advances time",
    ({ ops }) => {
      let sys = initialSystemState(asWasSystem);
      for (const op of ops) {
        const r = systemStep(asWasSystem, sys, op);
        if (E.isLeft(r)) continue;
        if (!("frontend" in op || "shard" in op || "count" in op) && op.type !== "tick")
          expect(r.right.core).toBe(sys.core);
        expect(r.right.core.tick).toBe(sys.core.tick + (op.type === "tick" ? 1 : 0));
        sys = r.right;
      }
    },
  );

  test.prop({ n: fc.nat({ max: 5 }) })(
    "a second status update while one is in progress is refused, not ignored",
    ({ n }) => {
      let sys = initialSystemState(asWasSystem);
      for (let i = 0; i < n; i++)
        sys = E.getOrElse(() => sys)(systemStep(asWasSystem, sys, { type: "tick" }));
      const first = systemStep(asWasSystem, sys, { type: "statusPostStarted" });
      if (E.isLeft(first)) throw new Error("the first post must be accepted");
      const second = systemStep(asWasSystem, first.right, { type: "statusPostStarted" });
      expect(E.isLeft(second) && second.left._tag).toBe("NotEnabled");
    },
  );
});
