// Issue 18's two mutation scores over model/ and properties/, per file, as Markdown (docs/trust.md):
//
//   node scripts/mutationScores.mjs [--checker-only]    # or `npm run mutation:scores`
//
// It reads the per-group reports scripts/mutationGroups.mjs writes: reports/mutation-checker/<group>.json (the
// checker-level tests) and reports/mutation-after/<group>.json (every other test Stryker runs, over the mutants
// the checker-level tests left alive). The score with every test is counted from both: every checker-level
// test is also in the whole suite, with the same seed and FC_NUM_RUNS, so a mutant they kill (or time out) is
// killed by the whole suite too; only their survivors and the mutants they do not cover can score differently.
// The two reports are joined by mutant (file, mutator, replacement, position); a checker-level survivor with no
// result in the second report fails the script, naming the mutant.
import { readdirSync, readFileSync } from "node:fs";

const CHECKER = "reports/mutation-checker";
const AFTER = "reports/mutation-after";

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

function fail(message) {
  console.error(`mutationScores: ${message}`);
  process.exit(2);
}

/** The files of every group report in `dir` (reports/mutation-checker or reports/mutation-after), merged. */
function read(dir) {
  let names;
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "mutation.json");
  } catch (e) {
    fail(`cannot read ${dir} (${e.code ?? e.message}); run scripts/mutationGroups.mjs first`);
  }
  if (names.length === 0) fail(`no group report in ${dir}; run scripts/mutationGroups.mjs first`);
  return Object.assign({}, ...names.map((n) => JSON.parse(readFileSync(`${dir}/${n}`, "utf8")).files));
}

const keyOf = (file, m) =>
  `${file}|${m.mutatorName}|${m.replacement ?? ""}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}`;

function scores(checker, all) {
  const second = new Map();
  for (const [file, { mutants }] of Object.entries(all ?? {})) {
    for (const m of mutants) second.set(keyOf(file, m), m.status);
  }
  const rows = [];
  for (const [file, { mutants }] of Object.entries(checker).sort(([a], [b]) => a.localeCompare(b))) {
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
      if (all === undefined) continue;
      const status = second.get(keyOf(file, m));
      if (status === undefined)
        fail(`${keyOf(file, m)} survived the checker-level tests but has no result in ${AFTER}`);
      if (DETECTED.has(status)) byAll += 1;
    }
    if (tested > 0) rows.push({ file, tested, byChecker, byAll });
  }
  return rows;
}

const pct = (n, d) => `${((100 * n) / d).toFixed(2)} %`;

function table(rows, withAll) {
  const head = withAll
    ? "| File | Mutants tested | Checker-level: detected | Score | All tests: detected | Score |\n|---|---:|---:|---:|---:|---:|"
    : "| File | Mutants tested | Checker-level: detected | Score |\n|---|---:|---:|---:|";
  const line = (name, r) =>
    `| ${name} | ${r.tested} | ${r.byChecker} | ${pct(r.byChecker, r.tested)} |${withAll ? ` ${r.byAll} | ${pct(r.byAll, r.tested)} |` : ""}`;
  const total = rows.reduce(
    (t, r) => ({
      tested: t.tested + r.tested,
      byChecker: t.byChecker + r.byChecker,
      byAll: t.byAll + r.byAll,
    }),
    { tested: 0, byChecker: 0, byAll: 0 },
  );
  return [
    head,
    ...rows.map((r) => line(`\`${r.file}\``, r)),
    line("**Total (every group reported)**", total),
  ].join("\n");
}

const withAll = process.argv.includes("--checker-only") ? undefined : read(AFTER);
console.log(table(scores(read(CHECKER), withAll), withAll !== undefined));
