// MP10 (domain.md §(d); R6/R7): with the fleet in c cells and the load spread evenly, a failure confined to one
// cell keeps the fleet's goodput at or above (1 − 1/c) of its baseline: the other cells deliver their share as
// before. A property over generated traces whose failures (crashes, restarts: the cell's capacity down to 0, as
// useless maps take it) all lie in one cell. In this model a cell of `cellSize` never crosses the thread limit
// itself (R7 sizes cells inside it), so the failure is injected as crashes and restarts rather than K7/K8.
// With a hot cell (more than 1/c of the load) the bound fails when that cell is the one that fails.
import { fc, test as propTest } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { withRemediations } from "./config.ts";
import { asWasSystem } from "./configs/asWasDependents.ts";
import type { SystemConfig } from "./dependents/config.ts";
import { goodput, loadedCells } from "./load.ts";
import { initialSystemState, type SystemOp, type SystemState, systemStep } from "./system.ts";

const cellular = (firstCellLoadPercent: number): SystemConfig => ({
  ...asWasSystem,
  ...withRemediations(asWasSystem, ["cellularization"]),
  dependents: { ...asWasSystem.dependents, load: { ...asWasSystem.dependents.load, firstCellLoadPercent } },
});

/** A failure step inside one cell: the frontend at `member` (modulo the cell's members) crashes or restarts. */
type CellStep = { readonly kind: "crash" | "restart" | "tick"; readonly member: number };

const cellStepArb: fc.Arbitrary<CellStep> = fc.record({
  kind: fc.constantFrom("crash" as const, "restart" as const, "tick" as const),
  member: fc.nat({ max: 15 }),
});

/** The states of a trace of `steps` confined to cell `cell` (steps the model refuses are skipped). */
const statesOf = (
  config: SystemConfig,
  cell: number,
  steps: ReadonlyArray<CellStep>,
): ReadonlyArray<SystemState> => {
  const states: SystemState[] = [initialSystemState(config)];
  for (const st of steps) {
    const s = states[states.length - 1] as SystemState;
    const members = s.core.frontends.flatMap((f, i) => (f.cell === cell ? [i] : []));
    const frontend = members[st.member % Math.max(1, members.length)] ?? 0;
    const op: SystemOp =
      st.kind === "tick"
        ? { type: "tick" }
        : { type: st.kind === "crash" ? "frontendCrashed" : "frontendRestarted", frontend };
    const r = systemStep(config, s, op);
    if (E.isRight(r)) states.push(r.right);
  }
  return states;
};

describe("MP10: a failure in one of c cells keeps goodput ≥ (1 − 1/c) of baseline", () => {
  const balanced = cellular(50);
  const c = loadedCells(balanced);
  const baseline = goodput(balanced, initialSystemState(balanced).core);

  test("the as-was fleet in cells of 4 has two cells, delivering the whole offered load at rest", () => {
    expect(c).toBe(2);
    expect(baseline).toBe(balanced.dependents.load.offeredRequestsPerTick);
  });

  propTest.prop({ cell: fc.nat({ max: 1 }), steps: fc.array(cellStepArb, { maxLength: 40 }) })(
    "with the load spread evenly, every state of a trace failing one cell keeps the bound",
    ({ cell, steps }) => {
      for (const s of statesOf(balanced, cell, steps))
        expect(goodput(balanced, s.core)).toBeGreaterThanOrEqual((1 - 1 / c) * baseline - 1e-9);
    },
  );

  test("with a hot cell (as-was's share, above 1/c) failing, the bound fails: its failure takes more than 1/c of the streams", () => {
    const hot = cellular(asWasSystem.dependents.load.firstCellLoadPercent);
    expect(hot.dependents.load.firstCellLoadPercent).toBeGreaterThan(100 / c);
    const states = statesOf(
      hot,
      0,
      [0, 1, 2, 3].map((member) => ({ kind: "crash", member })),
    );
    const last = states[states.length - 1] as SystemState;
    expect(goodput(hot, last.core)).toBeLessThan((1 - 1 / c) * baseline);
  });
});
