// ---------------------------------------------------------------------------------------------------------
// The witness runs of specs/system/prove/arguments.ts assume only that Kinesis stays unavailable to the
// dependent for the run's length. This runs one of them through the real system: the saved as-was fleet
// failure (counterexamples/system/) with R10 on, then ticks. The symbolic run says the first loss comes at an
// impairment of localBufferTicks + 1 ticks and is datapointsPerTick datapoints; so does systemStep.
// ---------------------------------------------------------------------------------------------------------
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../../model/configs/asWasDependents.ts";
import { withDependentRemediations } from "../../../model/dependents/config.ts";
import { initialSystemState, type SystemState, systemStep } from "../../../model/system.ts";
import { loadSaved } from "../../saved.ts";

const FLEET_FAILURE = join(
  import.meta.dirname,
  "../../../counterexamples/system/CloudWatchLosesNoDatapoint--as-was--38f91ea220.json",
);

describe("the witness run past R10's horizon, in the real system", () => {
  test("after the as-was fleet fails, R10's store loses nothing for localBufferTicks ticks, then datapointsPerTick at the next", () => {
    const loaded = loadSaved(FLEET_FAILURE);
    if (E.isLeft(loaded) || loaded.right.spec !== "system")
      throw new Error("the saved fleet failure must load");
    const config = withDependentRemediations(asWasSystem, ["cloudwatchLocalBuffer"]);
    const { datapointsPerTick, localBufferTicks } = config.dependents.cloudwatch;
    const apply = (s: SystemState, op: Parameters<typeof systemStep>[2]): SystemState => {
      const r = systemStep(config, s, op);
      if (E.isLeft(r)) throw new Error(`refused: ${r.left.reason}`);
      return r.right;
    };
    // The fleet's failure: the saved operations up to the tick at which CloudWatch first lost data.
    let s = loaded.right.saved.ops.slice(0, -1).reduce(apply, initialSystemState(config));
    expect(s.dependents.cloudwatch.impairedFor).toBe(0);
    const fills: number[] = [];
    while (s.dependents.cloudwatch.lost === 0 && fills.length <= 4 * localBufferTicks) {
      s = apply(s, { type: "tick" });
      fills.push(s.dependents.cloudwatch.impairedFor);
    }
    expect(fills).toEqual(Array.from({ length: localBufferTicks + 1 }, (_, j) => j + 1));
    expect(s.dependents.cloudwatch).toMatchObject({
      lost: datapointsPerTick,
      longestImpairment: localBufferTicks + 1,
    });
  });
});
