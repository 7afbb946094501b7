// The matrix engine on a toy spec, a counter with a cap that options lower or raise: every number below can be
// worked out by hand. The fleet's and the system's matrices are tested beside their subjects
// (specs/fleet/matrix.test.ts, specs/system/matrix.test.ts).
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import {
  buildMatrix,
  exploredSets,
  type Matrix,
  type MatrixSubject,
  matrixRows,
  provedCells,
  raiseProvedCells,
} from "./matrix.ts";
import { renderMatrix } from "./matrixMarkdown.ts";
import type { Spec } from "./spec.ts";
import type { SpecInvariant } from "./specInvariant.ts";

// ---------------------------------------------------------------------------------------------------------
// the toy: `up` counts to the cap; `low` caps it at 2, `lower` at 1, `loose` raises the cap by 3 (so it breaks
// what `low` and `lower` fix), and `inert` is read by nothing (nor are the `idle` ones, kept for a wide subject).
// ---------------------------------------------------------------------------------------------------------

type Opt = "low" | "lower" | "loose" | "inert" | "idle1" | "idle2" | "idle3";
const OPTIONS: ReadonlyArray<Opt> = ["low", "lower", "loose", "inert"];
interface Toy {
  readonly name: string;
  readonly base: number;
  readonly on: ReadonlyArray<Opt>;
}
type ToyOp = "up" | "reset";

const capOf = (c: Toy): number =>
  Math.min(c.base, c.on.includes("low") ? 2 : c.base, c.on.includes("lower") ? 1 : c.base) +
  (c.on.includes("loose") ? 3 : 0);

const invariant = (name: string, holds: (n: number) => boolean): SpecInvariant<Toy, number> => ({
  name,
  sentence: name,
  source: "the toy",
  check: (_c, n) => (holds(n) ? O.none : O.some({ message: `${name} broken at ${n}` })),
  closeness: () => 0,
  closenessMeaning: "nothing",
});
const atMostTwo = invariant("AtMostTwo", (n) => n <= 2);
const notNegative = invariant("NotNegative", (n) => n >= 0);
const staysZero = invariant("StaysZero", (n) => n === 0);

/** Counts the exhaustive searches (each asks for a key function once). */
let searches = 0;

const toySpec: Spec<Toy, number, ToyOp> = {
  id: "toy",
  title: "a counter",
  corpusFolder: "toy",
  configs: { builtin: {}, decode: () => E.left("no files"), nameOf: (c) => c.name },
  init: () => 0,
  step: (c, n, op) =>
    op === "reset" ? E.right(0) : n < capOf(c) ? E.right(n + 1) : E.left({ reason: "at the cap" }),
  opsArb: (_c, maxSteps) => fc.array(fc.constantFrom<ToyOp>("up", "reset"), { maxLength: maxSteps }),
  defaultMaxSteps: 10,
  decodeOp: (path) => E.left(`${path}: not decoded`),
  invariants: [atMostTwo, notNegative, staysZero],
  narration: { label: (_c, _s, op) => op, changes: () => [] },
  exploration: {
    candidates: () => () => ["up", "reset"],
    key: () => {
      searches += 1;
      return (n) => String(n);
    },
  },
};

const subject = (
  over: Partial<MatrixSubject<Toy, number, ToyOp, Opt, SpecInvariant<Toy, number>>> = {},
): MatrixSubject<Toy, number, ToyOp, Opt, SpecInvariant<Toy, number>> => ({
  spec: toySpec,
  invariants: toySpec.invariants,
  options: OPTIONS,
  withOptions: (c, on) => ({ ...c, on: [...c.on, ...on] }),
  randomConfig: { name: "big", base: 9, on: [] },
  exhaustiveConfig: { name: "tiny", base: 4, on: [] },
  project: (inv, set) => (inv === atMostTwo ? OPTIONS.filter((o) => o !== "inert" && set.includes(o)) : []),
  settings: { bfs: { maxDepth: 100, maxStates: 1000 }, random: { seed: 1, runs: 50, maxSteps: 10 } },
  noneLabel: "none (as it was)",
  heldCellsCiteRandom: false,
  prose: () => ({
    preamble: ["# Toy matrix"],
    optionsColumn: "Options",
    headings: { matrix: "## Matrix", minimal: "## Minimal", interactions: "## Interactions" },
    minimal: ["Minimal sets:"],
    noMinimalSet: "none",
    interactions: ["Interactions:"],
    noInteraction: "None.",
  }),
  ...over,
});

const cell = (m: Matrix<Opt>, label: string, inv: string) =>
  m.rows.find((r) => r.label === label)?.cells[inv];

const minimalOf = (m: Matrix<Opt>, inv: string) => m.minimal.find((x) => x.invariant === inv)?.sets;

// ---------------------------------------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------------------------------------

describe("the option sets", () => {
  it("the rows are none, each option alone, all, and all but one, in declaration order", () => {
    expect(matrixRows(["a", "b", "c"], "none")).toEqual([
      { label: "none", set: [] },
      { label: "a", set: ["a"] },
      { label: "b", set: ["b"] },
      { label: "c", set: ["c"] },
      { label: "all", set: ["a", "b", "c"] },
      { label: "all but a", set: ["b", "c"] },
      { label: "all but b", set: ["a", "c"] },
      { label: "all but c", set: ["a", "b"] },
    ]);
  });

  it("every subset is explored up to six options, smallest first; beyond, every set of at most two", () => {
    const three = exploredSets(["a", "b", "c"]);
    expect(three).toEqual([[], ["a"], ["b"], ["c"], ["a", "b"], ["a", "c"], ["b", "c"], ["a", "b", "c"]]);
    expect(exploredSets(["a", "b", "c", "d", "e", "f"])).toHaveLength(64);
    const seven = exploredSets(["a", "b", "c", "d", "e", "f", "g"]);
    expect(seven).toHaveLength(1 + 7 + 21);
    // Closed under removing one: the minimal sets and interactions need the set without each of its members.
    for (const set of seven)
      for (const o of set)
        expect(seven.some((s) => s.join() === set.filter((x) => x !== o).join())).toBe(true);
  });
});

describe("the matrix of the toy", () => {
  const asked: Array<string> = [];
  searches = 0;
  const plain = buildMatrix(subject());
  const m = raiseProvedCells(plain, (set, inv) => {
    asked.push(`${inv}:${set.join("+")}`);
    return inv === atMostTwo.name ? "itself" : inv === notNegative.name ? "via Stronger" : undefined;
  });
  const searchesRun = searches;

  it("minimal sets and interactions come from exhaustive search of every set of the options each invariant reads", () => {
    expect(minimalOf(m, "AtMostTwo")).toEqual([["low"], ["lower"]]);
    expect(minimalOf(m, "NotNegative")).toEqual([[]]);
    expect(minimalOf(m, "StaysZero")).toEqual([]);
    expect(m.interactions).toEqual([
      { invariant: "AtMostTwo", set: ["low"], added: "loose" },
      { invariant: "AtMostTwo", set: ["lower"], added: "loose" },
      { invariant: "AtMostTwo", set: ["low", "lower"], added: "loose" },
    ]);
    expect(m.reads).toEqual([
      { invariant: "AtMostTwo", options: ["low", "lower", "loose"], everySet: true },
      { invariant: "NotNegative", options: [], everySet: true },
      { invariant: "StaysZero", options: [], everySet: true },
    ]);
  });

  it("each search runs once per projection, the invariants sharing one explored together", () => {
    // The 8 subsets of {low, lower, loose}; the other two invariants read nothing and share the empty set's search.
    expect(searchesRun).toBe(8);
    expect(m.exhaustive).toEqual({ verdicts: 8 + 2, bounded: 0 });
  });

  it("an option an invariant does not read leaves its cells as they are", () => {
    for (const inv of toySpec.invariants)
      expect(cell(m, "all but inert", inv.name)).toEqual(cell(m, "all", inv.name));
    expect(cell(m, "inert", "AtMostTwo")).toEqual(cell(m, "none (as it was)", "AtMostTwo"));
  });

  it("a cell says how each checker decided it", () => {
    expect(cell(m, "none (as it was)", "AtMostTwo")).toEqual({
      level: "violated",
      detail: "shortest on tiny: 3 steps; random on big: 3 steps",
    });
    expect(cell(m, "low", "AtMostTwo")).toEqual({
      level: "proved for all parameters",
      detail: "itself; proved on tiny: 3 states, diameter 2",
    });
    expect(cell(m, "lower", "NotNegative")).toEqual({
      level: "proved for all parameters",
      detail: "via Stronger; proved on tiny: 5 states, diameter 4",
    });
    expect(cell(m, "all", "StaysZero")).toEqual({
      level: "violated",
      detail: "shortest on tiny: 1 step; random on big: 1 step",
    });
  });

  it("the proof for all parameters is asked only of proved cells, with the row's set", () => {
    expect([...new Set(asked)].sort()).toEqual(
      provedCells(plain)
        .map((c) => `${c.invariant}:${c.set.join("+")}`)
        .sort(),
    );
    expect(asked).toContain("AtMostTwo:low");
    expect(asked).not.toContain("AtMostTwo:");
  });

  it("every cell proved (on the config or for all parameters) has a set containing a minimal set of its invariant", () => {
    for (const row of m.rows)
      for (const inv of toySpec.invariants) {
        const level = row.cells[inv.name]?.level;
        const covered = (minimalOf(m, inv.name) ?? []).some((s) => s.every((o) => row.set.includes(o)));
        if (level === "proved" || level === "proved for all parameters")
          expect(covered, `${inv.name} ${row.label}`).toBe(true);
      }
  });

  it("renders the prose, one table row per option set and the minimal sets", () => {
    const md = renderMatrix(subject(), m).split("\n");
    expect(md.slice(0, 5)).toEqual([
      "# Toy matrix",
      "",
      "## Matrix",
      "",
      "| Options | AtMostTwo | NotNegative | StaysZero |",
    ]);
    expect(md).toContain(
      "| low | proved for all parameters (itself; proved on tiny: 3 states, diameter 2) | proved for all parameters (via Stronger; proved on tiny: 5 states, diameter 4) | **violated** (shortest on tiny: 1 step; random on big: 1 step) |",
    );
    expect(md.filter((l) => l.startsWith("| all but "))).toHaveLength(OPTIONS.length);
    expect(md).toContain("| AtMostTwo | {low}, {lower} |");
    expect(md).toContain("| NotNegative | {} (none) |");
    expect(md).toContain("| StaysZero | none |");
    expect(md).toContain("| AtMostTwo | {low, lower} | loose |");
    expect(md.at(-1)).toBe("");
  });
});

describe("a subject whose invariant reads more than six options", () => {
  const wide: ReadonlyArray<Opt> = [...OPTIONS, "idle1", "idle2", "idle3"];
  const m = buildMatrix(
    subject({
      options: wide,
      project: (inv, set) => (inv === atMostTwo ? wide.filter((o) => set.includes(o)) : []),
    }),
  );

  it("explores only the sets of at most two of them, and says so", () => {
    expect(m.reads[0]).toEqual({ invariant: "AtMostTwo", options: wide, everySet: false });
    expect(minimalOf(m, "AtMostTwo")).toEqual([["low"], ["lower"]]);
    // {low, lower} + loose has three options: outside the explored sets, so not reported.
    expect(m.interactions).toEqual([
      { invariant: "AtMostTwo", set: ["low"], added: "loose" },
      { invariant: "AtMostTwo", set: ["lower"], added: "loose" },
    ]);
  });
});

describe("what raises a cell's evidence, and what does not", () => {
  it("a counterexample from random search makes the cell violated though exhaustive search proved it", () => {
    const m = buildMatrix(subject({ exhaustiveConfig: { name: "tiny", base: 2, on: [] } }));
    expect(cell(m, "none (as it was)", "AtMostTwo")).toEqual({
      level: "violated",
      detail: "random on big: 3 steps; proved on tiny",
    });
  });

  it("a search stopped at its bound stays bounded, whatever random search and the proof for all parameters say", () => {
    const asked: Array<string> = [];
    const m = raiseProvedCells(
      buildMatrix(
        subject({
          settings: { bfs: { maxDepth: 100, maxStates: 3 }, random: { seed: 1, runs: 50, maxSteps: 2 } },
          heldCellsCiteRandom: true,
        }),
      ),
      (set, inv) => {
        asked.push(`${inv}:${set.join("+")}`);
        return "itself";
      },
    );
    expect(cell(m, "none (as it was)", "AtMostTwo")).toEqual({
      level: "bounded",
      detail: "tiny, depth 2 (3 states); random on big: none found",
    });
    expect(cell(m, "loose", "AtMostTwo")?.level).toBe("bounded");
    expect(asked).not.toContain("AtMostTwo:");
    expect(asked).not.toContain("AtMostTwo:loose");
    // Not proved, so no minimal set: {low} and {lower} still are the only ones.
    expect(minimalOf(m, "AtMostTwo")).toEqual([["low"], ["lower"]]);
    expect(m.exhaustive.bounded).toBeGreaterThan(0);
  });

  it("a random search that finds nothing never lifts a violation found by exhaustive search", () => {
    const m = buildMatrix(
      subject({
        settings: { bfs: { maxDepth: 100, maxStates: 1000 }, random: { seed: 1, runs: 0, maxSteps: 0 } },
      }),
    );
    expect(cell(m, "none (as it was)", "AtMostTwo")).toEqual({
      level: "violated",
      detail: "shortest on tiny: 3 steps; random on big: none found",
    });
  });
});

describe("a vacuous proof", () => {
  it("never raises a cell above bounded, nor counts toward a minimal set", () => {
    // The count must reach 2 for a verdict to mean something; with `lower` on (cap 1) it never does.
    const reachesTwo = {
      name: "ReachesTwo",
      sentence: "the count reaches 2",
      reached: (_c: Toy, n: number) => n === 2,
    };
    const m = buildMatrix(
      subject({ spec: { ...toySpec, sometimes: [reachesTwo] }, invariants: [atMostTwo] }),
    );
    expect(cell(m, "lower", "AtMostTwo")).toEqual({
      level: "bounded",
      detail: "tiny: 2 states, vacuous (never reached: ReachesTwo)",
    });
    expect(cell(m, "low", "AtMostTwo")?.level).toBe("proved");
    expect(minimalOf(m, "AtMostTwo")).toEqual([["low"]]);
  });
});
