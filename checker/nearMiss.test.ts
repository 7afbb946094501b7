// A near miss as a trace (checker/nearMiss.ts): the run the search reports as coming closest, regenerated from
// its seed and path, ends at a state exactly as close as reported; its file replays, and stops replaying when
// the closest state changes.
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { narrate, savedSteps } from "../explain/narrate.ts";
import { withAllRemediations, withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { fleetSpec } from "../specs/index.ts";
import { decodeCounterexample, encodeCounterexample, parseJson } from "./counterexample.ts";
import { DEFAULT_SEED } from "./defaults.ts";
import { closestStep, nearMissFile, nearMissRun } from "./nearMiss.ts";
import { replayCounterexample } from "./replay.ts";
import { searchInvariant } from "./search.ts";

const VERSIONS = { tool: "test", fastCheck: "test" };
const configs = [withRemediations(asWas, ["preflightGuard"]), withAllRemediations(asWas)];
const cases = configs.flatMap((config) =>
  fleetSpec.invariants.map((inv) => [`${inv.name} under ${config.name}`, config, inv] as const),
);
/** The searches of these cases, from run 0 and from run 7 (a `--path`), that find no violation. */
const holding = cases.flatMap(([name, config, inv]) =>
  [undefined, "7"].flatMap((start) => {
    const options = {
      seed: DEFAULT_SEED,
      runs: 40,
      maxSteps: 30,
      ...(start === undefined ? {} : { path: start }),
    };
    const r = searchInvariant(fleetSpec, config, inv, options);
    return r.status === "holds"
      ? [[`${name}, from run ${start ?? 0}`, config, inv, r.nearMiss] as const]
      : [];
  }),
);

describe("the near miss of a search, as a trace", () => {
  test("most of these searches hold, so the cases below are not empty", () => {
    expect(holding.length).toBeGreaterThanOrEqual(6);
  });

  test.each(holding)(
    "%s: ends at a state as close as the search reported, and holds on every step",
    (_n, config, inv, nearMiss) => {
      const found = nearMissRun(fleetSpec, config, inv, {
        seed: nearMiss.seed,
        path: nearMiss.path,
        maxSteps: 30,
      });
      expect(found.trace.violation).toBeUndefined();
      expect(found.closeness).toBe(nearMiss.closeness);
      expect(found.step).toBe(found.ops.length);
      expect(closestStep(inv, config, found.trace)).toEqual({ step: found.step, closeness: found.closeness });
      // Every operation of the trace was accepted.
      expect(found.trace.steps.every((s) => s.refused === undefined)).toBe(true);
    },
  );

  test("its file round-trips, replays, and says so when the closest state is no longer the saved one", () => {
    const config = withRemediations(asWas, ["preflightGuard"]);
    const inv = fleetSpec.invariants.find((i) => i.name === "ThreadBudget");
    if (inv === undefined) throw new Error("no ThreadBudget");
    const r = searchInvariant(fleetSpec, config, inv, { seed: DEFAULT_SEED, runs: 40, maxSteps: 30 });
    expect(r.status).toBe("holds");
    if (r.status !== "holds") return;
    const run = { seed: r.nearMiss.seed, path: r.nearMiss.path, maxSteps: 30 };
    const found = nearMissRun(fleetSpec, config, inv, run);
    const steps = savedSteps(narrate(fleetSpec, config, found.trace));
    const file = nearMissFile(fleetSpec, config, inv, run, found, steps, VERSIONS);
    expect(file.nearMiss).toEqual({
      closeness: Number(found.closeness.toFixed(4)),
      meaning: inv.closenessMeaning,
    });
    expect(file.violationStep).toBe(found.step);
    expect(file.message).toContain("ThreadBudget held on every step");

    const decoded = E.chain((v) => decodeCounterexample(fleetSpec, v))(
      parseJson(encodeCounterexample(file, 1)),
    );
    expect(decoded).toEqual(E.right(file));
    const replay = replayCounterexample(fleetSpec, file);
    expect(replay.reproduces).toBe(true);
    expect(replay.detail).toContain("comes closest after step");

    const moved = replayCounterexample(fleetSpec, {
      ...file,
      nearMiss: { ...file.nearMiss, closeness: 0.01 } as never,
    });
    expect(moved.reproduces).toBe(false);
    expect(moved.detail).toMatch(/the closest step is now/);
    // Under as-was, one server added breaks ThreadBudget: a near miss with that trace is now a violation.
    const broken = replayCounterexample(fleetSpec, {
      ...file,
      config: asWas,
      ops: [{ type: "capacityAdded", count: 1 }],
      violationStep: 1,
    });
    expect(broken.reproduces).toBe(false);
    expect(broken.detail).toBe("ThreadBudget fails at step 1: the near miss is now a violation");
  });

  test("a file's nearMiss must be {closeness from 0 to 1, meaning}", () => {
    const base = JSON.parse(
      encodeCounterexample(
        {
          spec: "fleet",
          invariant: "ThreadBudget",
          message: "m",
          source: "s",
          config: asWas,
          seed: 0,
          path: "",
          ops: [],
          violationStep: 0,
          steps: [],
        },
        1,
      ),
    ) as Record<string, unknown>;
    for (const [nearMiss, message] of [
      [{ closeness: 2, meaning: "x" }, "nearMiss.closeness must be a number from 0 to 1"],
      [{ closeness: 0.5 }, "missing key nearMiss.meaning"],
      ["close", "nearMiss must be an object"],
      [
        { closeness: 0.5, meaning: "x", extra: 1 },
        "unknown key nearMiss.extra (expected one of: closeness, meaning)",
      ],
    ] as const)
      expect(decodeCounterexample(fleetSpec, { ...base, nearMiss })).toEqual(E.left(message));
  });
});
