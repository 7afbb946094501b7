// Issue 18's two mutation scores over model/ and properties/, per file, as Markdown (docs/trust.md):
//
//   node scripts/mutationScores.mjs    # or `npm run mutation:scores`
//
// It reads the per-group reports scripts/mutationGroups.mjs writes: reports/mutation-checker/<group>.json (the
// checker-level tests) and reports/mutation-after/<group>.json (every other test Stryker runs, over the mutants
// the checker-level tests left alive). The score with every test is counted from both: every checker-level
// test is also in the whole suite, with the same seed and FC_NUM_RUNS, so a mutant they kill (or time out) is
// killed by the whole suite too; only their survivors and the mutants they do not cover can score differently.
// The two reports are joined by mutant (file, mutator, replacement, position); a checker-level survivor with no
// result in its group's second report fails the script, naming the mutant; a group with no second report yet
// shows "–" for the all-tests score.
import { readdirSync, readFileSync } from "node:fs";

const CHECKER = "reports/mutation-checker";
const AFTER = "reports/mutation-after";

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

function fail(message) {
  console.error(`mutationScores: ${message}`);
  process.exit(2);
}

/** The group reports in `dir` (reports/mutation-checker or reports/mutation-after): group name → files. */
function groupReports(dir) {
  let names;
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "mutation.json");
  } catch (e) {
    if (e.code === "ENOENT") return new Map();
    fail(`cannot read ${dir} (${e.code ?? e.message})`);
  }
  return new Map(
    names.map((n) => [n.slice(0, -".json".length), JSON.parse(readFileSync(`${dir}/${n}`, "utf8")).files]),
  );
}

const keyOf = (file, m) =>
  `${file}|${m.mutatorName}|${m.replacement ?? ""}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}`;

/** One row per file of a group: its checker-level kills, and its all-tests kills when `after` (the group's second report) is there. */
function groupRows(checker, after) {
  const second = new Map();
  for (const [file, { mutants }] of Object.entries(after ?? {})) {
    for (const m of mutants) second.set(keyOf(file, m), m.status);
  }
  const rows = [];
  for (const [file, { mutants }] of Object.entries(checker)) {
    let tested = 0;
    let byChecker = 0;
    let byAll = 0;
    for (const m of mutants) {
      if (!DETECTED.has(m.status) && !UNDETECTED.has(m.status)) continue; // ignored (static) or did not compile
      tested += 1;
      if (DETECTED.has(m.status)) {
        byChecker += 1;
        byAll += 1;
        continue;
      }
      if (after === undefined) continue;
      const status = second.get(keyOf(file, m));
      if (status === undefined)
        fail(`${keyOf(file, m)} survived the checker-level tests but has no result in ${AFTER}`);
      if (DETECTED.has(status)) byAll += 1;
    }
    if (tested > 0) rows.push({ file, tested, byChecker, byAll: after === undefined ? undefined : byAll });
  }
  return rows;
}

const pct = (n, d) => `${((100 * n) / d).toFixed(2)} %`;

function table(rows) {
  const all = (r) => (r.byAll === undefined ? "– | – |" : `${r.byAll} | ${pct(r.byAll, r.tested)} |`);
  const line = (name, r) =>
    `| ${name} | ${r.tested} | ${r.byChecker} | ${pct(r.byChecker, r.tested)} | ${all(r)}`;
  const sum = (rs) => ({
    tested: rs.reduce((n, r) => n + r.tested, 0),
    byChecker: rs.reduce((n, r) => n + r.byChecker, 0),
    byAll: rs.some((r) => r.byAll === undefined) ? undefined : rs.reduce((n, r) => n + r.byAll, 0),
  });
  const both = rows.filter((r) => r.byAll !== undefined);
  return [
    "| File | Mutants tested | Checker-level: detected | Score | All tests: detected | Score |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) => line(`\`${r.file}\``, r)),
    line("**Every file reported**", sum(rows)),
    ...(both.length > 0 && both.length < rows.length ? [line("**Files with both scores**", sum(both))] : []),
  ].join("\n");
}

const checker = groupReports(CHECKER);
if (checker.size === 0) fail(`no group report in ${CHECKER}: run \`npm run mutation:checker\` first`);
const after = groupReports(AFTER);
const rows = [...checker].flatMap(([group, files]) => groupRows(files, after.get(group)));
console.log(table(rows.sort((a, b) => a.file.localeCompare(b.file))));
