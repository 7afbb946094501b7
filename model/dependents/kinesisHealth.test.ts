// Tests for what the dependents see of Kinesis (domain.md K2, K8, K11; C1, W1, E1), aimed at the mutants StrykerJS
// left alive in model/dependents/kinesisHealth.ts (issue 7): only serving frontends take a dependent's calls, so
// frontends that are bootstrapping (K11) or crashed neither help nor hurt the share that can route.
import { describe, expect, test } from "vitest";
import { applied } from "../../test/trace.ts";
import { asWas } from "../configs/asWas.ts";
import { asWasSystem } from "../configs/asWasDependents.ts";
import { initialState } from "../state.ts";
import { mainFleetAvailable, routablePercent } from "./kinesisHealth.ts";

const crashed = (frontends: ReadonlyArray<number>) =>
  applied(
    asWas,
    frontends.map((frontend) => ({ type: "frontendCrashed", frontend }) as const),
  );

describe("routablePercent (K2, K8)", () => {
  test("the fleet at rest: every serving frontend can route", () => {
    expect(routablePercent(initialState(asWas))).toBe(100);
  });

  test("frontends still bootstrapping after a capacity addition take no calls, so they do not count (K11)", () => {
    const s = applied(asWas, [{ type: "capacityAdded", count: 1 }]);
    expect(s.frontends.some((f) => f.status === "bootstrapping")).toBe(true);
    expect(routablePercent(s)).toBe(100);
    expect(mainFleetAvailable(asWasSystem, s)).toBe(true);
  });

  test("with 5 of 8 frontends crashed the 3 left serve every call: Kinesis stays available to the dependents", () => {
    const s = crashed([0, 1, 2, 3, 4]);
    expect(s.frontends.filter((f) => f.status === "serving")).toHaveLength(3);
    expect(routablePercent(s)).toBe(100);
    expect(mainFleetAvailable(asWasSystem, s)).toBe(true);
  });

  test("the share is taken over serving frontends only: one useless map among 3 serving is 2/3", () => {
    const s = crashed([0, 1, 2, 3, 4]);
    const withUseless = {
      ...s,
      frontends: s.frontends.map((f, i) => (i === 7 ? { ...f, map: "useless" as const } : f)),
    };
    expect(routablePercent(withUseless)).toBeCloseTo(200 / 3, 10);
  });

  test("no serving frontend at all: nothing can route, 0 percent (not NaN)", () => {
    const s = crashed([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(routablePercent(s)).toBe(0);
    expect(mainFleetAvailable(asWasSystem, s)).toBe(false);
  });
});
