// WellFormed names what is wrong (style habit 12): one hand-made broken state per clause, each with the
// message a reviewer reads. Written for issue 7, where mutation testing showed these clauses untested.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { withRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { type Frontend, initialState, type State } from "../model/state.ts";
import { wellFormed } from "./wellFormed.ts";

const start = initialState(asWas);
const withFirst = (patch: Partial<Frontend>): State => ({
  ...start,
  frontends: start.frontends.map((f, i) => (i === 0 ? { ...f, ...patch } : f)),
});
const messageOf = (state: State, config = asWas): string | undefined =>
  O.toUndefined(O.map((v: { message: string }) => v.message)(wellFormed.check(config, state)));

describe("WellFormed", () => {
  test("holds in the initial state of as-was and of every remediation", () => {
    expect(messageOf(start)).toBeUndefined();
    const cells = withRemediations(asWas, ["cellularization"]);
    expect(messageOf(initialState(cells), cells)).toBeUndefined();
  });

  test.each<[string, State, RegExp]>([
    [
      "a negative peer count",
      withFirst({ knownPeers: -1, connectedPeers: -1 }),
      /^frontend-0 has a negative peer count$/,
    ],
    [
      "threads for unknown peers",
      withFirst({ knownPeers: 6 }),
      /^frontend-0 holds threads for peers it does not know of$/,
    ],
    [
      "more threads than the OS allows",
      withFirst({ knownPeers: 8, connectedPeers: 8 }),
      /^frontend-0 holds 12 threads, more than the OS allows \(11\): thread creation past the limit must fail \(K7\)$/,
    ],
    [
      "a bootstrap with no work left",
      withFirst({ status: "bootstrapping", bootstrapLeft: 0 }),
      /^frontend-0 is bootstrapping with no work left$/,
    ],
    [
      "a serving frontend with bootstrap work",
      withFirst({ bootstrapLeft: 3 }),
      /^frontend-0 is serving with bootstrap work left$/,
    ],
    ["a frontend in no cell", withFirst({ cell: 1 }), /^frontend-0 belongs to no cell$/],
    ["a negative cell", withFirst({ cell: -1 }), /^frontend-0 belongs to no cell$/],
    [
      "cells that do not add up",
      { ...start, cellSizes: [9] },
      /^the cells count 9 members but the fleet has 8$/,
    ],
    [
      "inconsistent request counts",
      { ...start, requests: { succeeded: 0, failed: 0, misrouted: 1 } },
      /^the request counts are inconsistent$/,
    ],
    [
      "a negative request count",
      { ...start, requests: { succeeded: -1, failed: 0, misrouted: 0 } },
      /^the request counts are inconsistent$/,
    ],
  ])("names %s", (_what, state, message) => {
    expect(messageOf(state)).toMatch(message);
    expect(O.toUndefined(wellFormed.check(asWas, state))?.invariant).toBe("WellFormed");
  });

  test("one negative count is enough to break it: a connected-peer count, or any single request count", () => {
    expect(messageOf(withFirst({ connectedPeers: -1 }))).toBeDefined();
    for (const requests of [
      { succeeded: 0, failed: -1, misrouted: -1 },
      { succeeded: 0, failed: 1, misrouted: -1 },
      { succeeded: -1, failed: 0, misrouted: 0 },
    ])
      expect(messageOf({ ...start, requests })).toBeDefined();
  });

  test("a stopped frontend with no work, no threads and no map (as frontendCrashed leaves it) is well formed", () => {
    expect(
      messageOf(withFirst({ status: "stopped", connectedPeers: 0, bootstrapLeft: 0, map: "building" })),
    ).toBeUndefined();
  });

  test.each<[string, State, RegExp]>([
    [
      "a live frontend holding fewer peer threads than fit",
      withFirst({ connectedPeers: 6, map: "useless" }),
      /^ThreadsMatchConnections: frontend-0 \(serving\) holds threads for 6 peers, but knows of 7 and the OS allows threads for 7 \(K5, K7\)$/,
    ],
    [
      "a stopped frontend still holding threads",
      withFirst({ status: "stopped", map: "building" }),
      /^ThreadsMatchConnections: frontend-0 \(stopped\) holds threads for 7 peers, but knows of 7/,
    ],
    [
      "a complete map without a peer's threads",
      withFirst({ knownPeers: 8, connectedPeers: 7 }),
      /^CompleteMapHasEveryPeer: frontend-0 has a complete shard-map with threads for 7 of its 8 peers \(K4\(c\), K8\)$/,
    ],
    [
      "a routed request missing from the counts",
      { ...start, lastRequest: { frontend: 0, shard: 0, outcome: "succeeded" } },
      /^LastRequestCounted: the request frontend-0 just routed \(succeeded\) is not in the counts \(0 succeeded, 0 failed, 0 misrouted\)$/,
    ],
    [
      "a misroute counted only as a failure",
      {
        ...start,
        requests: { succeeded: 0, failed: 1, misrouted: 0 },
        lastRequest: { frontend: 0, shard: 0, outcome: "misrouted" },
      },
      /^LastRequestCounted: .*\(misrouted\)/,
    ],
    [
      "a plain failure counted only as a misroute",
      {
        ...start,
        requests: { succeeded: 0, failed: 1, misrouted: 1 },
        lastRequest: { frontend: 0, shard: 0, outcome: "failed" },
      },
      /^LastRequestCounted: .*\(failed\)/,
    ],
    [
      "a request routed through a frontend that is not serving",
      {
        ...withFirst({ status: "bootstrapping", map: "building", bootstrapLeft: 1 }),
        requests: { succeeded: 0, failed: 1, misrouted: 0 },
        lastRequest: { frontend: 0, shard: 0, outcome: "failed" },
      },
      /^RoutesOnlyThroughServing: frontend-0 routed a request but is not a serving member \(K8, K11\)$/,
    ],
  ])("names the consistency conjunct broken by %s", (_what, state, message) => {
    expect(messageOf(state)).toMatch(message);
  });

  test("under R8 a complete map may lack peer threads (it was read from the authoritative store)", () => {
    const r8 = withRemediations(asWas, ["bootstrapFromAuthoritative"]);
    const s = initialState(r8);
    const lacking: State = {
      ...s,
      frontends: s.frontends.map((f, i) => (i === 0 ? { ...f, knownPeers: 8, connectedPeers: 7 } : f)),
    };
    expect(messageOf(lacking, r8)).toBeUndefined();
    expect(messageOf(lacking, asWas)).toMatch(/^CompleteMapHasEveryPeer/);
  });

  test("a request routed and counted through a serving member is well formed, whatever its outcome", () => {
    for (const outcome of ["succeeded", "failed", "misrouted"] as const)
      expect(
        messageOf({
          ...start,
          requests: { succeeded: 1, failed: 2, misrouted: 1 },
          lastRequest: { frontend: 3, shard: 0, outcome },
        }),
      ).toBeUndefined();
  });

  test("names a cell over the cell size, only when cellularized", () => {
    const cells = withRemediations(asWas, ["cellularization"]);
    const s = initialState(cells);
    const big: State = {
      ...s,
      frontends: s.frontends.map((f) => ({ ...f, cell: 0, knownPeers: 0, connectedPeers: 0 })),
      cellSizes: [s.frontends.length, ...s.cellSizes.slice(1).map(() => 0)],
    };
    expect(messageOf(big, cells)).toBe(
      `a cell holds more than ${cells.remediationParameters.cellSize} members`,
    );
    expect(messageOf(big, asWas)).toBeUndefined();
  });
});
