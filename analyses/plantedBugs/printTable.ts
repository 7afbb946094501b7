// Measures the unified planted-bug table of docs/trust.md (`npm run planted-bugs`; `-- --write` puts it in the
// doc between its markers, through a temp file and a rename). For each planted bug: the invariant (or WellFormed
// conjunct, or proof) that caught it and within how many runs or drawn configs, the shrunk trace, and whether
// exhaustive search of `small` under the seven remediation sets of properties/expectations.ts shows it at all.
// Deterministic (fixed seeds). Takes a minute or two: the `small` column is 7 breadth-first searches per bug.
import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../../checker/corpus.ts";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../../checker/defaults.ts";
import { searchInvariant } from "../../checker/search.ts";
import { type Config, withAllRemediations, withRemediations } from "../../model/config.ts";
import { small } from "../../model/configs/small.ts";
import { oneLine } from "../../model/oneLine.ts";
import { EXPECTATIONS } from "../../properties/expectations.ts";
import { invariantNamed } from "../../properties/index.ts";
import { encodingAgrees } from "../../specs/fleet/prove/agreement.ts";
import { agreementConfigArb } from "../../specs/fleet/prove/agreementArbitraries.ts";
import { fleetSpec } from "../../specs/fleet.ts";
import { z3Context } from "../../specs/prove/z3.ts";
import { catchBySearchOverConfigs } from "../configSearch/catchBug.ts";
import { verdictsOf } from "../configSearch/configSearch.ts";
import { ABOVE_SMALL_BUGS } from "./aboveSmall.ts";
import { PLANTED_BUGS, type PlantedBug } from "./index.ts";
import { largerServersRoundedDown } from "./largerServersRoundedDown.ts";
import { configWith, specWith } from "./plantedBug.ts";
import { caughtByName, formatRow, type Row, TABLE_HEADER, traceCell, withTable } from "./trustTable.ts";

const DOC = "docs/trust.md";

/** `small` under each remediation set the expectations table lists, and the real model's verdicts there. */
const smallConfigs: ReadonlyArray<Config> = EXPECTATIONS.map((e) =>
  e.remediations === "all" ? withAllRemediations(small) : withRemediations(small, e.remediations),
);
const verdictKey = (config: Config, bug?: PlantedBug): string =>
  verdictsOf(config, bug === undefined ? fleetSpec : specWith(bug.step))
    .map((v) => `${v.invariant} ${v.status}`)
    .join(", ");
const realOnSmall = smallConfigs.map((c) => verdictKey(c));

/** "yes" when some remediation set of `small` gives a verdict the real model does not. */
const onSmall = (bug: PlantedBug): string =>
  smallConfigs.some((c, i) => verdictKey(c, bug) !== realOnSmall[i])
    ? "yes"
    : "**no**: every verdict on `small` is the real model's";

const remediationsOf = (bug: PlantedBug): string =>
  bug.remediations === "all" ? "all" : bug.remediations.join("+") || "none";

/** A bug of PLANTED_BUGS: the default random search on as-was with its remediations. */
const searchedRow = (bug: PlantedBug): Row => {
  const inv = invariantNamed(bug.expectedInvariant);
  if (inv === undefined) throw new Error(`unknown invariant ${bug.expectedInvariant}`);
  const r = searchInvariant(specWith(bug.step), configWith(bug.remediations), inv, {
    seed: DEFAULT_SEED,
    runs: DEFAULT_RUNS,
    maxSteps: fleetSpec.defaultMaxSteps,
  });
  const caught = r.status === "violated";
  return {
    name: bug.name,
    description: bug.description,
    runsOn: `as-was, remediations: ${remediationsOf(bug)}`,
    caughtBy: caught ? caughtByName(bug.expectedInvariant, r.found.message) : "**escapes**",
    within: `${r.runs} runs`,
    trace: caught ? traceCell(r.found.ops) : "–",
    onSmall: onSmall(bug),
  };
};

/** A bug of ABOVE_SMALL_BUGS: the search over configs (seed 18, as aboveSmall.test.ts). */
const configSearchRow = (bug: PlantedBug): Row => {
  const c = catchBySearchOverConfigs(specWith(bug.step), 18, 200);
  const first = c.caught ? c.mismatches[0] : undefined;
  return {
    name: bug.name,
    description: bug.description,
    runsOn: "drawn configs (search over configs, seed 18)",
    caughtBy:
      first === undefined
        ? "**escapes**"
        : `${caughtByName(first.invariant, first.found.message)} ${first.found.status} (expected ${first.expected})`,
    within: `${c.configs} configs`,
    trace:
      first === undefined || first.found.trace.length === 0
        ? "–"
        : traceCell(first.found.trace.map((label) => ({ type: label.split(" ")[0] ?? label }))),
    onSmall: onSmall(bug),
  };
};

/** largerServersRoundedDown: no invariant catches it; prove's encoding agreement does (encodingAgreement.test.ts). */
const agreementRow = async (bug: PlantedBug): Promise<Row> => {
  const z = await z3Context();
  const r = await encodingAgrees(z, bug.step, {
    seed: 13,
    runs: 100,
    maxSteps: 25,
    refusals: false,
    configs: agreementConfigArb.map((c) =>
      bug.remediations === "all" ? c : withRemediations(c, bug.remediations),
    ),
  });
  return {
    name: bug.name,
    description: bug.description,
    runsOn: `drawn configs with ${remediationsOf(bug)} (encoding agreement, seed 13)`,
    caughtBy: r.agrees ? "**escapes**" : "prove's encoding agreement (no invariant)",
    within: `${r.runs} runs`,
    trace: "–",
    onSmall: onSmall(bug),
  };
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const unknown = args.find((a) => a !== "--write");
  if (unknown !== undefined) {
    process.stderr.write(`planted-bugs: unknown argument ${oneLine(unknown)} (only --write)\n`);
    process.exit(2);
  }
  const rows = [
    ...PLANTED_BUGS.map(searchedRow),
    ...ABOVE_SMALL_BUGS.map(configSearchRow),
    await agreementRow(largerServersRoundedDown),
  ];
  if (args.includes("--write")) {
    writeFileAtomic(DOC, withTable(readFileSync(DOC, "utf8"), rows));
    process.stdout.write(`wrote ${rows.length} rows to ${DOC}\n`);
  } else process.stdout.write(`${[...TABLE_HEADER, ...rows.map(formatRow)].join("\n")}\n`);
  process.exit(0);
};

await main();
