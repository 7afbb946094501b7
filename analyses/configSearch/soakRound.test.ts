import { describe, expect, test } from "vitest";
import { runTrace } from "../../checker/trace.ts";
import { invariantNamed } from "../../properties/index.ts";
import { fleetSpec } from "../../specs/fleet.ts";
import { specWith } from "../plantedBugs/plantedBug.ts";
import { restartOpensOneThreadPerPeer } from "../plantedBugs/restartOpensOneThreadPerPeer.ts";
import { soakRound } from "./soakRound.ts";

// Round 76 draws a config of three frontends in cells of 2 at two threads per peer, one thread of room each
// (cheap: under 3 s for the three tests). Issue 14 (two more remediation flags drawn) moved it from round 31.
const ROUND = 76;

describe("a soak round", () => {
  test("is a function of its seed", () => {
    expect(soakRound(ROUND, 5)).toEqual(soakRound(ROUND, 5));
  });

  test("finds no mismatch on the real model, and counts what its random runs reached", () => {
    const r = soakRound(ROUND, 20);
    expect(r.mismatches).toEqual([]);
    expect(r.coverage.sequences).toBe(20);
    expect(Object.values(r.coverage.ops).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  test("reports a planted bug's violation with a shrunk run that the bug fails and the real model passes", () => {
    const buggy = specWith(restartOpensOneThreadPerPeer.step);
    const r = soakRound(ROUND, 20, 60, buggy);
    const random = r.mismatches.find((m) => m.ops.length > 0);
    expect(random?.invariant).toBe("WellFormed");
    if (random === undefined) return;
    const inv = invariantNamed(random.invariant);
    if (inv === undefined) throw new Error("unknown invariant");
    expect(runTrace(buggy, random.config, random.ops, [inv]).violation).toBeDefined();
    expect(runTrace(fleetSpec, random.config, random.ops, [inv]).violation).toBeUndefined();
  });
});
