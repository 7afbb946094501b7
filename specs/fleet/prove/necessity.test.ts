// ---------------------------------------------------------------------------------------------------------
// The witness runs behind "necessary" (witnessRuns.ts) are runs of the model: replayed through `step` on drawn
// configs breaking R7's side condition, each violates its invariant exactly where the proof says. Z3's own
// necessity answers are tested in necessity.slow.test.ts (`npm run test:slow`).
// ---------------------------------------------------------------------------------------------------------
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { runTrace } from "../../../checker/trace.ts";
import { withRemediations } from "../../../model/config.ts";
import { small } from "../../../model/configs/small.ts";
import type { Op } from "../../../model/ops.ts";
import { maxPeerThreads } from "../../../model/threadFormula.ts";
import { fleetSpec } from "../../fleet.ts";

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
