// CellLoadWithinCapacity (R7, K2, K11): the hot cell. With the fleet in cells of 4 and cell 0 taking 75 % of the
// load (as-was's illustrative share), one crashed frontend there overloads it; with the load spread evenly, or
// the crash in the cooler cell, the cell's three others still carry it.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { withRemediations } from "../../model/config.ts";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import { initialSystemState } from "../../model/system.ts";
import { appliedSystem } from "../../test/trace.ts";
import { cellLoadWithinCapacity } from "./cellLoadWithinCapacity.ts";

const cells = (firstCellLoadPercent: number): SystemConfig => ({
  ...asWasSystem,
  ...withRemediations(asWasSystem, ["cellularization"]),
  dependents: { ...asWasSystem.dependents, load: { ...asWasSystem.dependents.load, firstCellLoadPercent } },
});

const crashed = (config: SystemConfig, frontend: number) =>
  appliedSystem(config, [{ type: "frontendCrashed", frontend }]);

describe("CellLoadWithinCapacity (R7: a hot cell)", () => {
  test("holds at rest: each cell of 4 can serve 40 requests and the hot one is offered 33", () => {
    const config = cells(75);
    expect(O.isNone(cellLoadWithinCapacity.check(config, initialSystemState(config)))).toBe(true);
  });

  test("one frontend crashed in the hot cell overloads it (33 requests for 3 frontends of 10)", () => {
    const config = cells(75);
    const v = cellLoadWithinCapacity.check(config, crashed(config, 0));
    expect(O.toUndefined(v)?.message).toContain("cell 0 is offered 33 requests a tick but delivers 30");
  });

  test.each([
    ["the same crash with the load spread evenly", cells(50), 0],
    ["a crash in the cooler cell", cells(75), 4],
  ])("%s leaves every cell within capacity", (_name, config, frontend) => {
    expect(O.isNone(cellLoadWithinCapacity.check(config, crashed(config, frontend)))).toBe(true);
  });

  test("a cell opened by a later addition takes no streams, so its bootstrapping members overload nothing", () => {
    const config = cells(75);
    const s = appliedSystem(config, [{ type: "capacityAdded", count: 1 }]);
    expect(s.core.cellSizes).toHaveLength(3);
    expect(O.isNone(cellLoadWithinCapacity.check(config, s))).toBe(true);
  });
});
