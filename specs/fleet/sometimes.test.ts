import { describe, expect, test } from "vitest";
import { sometimesReached } from "../../checker/verify/sometimes.ts";
import { type Config, REMEDIATION_NAMES, withAllRemediations, withRemediations } from "../../model/config.ts";
import { asWas } from "../../model/configs/asWas.ts";
import { small } from "../../model/configs/small.ts";
import { fleetSpec } from "../fleet.ts";

/** verify's default bounds. */
const bounds = { maxDepth: 100, maxStates: 50_000 };

const runs: ReadonlyArray<readonly [string, Config]> = [
  ["small", small],
  ["as-was (bounded)", asWas],
  ["small+all", withAllRemediations(small)],
  ...REMEDIATION_NAMES.map((r) => [`small+${r}`, withRemediations(small, [r])] as const),
];

describe("the fleet's non-vacuity properties", () => {
  test.each(runs)("are all reached on %s within verify's default bounds", (_name, config) => {
    const r = sometimesReached(fleetSpec, config, bounds);
    expect(r.length).toBeGreaterThanOrEqual(9);
    expect(r.filter((p) => !p.reached).map((p) => p.name)).toEqual([]);
  });

  test("a cell filled to its size is expected only under cellularization", () => {
    const names = (c: Config) => sometimesReached(fleetSpec, c, bounds).map((p) => p.name);
    expect(names(small)).not.toContain("CellFilled");
    expect(names(withRemediations(small, ["cellularization"]))).toContain("CellFilled");
  });
});
