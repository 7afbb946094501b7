// Tests aimed at mutants that survived `npm run mutation:core` (docs/trust.md lists them): each violation
// names its invariant, single negative counts are caught, and a stopped frontend's stale entries do not
// count as a near miss of RoutesToCurrentOwner.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { capacityAdded } from "../model/fleet.ts";
import { initialState, maxPeerThreads, type State } from "../model/state.ts";
import { applied } from "../test/trace.ts";
import { INVARIANTS } from "./index.ts";
import { routesToCurrentOwner } from "./routesToCurrentOwner.ts";
import { wellFormed } from "./wellFormed.ts";

const broken: State = applied(asWas, [
  { type: "capacityAdded", count: 1 },
  { type: "peerLearned", frontend: 0 },
  { type: "shardMoved", shard: 0 },
  { type: "requestRouted", frontend: 1, shard: 0 },
]);

describe("mutation survivors", () => {
  test("every violation carries the name of the invariant that found it", () => {
    const late: State = {
      ...broken,
      frontends: broken.frontends.map((f) => ({ ...f, behindSince: broken.tick - 13 })),
      sinceMoved: broken.sinceMoved.map(() => 13),
    };
    for (const inv of INVARIANTS.filter((i) => i !== wellFormed))
      expect(O.toUndefined(inv.check(asWas, late))?.invariant).toBe(inv.name);
  });

  test("one negative count is enough to break WellFormed", () => {
    const s = initialState(asWas);
    const f0 = (patch: object): State => ({
      ...s,
      frontends: s.frontends.map((f, i) => (i === 0 ? { ...f, ...patch } : f)),
    });
    expect(O.isSome(wellFormed.check(asWas, f0({ connectedPeers: -1 })))).toBe(true);
    for (const requests of [
      { succeeded: 0, failed: -1, misrouted: -1 },
      { succeeded: 0, failed: 1, misrouted: -1 },
      { succeeded: -1, failed: 0, misrouted: 0 },
    ])
      expect(O.isSome(wellFormed.check(asWas, { ...s, requests }))).toBe(true);
  });

  test("a stopped frontend's entries are not counted by RoutesToCurrentOwner's near miss", () => {
    const s = applied(asWas, [{ type: "shardMoved", shard: 0 }]);
    const stopped: State = {
      ...s,
      frontends: s.frontends.map((f, i) => (i === 0 ? { ...f, status: "stopped", staleShards: 0 } : f)),
    };
    expect(routesToCurrentOwner.closeness(asWas, stopped)).toBe(0.25);
  });

  test("maxPeerThreads divides the spare threads by the threads per peer", () => {
    expect(
      maxPeerThreads({ ...asWas, threads: { threadLimit: 11, baseThreads: 4, threadsPerPeer: 2 } }),
    ).toBe(3);
  });

  test("the preflight guard's refusal names the remediation", () => {
    const guarded = withRemediations(asWas, ["preflightGuard"]);
    const r = capacityAdded(guarded, initialState(guarded), { count: 1 });
    expect(r).toMatchObject({ left: { _tag: "Prevented", remediation: "preflightGuard" } });
  });
});
