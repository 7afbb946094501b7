import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { withAllRemediations } from "../../../model/config.ts";
import { asWas, small } from "../../../model/configs/index.ts";
import { initialState } from "../../../model/state.ts";
import { step } from "../../../model/step.ts";
import { opsArb } from "../arbitraries.ts";
import { tableStep } from "./stepTable.ts";

describe("the table dispatch the engine runs", () => {
  for (const config of [asWas, small, withAllRemediations(asWas)])
    test(`gives the model's step, state for state and refusal for refusal, on ${config.name}`, () => {
      fc.assert(
        fc.property(opsArb(config, 60), (ops) => {
          let state = initialState(config);
          for (const op of ops) {
            const viaTable = tableStep(config, state, op);
            expect(viaTable).toEqual(step(config, state, op));
            if (viaTable._tag === "Right") state = viaTable.right;
          }
        }),
        { numRuns: 60 },
      );
    });
});
