// ---------------------------------------------------------------------------------------------------------
// `npm run check`: the as-was fleet and system, then every remediation on, each searched by the built CLI
// with `check --expect`, which judges every verdict against the outcome recorded for its config
// (properties/expectations.ts, properties/dependents/expectations.ts; as-was's violations are the expected
// result). Ends with one line saying whether every verdict matched; exits 1 on an unexpected violation or an
// unexpected hold, and with the worst code of the two runs otherwise (2 bad input, 3 internal error).
// Arguments are passed to both runs (cli/expect.test.ts uses a short search).
// Plain JavaScript: it runs dist/ through bin/outage.js, after `node scripts/build.mjs --if-stale`.
// ---------------------------------------------------------------------------------------------------------
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/outage.js", import.meta.url));
const configs = [
  ["--config", "as-was"],
  ["--config", "as-was", "--remediation", "all"],
];
const extra = process.argv.slice(2);

const codes = configs.map((config) => {
  const r = spawnSync(process.execPath, [bin, "check", ...config, "--expect", ...extra], {
    stdio: "inherit",
  });
  return r.status ?? 3;
});
const worst = Math.max(...codes);
const names = configs.map((c) => c.join(" ")).join(" and ");
console.log(
  worst === 0
    ? `npm run check: PASS: every verdict matched the outcome expected for its config (${names})`
    : worst === 1
      ? `npm run check: FAIL: a verdict differs from the outcome expected for its config (the UNEXPECTED lines above)`
      : `npm run check: FAIL: a check exited ${worst} (${worst === 2 ? "bad input or an I/O error" : "internal error"})`,
);
process.exitCode = worst;
