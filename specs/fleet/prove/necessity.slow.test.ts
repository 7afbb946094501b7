// ---------------------------------------------------------------------------------------------------------
// Necessity of the side conditions, asked of Z3 (prove.ts `necessityOf`, necessity.ts): each answer shown
// given where it is true, and the strong one refused where it is not (a side condition stronger than needed,
// one the argument does not need). Z3 starts once for the file. Slow (about 4.5 minutes on a 2-core machine:
// each test proves an argument and asks its necessity, a breadth-first search included), so it runs in
// `npm run test:slow`, not in `npm test` (vitest.config.ts). The witness runs are checked in necessity.test.ts.
// ---------------------------------------------------------------------------------------------------------
import { beforeAll, describe, expect, test } from "vitest";
import { runTrace } from "../../../checker/trace.ts";
import { fleetSpec } from "../../fleet.ts";
import { type Z3, z3Context } from "../../prove/z3.ts";
import { type Argument, argumentsFor, itself } from "./arguments.ts";
import type { ProofFlags } from "./encoding.ts";
import { proveArgument } from "./prove.ts";
import { flagsOf } from "./proveSet.ts";

/** Each Z3 test proves an argument and asks its necessity (a breadth-first search included): minutes on a loaded machine. */
let z: Z3;

beforeAll(async () => {
  z = await z3Context();
}, 60_000);

const CELLS: Required<ProofFlags> = flagsOf(["cellularization"]);

/** The first argument tried for `invariant` under `flags`. */
const firstArgument = (invariant: Parameters<typeof argumentsFor>[0], flags: ProofFlags): Argument => {
  const a = argumentsFor(invariant, flags)[0];
  if (a === undefined) throw new Error(`no argument for ${invariant}`);
  return a;
};

describe("is the side condition also needed?", () => {
  test("ServesOnlyWithCompleteMap under cellularization: R7's condition cannot be dropped; the model's own search reaches a violation at a value breaking it, and the trace replays", async () => {
    const r = await proveArgument(z, CELLS, firstArgument("ServesOnlyWithCompleteMap", CELLS));
    expect(r.verdict).toBe("PROVED");
    expect(r.necessary).toBe("reachable without it");
    const found = r.reachableWithout;
    if (found === undefined) throw new Error("no reachable violation reported");
    const serves = fleetSpec.invariants.filter((i) => i.name === "ServesOnlyWithCompleteMap");
    const replay = runTrace(fleetSpec, found.config, found.ops, serves);
    expect(replay.violation?.violation.message).toBe(found.message);
    expect(replay.violation?.step).toBe(found.ops.length);
  }, 600_000);

  test("a side condition stronger than needed is not called necessary: R7's with propagationDelayTicks ≥ 2 added", async () => {
    const real = firstArgument("PeersLearnedWithin", CELLS);
    const stronger: Argument = {
      ...real,
      sideConditionText: `${real.sideConditionText} and propagationDelayTicks ≥ 2`,
      sideCondition: (e) => e.z.And(real.sideCondition(e), e.p.propagationDelayTicks.ge(2)),
    };
    const r = await proveArgument(z, CELLS, stronger);
    expect(r.verdict).toBe("PROVED");
    expect(r.necessary).not.toBe("necessary");
  }, 600_000);

  test("a side condition the argument does not need is sufficient only: WellFormed under cellSize ≥ 2", async () => {
    const r = await proveArgument(z, CELLS, {
      ...itself("WellFormed"),
      sideConditionText: "cellSize ≥ 2",
      sideCondition: (e) => e.p.cellSize.ge(2),
    });
    expect(r.verdict).toBe("PROVED");
    expect(r.necessary).toBe("sufficient only");
  }, 600_000);
});
