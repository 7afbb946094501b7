// Trace labels read like the post-mortem (style habit 15): `actor/event` with resolved names. Written for
// issue 7: mutation testing showed the labels were checked only through the CLI.
import { describe, expect, test } from "vitest";
import { asWas } from "./configs/asWas.ts";
import { opLabel } from "./opLabel.ts";
import type { Op } from "./ops.ts";
import { initialState } from "./state.ts";

const s = initialState(asWas);

describe("opLabel", () => {
  test.each<[Op, string]>([
    [{ type: "capacityAdded", count: 1 }, "operator/capacityAdded 1 server"],
    [{ type: "capacityAdded", count: 3 }, "operator/capacityAdded 3 servers"],
    [{ type: "frontendRemoved", frontend: 9 }, "operator/frontendRemoved frontend-1"],
    [{ type: "frontendRestarted", frontend: 2 }, "operator/frontendRestarted frontend-2"],
    [{ type: "frontendCrashed", frontend: 15 }, "frontend/frontendCrashed frontend-7"],
    [{ type: "peerLearned", frontend: 3 }, "frontend/peerLearned frontend-3"],
    [{ type: "shardMoved", shard: 5 }, "backend/shardMoved shard-1"],
    [{ type: "requestRouted", frontend: 10, shard: 6 }, "client/requestRouted shard-2 via frontend-2"],
    [{ type: "tick" }, "clock/tick to t=1"],
  ])("%j reads %s", (op, label) => {
    expect(opLabel(asWas, s, op)).toBe(label);
  });

  test("names no frontend in an empty fleet", () => {
    expect(opLabel(asWas, { ...s, frontends: [] }, { type: "peerLearned", frontend: 0 })).toBe(
      "frontend/peerLearned no frontend",
    );
  });
});
