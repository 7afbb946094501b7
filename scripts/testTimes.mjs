// `npm run test:times`: the whole test suite once (as `npm test` runs it), then the time per folder: how many
// test files and tests, and the time vitest spent in them (the sum over files: they run on both cores at once,
// so the folders add up to more than the wall time, which is printed too). docs/performance.md records it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "test-times-"));
const out = join(dir, "report.json");
const started = process.hrtime.bigint();
const run = spawnSync("npx", ["vitest", "run", "--reporter=json", `--outputFile=${out}`], {
  stdio: ["ignore", "ignore", "inherit"],
});
const wall = Number(process.hrtime.bigint() - started) / 1e9;
const report = JSON.parse(readFileSync(out, "utf8"));
rmSync(dir, { recursive: true, force: true });
const folders = new Map();
for (const file of report.testResults) {
  const folder = relative(process.cwd(), file.name).split("/")[0];
  const f = folders.get(folder) ?? { files: 0, tests: 0, seconds: 0 };
  f.files += 1;
  f.tests += file.assertionResults.length;
  f.seconds += (file.endTime - file.startTime) / 1000;
  folders.set(folder, f);
}
const rows = [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
process.stdout.write(
  "| folder | test files | tests | seconds (sum over its files) |\n|---|---:|---:|---:|\n",
);
for (const [folder, f] of rows)
  process.stdout.write(`| ${folder}/ | ${f.files} | ${f.tests} | ${f.seconds.toFixed(1)} |\n`);
process.stdout.write(
  `\nwhole suite: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${wall.toFixed(1)} s wall\n`,
);
process.exitCode = run.status ?? 1;
