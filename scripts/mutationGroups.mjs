// Issue 18's two mutation scores, run a group of files at a time so that each finished group is kept
// (Stryker writes its reports and its incremental file only when a run ends, and the whole scope takes hours):
//
//   node scripts/mutationGroups.mjs checker [GROUP...]  # checker-level tests only (stryker.checker.config.json)
//   node scripts/mutationGroups.mjs after [GROUP...]    # every other test, over what `checker` left alive
//
// `npm run mutation:checker` and `npm run mutation:all-after-checker` run every group. Each group's run is
// incremental (reports/inc-<suite>-<group>.json): run again, it tests only the mutants whose code or covering
// tests changed, so a stopped session resumes where it stopped. Reports: reports/mutation-checker/<group>.json
// and reports/mutation-after/<group>.json; `npm run mutation:scores` joins them (scripts/mutationScores.mjs).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { matchesGlob } from "node:path";

/**
 * Every non-test file of model/ and properties/, in groups of a few files: a group is the unit a run keeps, so
 * groups are small enough to finish in well under an hour on 2 cores (the checker-level tests run whole
 * searches for each mutant).
 */
const GROUPS = {
  "fleet-model-1": [
    "model/clock.ts",
    "model/config.ts",
    "model/configDecoder.ts",
    "model/configFormat.ts",
    "model/configs/**/*.ts",
  ],
  "fleet-model-2": [
    "model/fleet.ts",
    "model/format.ts",
    "model/lag.ts",
    "model/load.ts",
    "model/membership.ts",
  ],
  "fleet-model-3": [
    "model/oneLine.ts",
    "model/opDecoder.ts",
    "model/opFormat.ts",
    "model/opLabel.ts",
    "model/ops.ts",
    "model/refusal.ts",
    "model/routing.ts",
    "model/shardMap.ts",
  ],
  "fleet-model-4": ["model/state.ts", "model/step.ts", "model/threadFormula.ts", "model/threads.ts"],
  "fleet-properties-1": ["properties/[a-m]*.ts"],
  "fleet-properties-2": ["properties/[n-z]*.ts"],
  "system-step": ["model/system.ts", "model/systemOp*.ts", "model/dependencyGraph.ts"],
  "system-dependents-model": ["model/dependents/**/*.ts"],
  "system-dependents-properties": ["properties/dependents/**/*.ts"],
  "model-scenarios": ["model/scenarios/**/*.ts"],
};

/** Each non-test file of model/ and properties/ with the groups whose patterns take it: one each, or a score leaves it out. */
function groupsOfEveryFile() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
    );
  return [...walk("model"), ...walk("properties")]
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => [f, Object.keys(GROUPS).filter((g) => GROUPS[g].some((pattern) => matchesGlob(f, pattern)))]);
}

const NO_TESTS = "!**/*.test.ts";

const SUITES = {
  checker: {
    config: "stryker.checker.config.json",
    report: "reports/mutation-checker/mutation.json",
    env: {},
  },
  after: {
    config: "stryker.config.json",
    report: "reports/mutation/mutation.json",
    env: { STRYKER_AFTER_CHECKER: "1" },
  },
};

function fail(message) {
  console.error(`mutationGroups: ${message}`);
  process.exit(2);
}

/** The checker-level survivors of `group`, as Stryker ranges (1-based lines, 0-based columns, ends included). */
function survivorRanges(group) {
  const path = `reports/mutation-checker/${group}.json`;
  if (!existsSync(path))
    fail(`${path} is missing: run \`node scripts/mutationGroups.mjs checker ${group}\` first`);
  const ranges = new Set();
  for (const [file, { mutants }] of Object.entries(JSON.parse(readFileSync(path, "utf8")).files)) {
    for (const m of mutants) {
      if (m.status !== "Survived" && m.status !== "NoCoverage") continue;
      const { start, end } = m.location;
      ranges.add(`${file}:${start.line}:${start.column - 1}-${end.line}:${end.column - 1}`);
    }
  }
  return [...ranges];
}

for (const [file, groups] of groupsOfEveryFile())
  if (groups.length !== 1)
    fail(`${file} is in ${groups.length === 0 ? "no group" : `groups ${groups.join(", ")}`}: edit GROUPS`);

const [suiteName, ...named] = process.argv.slice(2);
const suite = SUITES[suiteName];
if (suite === undefined) fail(`unknown suite ${suiteName ?? "(none)"}: use checker or after`);
for (const g of named)
  if (!(g in GROUPS)) fail(`unknown group ${g}: one of ${Object.keys(GROUPS).join(", ")}`);
const outDir = suiteName === "checker" ? "reports/mutation-checker" : "reports/mutation-after";
mkdirSync(outDir, { recursive: true });

for (const group of named.length > 0 ? named : Object.keys(GROUPS)) {
  const mutate = suiteName === "checker" ? [...GROUPS[group], NO_TESTS] : survivorRanges(group);
  if (mutate.length === 0) {
    console.log(`${group}: nothing to test`);
    continue;
  }
  console.log(
    `${group}: ${suiteName === "checker" ? mutate.join(" ") : `${mutate.length} mutants the checker-level tests left alive`}`,
  );
  const r = spawnSync(
    "npx",
    [
      "stryker",
      "run",
      suite.config,
      "--ignoreStatic",
      "--incremental",
      "--incrementalFile",
      `reports/inc-${suiteName}-${group}.json`,
      "--mutate",
      mutate.join(","),
    ],
    { stdio: "inherit", env: { ...process.env, FC_NUM_RUNS: "40", ...suite.env } },
  );
  if (r.status !== 0) fail(`${group}: Stryker exited with ${r.status ?? r.signal}`);
  // Kept per group, whole: copied beside, then renamed over the last one.
  copyFileSync(suite.report, `${outDir}/${group}.json.tmp`);
  renameSync(`${outDir}/${group}.json.tmp`, `${outDir}/${group}.json`);
}
