// ---------------------------------------------------------------------------------------------------------
// Necessity of the side conditions (prove.ts `necessityOf`, necessity.ts, witnessRuns.ts): each answer shown
// given where it is true, and the strong one refused where it is not (a side condition stronger than needed,
// one the argument does not need). Z3 starts once for the file.
// ---------------------------------------------------------------------------------------------------------
import { fc, test } from "@fast-check/vitest";
import { beforeAll, describe, expect } from "vitest";
import { runTrace } from "../../../checker/trace.ts";
import { withRemediations } from "../../../model/config.ts";
import { small } from "../../../model/configs/small.ts";
import type { Op } from "../../../model/ops.ts";
import { maxPeerThreads } from "../../../model/threadFormula.ts";
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

describe("the witness runs are runs of the model", () => {
  /** Configs breaking R7's side condition: one full initial cell whose frontends cannot hold all their threads. */
  const brokenCells = fc
    .record({
      baseThreads: fc.integer({ min: 0, max: 4 }),
      spare: fc.integer({ min: 0, max: 3 }),
      threadsPerPeer: fc.integer({ min: 1, max: 2 }),
      cellSize: fc.integer({ min: 2, max: 6 }),
      delay: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ baseThreads, spare, threadsPerPeer, cellSize, delay }) =>
      withRemediations(
        {
          ...small,
          fleet: { initialSize: cellSize, maxSize: cellSize },
          threads: { baseThreads, threadsPerPeer, threadLimit: baseThreads + spare },
          membership: { propagationDelayTicks: delay },
          remediationParameters: { ...small.remediationParameters, cellSize },
        },
        ["cellularization"],
      ),
    )
    .filter((c) => maxPeerThreads(c) < c.remediationParameters.cellSize - 1);

  const ticks = (n: number): ReadonlyArray<Op> =>
    Array.from({ length: n }, () => ({ type: "tick" }) as const);

  test.prop({ config: brokenCells }, { seed: 13, numRuns: 30 })(
    "PeersLearnedWithin's run: from one full cell that does not fit, the model violates it exactly at tick propagationDelayTicks + 1",
    ({ config }) => {
      const peers = fleetSpec.invariants.filter((i) => i.name === "PeersLearnedWithin");
      const r = runTrace(fleetSpec, config, ticks(config.membership.propagationDelayTicks + 1), peers);
      expect(r.violation?.step).toBe(config.membership.propagationDelayTicks + 1);
    },
  );

  test.prop({ config: brokenCells }, { seed: 13, numRuns: 30 })(
    "ShardMovesAppliedWithin's run: a shard move, then the model violates it exactly at tick propagationDelayTicks + 1",
    ({ config }) => {
      const moves = fleetSpec.invariants.filter((i) => i.name === "ShardMovesAppliedWithin");
      const ops: ReadonlyArray<Op> = [
        { type: "shardMoved", shard: 0 },
        ...ticks(config.membership.propagationDelayTicks + 1),
      ];
      const r = runTrace(fleetSpec, config, ops, moves);
      expect(r.violation?.step).toBe(ops.length);
    },
  );
});
