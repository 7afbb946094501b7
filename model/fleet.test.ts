// Operator and crash operations, pinned by worked examples (issue 7, mutation testing).
import { describe, expect, test } from "vitest";
import { applied, refusal } from "../test/trace.ts";
import { withRemediations } from "./config.ts";
import { asWas } from "./configs/asWas.ts";
import { capacityAdded } from "./fleet.ts";
import { initialState, type State } from "./state.ts";

describe("operator/capacityAdded", () => {
  test("adds bootstrapping newcomers that read the whole membership and open what threads the OS allows", () => {
    const s = applied(asWas, [{ type: "capacityAdded", count: 2 }]);
    expect(s.frontends).toHaveLength(10);
    expect(s.cellSizes).toEqual([10]);
    expect(s.nextId).toBe(10);
    expect(s.capacityUnits).toBe(10);
    expect(s.frontends[9]).toEqual({
      id: 9,
      status: "bootstrapping",
      cell: 0,
      knownPeers: 9,
      connectedPeers: 7,
      map: "building",
      staleShards: 0,
      behindSince: 0,
      bootstrapLeft: 18,
    });
  });

  test("is refused past the capacity plan, and for an empty batch", () => {
    const s = initialState(asWas);
    expect(refusal(asWas, s, { type: "capacityAdded", count: 4 })).toBeUndefined();
    expect(refusal(asWas, s, { type: "capacityAdded", count: 5 })).toBe(
      "the fleet would reach 13 servers, past the plan's 12",
    );
    expect(refusal(asWas, s, { type: "capacityAdded", count: 0 })).toMatch(/at least one/);
  });

  test("with the preflight guard, is prevented exactly when the largest group would exceed the limit", () => {
    const guarded = withRemediations(asWas, ["preflightGuard"]);
    expect(refusal(guarded, initialState(guarded), { type: "capacityAdded", count: 1 })).toBe(
      "9 peers in a group would need 12 threads each, over the limit of 11",
    );
    const smaller = applied(guarded, [{ type: "frontendRemoved", frontend: 0 }]);
    expect(refusal(guarded, smaller, { type: "capacityAdded", count: 1 })).toBeUndefined();
  });

  test("with the preflight guard, an unsafe addition is Prevented, naming the remediation, not merely not enabled", () => {
    const guarded = withRemediations(asWas, ["preflightGuard"]);
    const r = capacityAdded(guarded, initialState(guarded), { count: 1 });
    expect(r).toMatchObject({ left: { _tag: "Prevented", remediation: "preflightGuard" } });
  });

  test("places newcomers in open cells, then in new ones (R7)", () => {
    const cells = withRemediations(asWas, ["cellularization"]);
    const s = applied(cells, [
      { type: "frontendRemoved", frontend: 0 },
      { type: "capacityAdded", count: 2 },
    ]);
    expect(s.cellSizes).toEqual([4, 4, 1]);
    expect(s.frontends.map((f) => f.cell)).toEqual([0, 0, 0, 1, 1, 1, 1, 0, 2]);
    expect(s.frontends[8]).toMatchObject({ knownPeers: 0, connectedPeers: 0 });
  });

  test("with larger servers, adds a server per largerServerFactor units", () => {
    const larger = withRemediations(asWas, ["largerServers"]);
    expect(initialState(larger).frontends).toHaveLength(2);
    expect(applied(larger, [{ type: "capacityAdded", count: 1 }]).frontends).toHaveLength(3);
    expect(
      applied(larger, [
        { type: "capacityAdded", count: 1 },
        { type: "capacityAdded", count: 3 },
      ]).frontends,
    ).toHaveLength(3);
  });
});

describe("operator/frontendRemoved", () => {
  test("takes the frontend and its membership entry out, and its capacity", () => {
    const s = applied(asWas, [{ type: "frontendRemoved", frontend: 10 }]);
    expect(s.frontends.map((f) => f.id)).toEqual([0, 1, 3, 4, 5, 6, 7]);
    expect(s.cellSizes).toEqual([7]);
    expect(s.capacityUnits).toBe(7);
    const larger = withRemediations(asWas, ["largerServers"]);
    expect(applied(larger, [{ type: "frontendRemoved", frontend: 0 }]).capacityUnits).toBe(4);
  });
});

describe("operator/frontendRestarted and frontend/frontendCrashed", () => {
  test("a restart re-reads the membership, opens what threads it can, and bootstraps", () => {
    const s = applied(asWas, [
      { type: "capacityAdded", count: 1 },
      { type: "shardMoved", shard: 0 },
      { type: "frontendRestarted", frontend: 2 },
    ]);
    expect(s.frontends[2]).toEqual({
      id: 2,
      status: "bootstrapping",
      cell: 0,
      knownPeers: 8,
      connectedPeers: 7,
      map: "building",
      staleShards: 0,
      behindSince: 0,
      bootstrapLeft: 18,
    });
    expect(refusal(asWas, s, { type: "frontendRestarted", frontend: 2 })).toBe(
      "frontend-2 is already bootstrapping",
    );
  });

  test("a crash stops the frontend and drops its threads and map; a second crash is refused; a restart revives it", () => {
    const s = applied(asWas, [
      { type: "shardMoved", shard: 0 },
      { type: "frontendCrashed", frontend: 5 },
    ]);
    expect(s.frontends[5]).toEqual({
      id: 5,
      status: "stopped",
      cell: 0,
      knownPeers: 7,
      connectedPeers: 0,
      map: "building",
      staleShards: 0,
      behindSince: 0,
      bootstrapLeft: 0,
    });
    expect(refusal(asWas, s, { type: "frontendCrashed", frontend: 5 })).toBe("frontend-5 is already stopped");
    expect(applied(asWas, [{ type: "frontendRestarted", frontend: 5 }], s).frontends[5]).toMatchObject({
      status: "bootstrapping",
      connectedPeers: 7,
    });
  });

  test("every operation on a frontend is refused in an empty fleet", () => {
    const empty: State = { ...initialState(asWas), frontends: [], cellSizes: [] };
    for (const type of ["frontendRestarted", "frontendCrashed", "peerLearned", "requestRouted"] as const)
      expect(refusal(asWas, empty, { type, frontend: 0, shard: 0 } as never)).toBe("the fleet is empty");
  });
});
