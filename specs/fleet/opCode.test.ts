import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { OP_TYPES, type Op } from "../../model/ops.ts";
import { decodeOp, encodeOp } from "./opCode.ts";

describe("operation codes", () => {
  test.prop({
    op: fc.oneof(
      fc.record({ type: fc.constant("capacityAdded" as const), count: fc.integer({ min: 1, max: 4095 }) }),
      fc.record({
        type: fc.constantFrom(
          ...(["frontendRemoved", "frontendRestarted", "frontendCrashed", "peerLearned"] as const),
        ),
        frontend: fc.nat({ max: 4095 }),
      }),
      fc.record({ type: fc.constant("shardMoved" as const), shard: fc.nat({ max: 4095 }) }),
      fc.record({
        type: fc.constant("requestRouted" as const),
        frontend: fc.nat({ max: 4095 }),
        shard: fc.nat({ max: 4095 }),
      }),
      fc.constant({ type: "tick" as const }),
    ),
  })("an operation survives its integer encoding", ({ op }) => {
    expect(OP_TYPES).toHaveLength(8);
    expect(decodeOp(encodeOp(op as Op))).toEqual(op);
  });
});
