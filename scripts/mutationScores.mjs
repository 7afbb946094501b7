// Issue 18's two mutation scores over model/ and properties/, per file (docs/trust.md).
//
//   node scripts/mutationScores.mjs survivors   # the checker-level run's survivors as Stryker --mutate ranges
//   node scripts/mutationScores.mjs table       # both scores per file, as Markdown
//
// The score with every test is measured on what the checker-level tests leave alive, not on all mutants again
// (`npm run mutation:all-after-checker`): every test the checker-level run runs is also in the whole suite,
// with the same seed and FC_NUM_RUNS, so a mutant they kill (or time out) is killed by the whole suite too.
// Only the survivors and the mutants without coverage can score differently, and a run over them alone takes a
// fraction of a full run's two hours. `table` joins the two reports by mutant (file, mutator, replacement,
// position) and fails, naming the mutant, if a checker-level survivor has no result in the second report.
import { readFileSync } from "node:fs";

const CHECKER = "reports/mutation-checker/mutation.json";
const ALL = "reports/mutation/mutation.json";
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

function fail(message) {
  console.error(`mutationScores: ${message}`);
  process.exit(2);
}

function read(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8")).files;
  } catch (e) {
    fail(`cannot read ${path} (${e.code ?? e.message}); run the mutation run that writes it first`);
  }
}

const keyOf = (file, m) =>
  `${file}|${m.mutatorName}|${m.replacement ?? ""}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}`;

/** Stryker's range syntax: 1-based lines, 0-based columns, both ends included (the report's columns are 1-based). */
function survivorRanges(files) {
  const ranges = [];
  for (const [file, { mutants }] of Object.entries(files)) {
    for (const m of mutants) {
      if (!UNDETECTED.has(m.status)) continue;
      const { start, end } = m.location;
      ranges.push(`${file}:${start.line}:${start.column - 1}-${end.line}:${end.column - 1}`);
    }
  }
  return [...new Set(ranges)];
}

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
        fail(`${keyOf(file, m)} survived the checker-level tests but is not in ${ALL}`);
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
    line("**All of model/ and properties/**", total),
  ].join("\n");
}

const [command] = process.argv.slice(2);
if (command === "survivors") {
  console.log(survivorRanges(read(CHECKER)).join(","));
} else if (command === "table") {
  const withAll = process.argv.includes("--checker-only") ? undefined : read(ALL);
  console.log(table(scores(read(CHECKER), withAll), withAll !== undefined));
} else {
  fail(`unknown command ${command ?? "(none)"}: use survivors or table [--checker-only]`);
}
