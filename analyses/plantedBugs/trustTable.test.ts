// The unified planted-bug table of docs/trust.md is whole and current: every planted bug has its row, with its
// description as the registry words it. The measured cells are compared where they are measured anyway
// (plantedBugs.test.ts for the random search's runs and traces, aboveSmall.test.ts for the configs drawn), so
// checking the table costs no search of its own.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ABOVE_SMALL_BUGS } from "./aboveSmall.ts";
import { BEYOND_SMALL_BUGS, PLANTED_BUGS } from "./index.ts";
import { largerServersRoundedDown } from "./largerServersRoundedDown.ts";
import { caughtByName, type Row, rowsIn, TABLE_BEGIN, TABLE_END, withTable } from "./trustTable.ts";

const doc = readFileSync("docs/trust.md", "utf8");
const rows = rowsIn(doc);
const ALL = [...PLANTED_BUGS, ...ABOVE_SMALL_BUGS, largerServersRoundedDown];

describe("the planted-bug table in docs/trust.md", () => {
  test("has one row per planted bug, at least 20, each with the registry's description", () => {
    expect([...rows.keys()].sort()).toEqual(ALL.map((b) => b.name).sort());
    expect(rows.size).toBeGreaterThanOrEqual(20);
    for (const bug of ALL) expect(rows.get(bug.name)?.description, bug.name).toBe(bug.description);
  });

  test("every bug is caught, and at least five show on no verdict of `small`, those meant to among them", () => {
    for (const [name, row] of rows) expect(row.caughtBy, name).not.toMatch(/escapes/);
    const notOnSmall = [...rows.values()].filter((r) => r.onSmall.startsWith("**no**"));
    expect(notOnSmall.length).toBeGreaterThanOrEqual(5);
    for (const bug of [...ABOVE_SMALL_BUGS, ...BEYOND_SMALL_BUGS])
      expect(rows.get(bug.name)?.onSmall, bug.name).toMatch(/^\*\*no\*\*/);
  });
});

describe("the table's format", () => {
  const row: Row = {
    name: "someBug",
    description: "does `a < b` wrong",
    runsOn: "as-was, remediations: none",
    caughtBy: "WellFormed (ThreadsMatchConnections)",
    within: "4 runs",
    trace: "1 (tick)",
    onSmall: "yes",
  };

  test("a written table reads back as the rows written", () => {
    const written = withTable(`before\n${TABLE_BEGIN}\nold\n${TABLE_END}\nafter\n`, [row]);
    expect([...rowsIn(written).values()]).toEqual([row]);
    expect(written).toMatch(/^before\n/);
    expect(written).toMatch(/\nafter\n$/);
  });

  test("names WellFormed's conjunct when the message starts with one, else only the invariant", () => {
    expect(caughtByName("WellFormed", "LastRequestCounted: the request …")).toBe(
      "WellFormed (LastRequestCounted)",
    );
    expect(caughtByName("WellFormed", "frontend-0 belongs to no cell")).toBe("WellFormed");
  });
});
