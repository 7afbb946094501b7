// Prints the above-small planted bugs' table for docs/trust.md: `npx tsx analyses/plantedBugs/printAboveSmall.ts`.
// For each bug, the first config (seed 18, as the test) on which the search over configs contradicts a rule,
// how many configs it took, and the contradiction; and the same count for seeds 1–4, to show the spread.
import { catchBySearchOverConfigs } from "../configSearch/catchBug.ts";
import { ABOVE_SMALL_BUGS } from "./aboveSmall.ts";
import { specWith } from "./plantedBug.ts";

const MAX_CONFIGS = 200;

for (const bug of ABOVE_SMALL_BUGS) {
  const spec = specWith(bug.step);
  const c = catchBySearchOverConfigs(spec, 18, MAX_CONFIGS);
  const spread = [1, 2, 3, 4].map((seed) => {
    const o = catchBySearchOverConfigs(spec, seed, MAX_CONFIGS);
    return o.caught ? String(o.configs) : `>${MAX_CONFIGS}`;
  });
  const how = c.caught
    ? `\`${c.config.name}\` | ${c.mismatches.map((m) => `${m.invariant} ${m.found.status} (expected ${m.expected})`).join("; ")} | ${c.configs} (seeds 1–4: ${spread.join(", ")})`
    : `— | escaped | >${MAX_CONFIGS}`;
  process.stdout.write(`| \`${bug.name}\` | ${bug.description} | ${how} |\n`);
}
