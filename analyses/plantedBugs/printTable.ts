// Prints the planted-bug table of docs/trust.md (`npm run planted-bugs`): for each planted bug, the
// invariant that caught it, the random runs the default search needed, and the shrunk trace. Deterministic.

import { DEFAULT_RUNS, DEFAULT_SEED } from "../../checker/defaults.ts";
import { searchInvariant } from "../../checker/search.ts";
import { invariantNamed } from "../../properties/index.ts";
import { fleetSpec } from "../../specs/fleet.ts";
import { PLANTED_BUGS, type PlantedBug } from "./index.ts";
import { configWith, specWith } from "./plantedBug.ts";

const row = (bug: PlantedBug): string => {
  const config = configWith(bug.remediations);
  const inv = invariantNamed(bug.expectedInvariant);
  if (inv === undefined) throw new Error(`unknown invariant ${bug.expectedInvariant}`);
  const r = searchInvariant(specWith(bug.step), config, inv, {
    seed: DEFAULT_SEED,
    runs: DEFAULT_RUNS,
    maxSteps: fleetSpec.defaultMaxSteps,
  });
  const caught =
    r.status === "violated"
      ? `${r.runs} | ${r.found.ops.length} (${r.found.ops.map((o) => o.type).join(", ")})`
      : `**escapes** (${r.runs} runs) | –`;
  const remediations = bug.remediations === "all" ? "all" : bug.remediations.join("+") || "none (as-was)";
  return `| \`${bug.name}\` | ${bug.description} | ${remediations} | ${bug.expectedInvariant} | ${caught} |`;
};

const header = [
  "| Planted bug | The mistake | Remediations on | Invariant that caught it | Runs needed | Steps after shrinking |",
  "|---|---|---|---|---|---|",
];
process.stdout.write(`${[...header, ...PLANTED_BUGS.map(row)].join("\n")}\n`);
