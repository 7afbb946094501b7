// ---------------------------------------------------------------------------------------------------------
// The encoding must be the model (issue 13): the SMT formulas of encoding.ts checked against `step` on drawn
// configs and traces, and shown able to fail (a planted wrong formula, a planted wrong step). Z3 starts once
// for the file.
// ---------------------------------------------------------------------------------------------------------

import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { beforeAll, describe, expect, test } from "vitest";
import type { Config } from "../../../model/config.ts";
import { withRemediations } from "../../../model/config.ts";
import { asWas } from "../../../model/configs/asWas.ts";
import { small } from "../../../model/configs/small.ts";
import type { Op } from "../../../model/ops.ts";
import { initialState } from "../../../model/state.ts";
import { step } from "../../../model/step.ts";
import { type Z3, z3Context } from "../../prove/z3.ts";
import { disagreementOn, encodingAgrees } from "./agreement.ts";
import { abstractValues, paramValues } from "./agreementValues.ts";

/** The suite's budget: 60 drawn configs with traces of up to 25 operations (about a CPU second). */
const AGREEMENT_RUNS = { seed: 13, runs: 60, maxSteps: 25, refusals: false } as const;

/** Ticks until a frontend that fell behind at tick 0 is at the propagation deadline, and one more. */
const ticksPastDeadline = (config: Config): number => config.membership.propagationDelayTicks + 1;

let z: Z3;

beforeAll(async () => {
  z = await z3Context();
}, 60_000);

describe("the SMT encoding agrees with step", () => {
  test("on drawn configs and traces, every accepted step satisfies its formula, the tick by evaluation alone (model/clock.ts's sub-steps witness its intermediate records in every case, so Z3's solver is never asked)", async () => {
    const r = await encodingAgrees(z, step, AGREEMENT_RUNS);
    expect(r.agrees ? "agrees" : `${r.message} (seed ${r.seed}, path ${r.path})`).toBe("agrees");
    expect(r.runs).toBe(AGREEMENT_RUNS.runs);
    expect(r.solverQueries).toBe(0);
  }, 60_000);

  test("the tick is checked: a tick whose frontends at the deadline learn one peer too many is caught", async () => {
    const config = withRemediations(asWas, []);
    const wrongTick = (c: typeof config, state: ReturnType<typeof initialState>, op: Op) => {
      const result = step(c, state, op);
      return op.type !== "tick" || E.isLeft(result)
        ? result
        : E.right({
            ...result.right,
            frontends: result.right.frontends.map((f, i) =>
              f.knownPeers !== state.frontends[i]?.knownPeers ? { ...f, knownPeers: f.knownPeers + 1 } : f,
            ),
          });
    };
    const ops: Op[] = [
      { type: "capacityAdded", count: 1 },
      ...Array.from({ length: ticksPastDeadline(config) }, () => ({ type: "tick" }) as const),
    ];
    const stats = { solverQueries: 0 };
    const message = await disagreementOn(z, wrongTick, config, ops, { refusals: false, stats });
    expect(message).toMatch(/^soundness: at step \d+ \(.*\) .* which tick \(f due or not\) does not allow$/);
    // No model sub-step witnesses the wrong successor: the existential was asked of Z3, and it has none either.
    expect(stats.solverQueries).toBe(1);
  });

  test("where the encoding says an operation is disabled for a frontend (a Z3 query), step refuses it", async () => {
    const r = await encodingAgrees(z, step, { ...AGREEMENT_RUNS, runs: 10, refusals: true });
    expect(r.agrees ? "agrees" : `${r.message} (seed ${r.seed}, path ${r.path})`).toBe("agrees");
  }, 60_000);

  test("the refusal check can fail: a step that lets a stopped frontend learn a peer is caught", async () => {
    const config = withRemediations(asWas, []);
    const message = await disagreementOn(
      z,
      (c, state, op) => (op.type === "peerLearned" ? E.right(state) : step(c, state, op)),
      config,
      [
        { type: "frontendCrashed", frontend: 0 },
        { type: "peerLearned", frontend: 0 },
      ],
    );
    expect(message).toMatch(
      /^refusal: at step 2 .* peerLearned \(f\) is disabled for frontend-0, but step takes it$/,
    );
  });

  test("requestRouted, whose stale bit is eliminated, is checked too: a routed request whose misroute goes uncounted is caught", async () => {
    const config = withRemediations(asWas, []);
    const message = await disagreementOn(
      z,
      (c, state, op) => {
        const result = step(c, state, op);
        return op.type !== "requestRouted" || E.isLeft(result)
          ? result
          : E.right({
              ...result.right,
              requests: { ...result.right.requests, misrouted: state.requests.misrouted },
            });
      },
      config,
      [
        { type: "shardMoved", shard: 0 },
        { type: "requestRouted", frontend: 0, shard: 0 },
      ],
      { refusals: false },
    );
    expect(message).toMatch(/^soundness: at step 2 .* which requestRouted \(through f\) does not allow$/);
  });

  test("on as-was and small with every remediation, the hand-written traces agree", async () => {
    for (const config of [
      withRemediations(asWas, ["cellularization", "largerServers", "preflightGuard"]),
      small,
    ])
      expect(
        await disagreementOn(z, step, config, [
          { type: "capacityAdded", count: 1 },
          { type: "peerLearned", frontend: 0 },
          { type: "tick" },
          { type: "frontendRemoved", frontend: 1 },
          { type: "frontendRestarted", frontend: 0 },
          { type: "frontendCrashed", frontend: 0 },
          { type: "tick" },
          { type: "shardMoved", shard: 1 },
          { type: "requestRouted", frontend: 1, shard: 1 },
          { type: "tick" },
        ]),
      ).toBeUndefined();
  });

  test("the concrete values follow the model: units are factor × (servers − 1) + remainder", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), (units, factor) => {
        const config = withRemediations(
          {
            ...asWas,
            fleet: { initialSize: units, maxSize: units },
            remediationParameters: { ...asWas.remediationParameters, largerServerFactor: factor },
          },
          ["largerServers"],
        );
        const state = initialState(config);
        const v = abstractValues(config, state, state.frontends[0] as (typeof state.frontends)[number]);
        expect(factor * (v.s - 1) + v.r).toBe(units);
        expect(v.r).toBeGreaterThanOrEqual(1);
        expect(v.r).toBeLessThanOrEqual(factor);
        expect(paramValues(config).initialServers).toBe(v.n);
      }),
    );
  });

  test("a step that breaks the model's accounting is caught: a newcomer that knows one peer too many", async () => {
    const r = await encodingAgrees(
      z,
      (config, state, op) => {
        const result = step(config, state, op);
        return op.type !== "capacityAdded" || result._tag === "Left"
          ? result
          : {
              ...result,
              right: {
                ...result.right,
                frontends: result.right.frontends.map((f) =>
                  f.id >= state.nextId ? { ...f, knownPeers: f.knownPeers + 1 } : f,
                ),
              },
            };
      },
      { ...AGREEMENT_RUNS, runs: 30 },
    );
    expect(r.agrees).toBe(false);
    if (!r.agrees) expect(r.message).toMatch(/soundness: .*capacityAdded \(f a newcomer\)/);
  }, 60_000);
});
