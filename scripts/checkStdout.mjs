// Writes cli/checkStdout/NAME.txt: the stdout and exit code of `node bin/outage.js ARGS` (or of the bundle
// OUTAGE_BUNDLE names, such as an older build's dist/bundle/outage.js) for each case in
// cli/checkStdout/cases.json. Run before a change to `check`'s printing to record what it printed, and after
// it to see (git diff) that nothing moved; cli/checkStream.test.ts compares the in-process stdout with them.
// Recorded first from the code before streaming (87683a4); re-recorded after issue 14 added invariants (5 Dec
// 2026), since when they pin the streaming code's own output; re-recorded when as-was's offered load became 44
// (issue 14, Must show 1), which changes the system searches' traces.
import { spawnSync } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const dir = new URL("../cli/checkStdout/", import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL("cases.json", dir), "utf8"));
for (const { name, args } of cases) {
  const r = spawnSync("node", [process.env.OUTAGE_BUNDLE ?? "bin/outage.js", ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const file = new URL(`${name}.txt`, dir);
  writeFileSync(`${file.pathname}.tmp`, `exit ${r.status}\n${r.stdout}`);
  renameSync(`${file.pathname}.tmp`, file);
  console.log(`${name}: exit ${r.status}, ${r.stdout.length} bytes`);
}
