// The faster operations and invariants (docs/performance.md) against their originals (test/referenceModel.ts):
// the same states, refusals, violation messages and closeness after every step, on random traces, under
// every remediation and under configs that exercise what the fast paths changed (several bootstraps at
// once, self-healing maps, cells, larger fleets). The reference keeps each frontend's lag as a counter; the
// model stores a stamp and derives the lag, so the model's states are compared through `lagView`.
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { INVARIANTS } from "../properties/index.ts";
import { opArb } from "../specs/fleet/arbitraries.ts";
import {
  lagView,
  messageOf,
  type RefState,
  referenceCloseness,
  referenceInitialState,
  referenceMessage,
  referenceStep,
  referenceWithFrontendAt,
} from "../test/referenceModel.ts";
import { type Config, REMEDIATION_NAMES, withAllRemediations, withRemediations } from "./config.ts";
import { asWas } from "./configs/asWas.ts";
import { initialState, type State, withFrontendAt } from "./state.ts";
import { step } from "./step.ts";

const wider: Config = {
  ...asWas,
  name: "wider",
  fleet: { initialSize: 14, maxSize: 30 },
  threads: { threadLimit: 20, baseThreads: 4, threadsPerPeer: 1 },
  membership: { propagationDelayTicks: 3 },
  coldStart: { bootstrapTicks: 2, maxConcurrentBootstraps: 3, cacheSelfHealsAfterTriggerRemoval: true },
};

const CONFIGS: ReadonlyArray<Config> = [
  asWas,
  withAllRemediations(asWas),
  ...REMEDIATION_NAMES.map((r) => withRemediations(asWas, [r])),
  wider,
  withRemediations(wider, ["cellularization"]),
  withRemediations(wider, ["waitForCompleteMap", "bootstrapFromAuthoritative"]),
];

const scenario = fc
  .constantFrom(...CONFIGS)
  .chain((config) => fc.tuple(fc.constant(config), fc.array(opArb(config), { maxLength: 80, size: "max" })));

describe("the fast model equals the straightforward one", () => {
  test.prop({ s: scenario }, { numRuns: 300 })(
    "step: the same state or the same refusal after every operation",
    ({ s: [config, ops] }) => {
      let state: State = initialState(config);
      let reference: RefState = referenceInitialState(config);
      expect(lagView(config, state)).toEqual(reference);
      for (const op of ops) {
        const fast = step(config, state, op);
        const slow = referenceStep(config, reference, op);
        expect(E.map((s: State) => lagView(config, s))(fast)).toEqual(slow);
        if (E.isRight(fast) && E.isRight(slow)) {
          state = fast.right;
          reference = slow.right;
        }
      }
    },
  );

  test.prop({ s: scenario }, { numRuns: 300 })(
    "every invariant: the same violation message (or none) and the same closeness after every step",
    ({ s: [config, ops] }) => {
      let state: State = initialState(config);
      for (const op of ops) {
        const r = step(config, state, op);
        if (E.isLeft(r)) continue;
        state = r.right;
        const view = lagView(config, state);
        for (const inv of INVARIANTS) {
          expect(messageOf(inv.check(config, state))).toBe(referenceMessage(inv.name, config, view));
          expect(inv.closeness(config, state)).toBe(referenceCloseness(inv.name, config, view));
        }
      }
    },
  );

  test.prop({ size: fc.integer({ min: 1, max: 60 }), config: fc.constantFrom(...CONFIGS) })(
    "initialState at any fleet size",
    ({ size, config }) => {
      const c = { ...config, fleet: { initialSize: size, maxSize: size } };
      expect(lagView(c, initialState(c))).toEqual(referenceInitialState(c));
    },
  );

  test.prop({ i: fc.nat({ max: 7 }), id: fc.nat() })("withFrontendAt", ({ i, id }) => {
    const s = initialState(asWas);
    const f = { ...(s.frontends[0] as State["frontends"][number]), id };
    expect(withFrontendAt(s, i, f)).toEqual(referenceWithFrontendAt(s, i, f));
  });
});
