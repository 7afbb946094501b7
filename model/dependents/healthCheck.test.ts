// Tests for the health check (model/dependents/healthCheck.ts; domain.md K11): it removes only a slow frontend,
// and the removal is the core's restart, so the frontend bootstraps again (a setback).
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { appliedSystem } from "../../test/trace.ts";
import { asWasSystem } from "../configs/asWasDependents.ts";
import { initialSystemState, systemStep } from "../system.ts";

const restarted = (positions: ReadonlyArray<number>) =>
  positions.map((frontend) => ({ type: "frontendRestarted", frontend }) as const);

describe("frontendJudgedUnhealthy (K11)", () => {
  test("refused for a frontend that can serve what it is sent (the fleet at rest)", () => {
    const r = systemStep(asWasSystem, initialSystemState(asWasSystem), {
      type: "frontendJudgedUnhealthy",
      frontend: 0,
    });
    expect(E.isLeft(r) && r.left.reason).toContain("is not slow");
  });

  test("refused for a frontend that is itself bootstrapping", () => {
    const s = appliedSystem(asWasSystem, restarted([0, 1]));
    const r = systemStep(asWasSystem, s, { type: "frontendJudgedUnhealthy", frontend: 0 });
    expect(E.isLeft(r)).toBe(true);
  });

  test("with three bootstrapping (one more than B_safe), a serving frontend is slow: it is restarted and the setback counted", () => {
    const s = appliedSystem(asWasSystem, [
      ...restarted([0, 1, 2]),
      { type: "frontendJudgedUnhealthy", frontend: 3 },
    ]);
    expect(s.core.frontends[3]?.status).toBe("bootstrapping");
    expect(s.core.frontends[3]?.bootstrapLeft).toBe(asWasSystem.coldStart.bootstrapTicks);
    expect(s.dependents.healthCheck.removedUnhealthy).toBe(1);
  });
});
