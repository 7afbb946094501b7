// The bench's own arithmetic and workloads (the bench itself is `npm run bench`, not a test).
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { firstViolation, runTrace } from "../checker/trace.ts";
import { withAllRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { threadsForGroupOf } from "../model/fleet.ts";
import { initialState } from "../model/state.ts";
import { step } from "../model/step.ts";
import { INVARIANTS } from "../properties/index.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { simulateOnce } from "./simulate.ts";
import { median } from "./stats.ts";
import { FLEET_SIZES, fleetOf, tracesFor } from "./workload.ts";

describe("median", () => {
  test("is the middle value, or the mean of the middle two, whatever the order", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (xs) => {
        const m = median(xs);
        expect(xs.filter((x) => x < m).length).toBeLessThanOrEqual(xs.length / 2);
        expect(xs.filter((x) => x > m).length).toBeLessThanOrEqual(xs.length / 2);
      }),
    );
  });
});

describe("the scaling workloads", () => {
  test.each(FLEET_SIZES)("%i frontends: that many at the start, and the thread limit fits the plan", (n) => {
    const config = fleetOf(n);
    expect(initialState(config).frontends).toHaveLength(n);
    expect(config.fleet.maxSize).toBeGreaterThan(n);
    expect(threadsForGroupOf(config, config.fleet.maxSize)).toBeLessThanOrEqual(config.threads.threadLimit);
    if (n <= 100) expect(firstViolation(config, initialState(config), INVARIANTS)).toBeUndefined();
  });
});

describe("simulateOnce", () => {
  test("counts what runTrace counts, and sees violations exactly where the expectations say there are some (none under every remediation once their own limits are left out)", () => {
    const traces = tracesFor(asWas, 30);
    const r = simulateOnce(asWas, initialState(asWas), traces);
    const traced = traces.map((ops) => runTrace(fleetSpec, asWas, ops, []));
    expect(r.offered).toBe(traces.reduce((n, ops) => n + ops.length, 0));
    expect(r.accepted).toBe(
      traced.reduce((n, t) => n + t.steps.filter((s) => s.refused === undefined).length, 0),
    );
    expect(r.violations).toBeGreaterThan(0);
    // Every remediation on, without their own limits modelled (with them too every invariant holds under all since R5,
    // properties/expectations.ts).
    const { remediationLimits: _, ...all } = withAllRemediations(asWas);
    expect(simulateOnce(all, initialState(all), tracesFor(all, 30)).violations).toBe(0);
  });

  test("counts exactly the violations the full checks count, at hundreds of frontends on the thread limit's edge", () => {
    const wide = fleetOf(200);
    const { baseThreads, threadsPerPeer } = wide.threads;
    const config = { ...wide, threads: { ...wide.threads, threadLimit: baseThreads + threadsPerPeer * 199 } };
    const traces = tracesFor(config, 40);
    const start = initialState(config);
    let violations = 0;
    for (const ops of traces) {
      let state = start;
      for (const op of ops) {
        const r = step(config, state, op);
        if (E.isLeft(r)) continue;
        state = r.right;
        for (const inv of INVARIANTS) if (O.isSome(inv.check(config, state))) violations += 1;
      }
    }
    expect(violations).toBeGreaterThan(0);
    expect(simulateOnce(config, start, traces).violations).toBe(violations);
  });
});
