// ---------------------------------------------------------------------------------------------------------
// bench: swarm testing, measured and not kept (`npm run bench:swarm`; docs/performance.md, "Techniques").
// Issue 6 lists swarm testing (each run draws a random subset of operation kinds, so some runs omit, say,
// requests and ticks and reach deep membership states faster) among the techniques to weigh, "measure each
// before keeping it". This compares the checker's own generator (specs/fleet/arbitraries.ts `opsArb`) with a swarm
// version of it over seeds 1..N: for each headline invariant, how many runs until the first violation and how
// long the shrunk counterexample is (fast-check's shrinking, then `minimize`, as `npx outage check` does).
// Deterministic: the same seeds give the same table.
// ---------------------------------------------------------------------------------------------------------

import fc from "fast-check";
import * as O from "fp-ts/lib/Option.js";
import { DEFAULT_RUNS } from "../checker/defaults.ts";
import { searchRuns } from "../checker/propertySearch.ts";
import { minimize } from "../checker/search.ts";
import type { Config } from "../model/config.ts";
import { asWas, small } from "../model/configs/index.ts";
import { OP_TYPES, type Op } from "../model/ops.ts";
import { initialState } from "../model/state.ts";
import { step } from "../model/step.ts";
import type { Invariant } from "../properties/index.ts";
import { opArb, opsArb } from "../specs/fleet/arbitraries.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { HEADLINE } from "./sections.ts";
import { median } from "./stats.ts";

/** Swarm: draw a non-empty subset of the operation kinds, then a run of the checker's weighted ops of those kinds. */
export const swarmOpsArb = (config: Config, maxSteps: number): fc.Arbitrary<ReadonlyArray<Op>> =>
  fc.subarray([...OP_TYPES], { minLength: 1 }).chain((kinds) =>
    fc.array(
      opArb(config).filter((op) => kinds.includes(op.type)),
      { maxLength: maxSteps, size: "max" },
    ),
  );

interface Outcome {
  readonly found: number;
  readonly runsToFind: ReadonlyArray<number>;
  readonly shrunk: ReadonlyArray<number>;
}

const measure = (
  config: Config,
  inv: Invariant,
  ops: fc.Arbitrary<ReadonlyArray<Op>>,
  seeds: number,
): Outcome => {
  const runsToFind: number[] = [];
  const shrunk: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const r = searchRuns(
      {
        ops,
        initial: initialState(config),
        step: (s, op) => step(config, s, op),
        holds: (s) => O.isNone(inv.check(config, s)),
        closeness: (s) => inv.closeness(config, s),
      },
      { seed, runs: DEFAULT_RUNS },
    );
    if (r.failing === undefined) continue;
    runsToFind.push(r.runs);
    shrunk.push(minimize(fleetSpec, config, inv, r.failing.ops).length);
  }
  return { found: runsToFind.length, runsToFind, shrunk };
};

const seeds = Number(process.argv[2] ?? 20);
if (!Number.isInteger(seeds) || seeds < 1) {
  process.stderr.write(
    `bench:swarm: the number of seeds must be a positive integer, got ${process.argv[2]}\n`,
  );
  process.exit(2);
}
const row = (cells: ReadonlyArray<string | number>): string =>
  `| ${cells.map((c) => (typeof c === "number" ? String(c) : c)).join(" | ")} |`;
const lines = [
  `Swarm testing against the checker's generator: seeds 1..${seeds}, ${DEFAULT_RUNS} runs, ≤ ${fleetSpec.defaultMaxSteps} steps`,
  "",
  row([
    "config",
    "invariant",
    "generator",
    "found",
    "runs to find: median (max)",
    "shrunk length: median (min–max)",
  ]),
  row(["---", "---", "---", "---:", "---:", "---:"]),
];
for (const config of [asWas, small])
  for (const inv of HEADLINE)
    for (const [label, ops] of [
      ["checker", opsArb(config, fleetSpec.defaultMaxSteps)],
      ["swarm", swarmOpsArb(config, fleetSpec.defaultMaxSteps)],
    ] as const) {
      process.stderr.write(`bench:swarm: ${config.name} ${inv.name} ${label} …\n`);
      const o = measure(config, inv, ops, seeds);
      lines.push(
        row([
          config.name,
          inv.name,
          label,
          `${o.found}/${seeds}`,
          o.found === 0 ? "-" : `${median(o.runsToFind)} (${Math.max(...o.runsToFind)})`,
          o.found === 0 ? "-" : `${median(o.shrunk)} (${Math.min(...o.shrunk)}–${Math.max(...o.shrunk)})`,
        ]),
      );
    }
process.stdout.write(`${lines.join("\n")}\n`);
