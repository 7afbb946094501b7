import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { match } from "ts-pattern";
import { describe, expect } from "vitest";
import { wellFormed } from "../properties/wellFormed.ts";
import { opArb } from "../specs/fleet/arbitraries.ts";
import { withAllRemediations } from "./config.ts";
import { asWas } from "./configs/asWas.ts";
import type { Op } from "./ops.ts";
import { initialState, type State } from "./state.ts";
import { step } from "./step.ts";

const deepFreeze = <T>(v: T): T => {
  if (typeof v === "object" && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
};

const configs = fc.constantFrom(asWas, withAllRemediations(asWas));

describe("step", () => {
  test.prop({ config: configs, ops: fc.array(opArb(asWas), { maxLength: 60, size: "max" }) })(
    "never mutates the state it is given and always yields a well-formed state or a refusal",
    ({ config, ops }) => {
      let state: State = deepFreeze(initialState(config));
      for (const op of ops) {
        const before = JSON.stringify(state);
        const r = step(config, state, op);
        expect(JSON.stringify(state)).toBe(before);
        if (E.isRight(r)) {
          expect(wellFormed.check(config, r.right)._tag).toBe("None");
          state = deepFreeze(r.right);
        } else {
          expect(r.left.reason.length).toBeGreaterThan(0);
        }
      }
    },
  );

  test.prop({ n: fc.nat(1000) })("always lets time pass", ({ n }) => {
    const s = { ...initialState(asWas), tick: n };
    const r = step(asWas, s, { type: "tick" });
    expect(E.isRight(r) && r.right.tick).toBe(n + 1);
  });
});

// Habit 9: adding an operation must break compilation wherever it is not handled. A match that forgets
// `tick` does not type-check; the directive below fails the typecheck if it ever does.
const forgetsTick = (op: Op): string =>
  match(op)
    .with({ type: "capacityAdded" }, { type: "frontendRemoved" }, { type: "frontendRestarted" }, () => "a")
    .with({ type: "frontendCrashed" }, { type: "peerLearned" }, { type: "shardMoved" }, () => "b")
    .with({ type: "requestRouted" }, () => "c")
    // @ts-expect-error NonExhaustiveError: the `tick` case is missing
    .exhaustive();

describe("exhaustiveness", () => {
  test.prop({ op: opArb(asWas) })("the partial match above is only a type test", ({ op }) => {
    fc.pre(op.type !== "tick");
    expect(["a", "b", "c"]).toContain(forgetsTick(op));
  });
});
