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

  test("a stopped frontend with no work and no threads is well formed", () => {
    expect(messageOf(withFirst({ status: "stopped", connectedPeers: 0, bootstrapLeft: 0 }))).toBeUndefined();
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
