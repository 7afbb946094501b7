import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect } from "vitest";
import { type Config, REMEDIATION_NAMES, withAllRemediations, withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { initialState, type State } from "../model/state.ts";
import { step } from "../model/step.ts";
import { INVARIANTS } from "../properties/index.ts";
import { opArb } from "./arbitraries.ts";
import { checkAfterStep } from "./incremental.ts";

const wider: Config = {
  ...asWas,
  name: "wider",
  fleet: { initialSize: 14, maxSize: 30 },
  threads: { threadLimit: 20, baseThreads: 4, threadsPerPeer: 1 },
  membership: { propagationDelayTicks: 3 },
  coldStart: { bootstrapTicks: 2, maxConcurrentBootstraps: 3, cacheSelfHealsAfterTriggerRemoval: true },
};

const scenario = fc
  .constantFrom(
    asWas,
    withAllRemediations(asWas),
    ...REMEDIATION_NAMES.map((r) => withRemediations(asWas, [r])),
    wider,
    withRemediations(wider, ["cellularization"]),
  )
  .chain((config) => fc.tuple(fc.constant(config), fc.array(opArb(config), { maxLength: 80, size: "max" })));

describe("incremental invariant checking", () => {
  test.prop({ s: scenario }, { numRuns: 300 })(
    "perFrontend keeps its contract, and checkAfterStep gives check's verdict after every step from a state where it held",
    ({ s: [config, ops] }) => {
      let state: State = initialState(config);
      for (const op of ops) {
        const r = step(config, state, op);
        if (E.isLeft(r)) continue;
        const before = state;
        state = r.right;
        for (const inv of INVARIANTS) {
          const full = inv.check(config, state);
          const pf = inv.perFrontend;
          if (pf !== undefined)
            expect(O.isNone(full)).toBe(
              state.frontends.every((f) => !pf.breaks(config, state, f)) &&
                pf.holdsOutsideFleet(config, state),
            );
          if (O.isNone(inv.check(config, before)))
            expect(checkAfterStep(config, inv, before, state)).toEqual(full);
        }
      }
    },
  );
});
