import { DAY_SETUP } from "../analyses/calibration.ts";
import { sweep, verdicts } from "../analyses/sensitivity.ts";

const t0 = performance.now();
const s = sweep(DAY_SETUP, {
  onCell: (i, n, p, v) =>
    process.stderr.write(`${i}/${n} ${p.name}=${v} ${(performance.now() - t0).toFixed(0)}\n`),
});
console.log(JSON.stringify(s.base));
for (const c of s.cells) console.log(c.parameter, c.value, JSON.stringify(c.conclusions));
for (const v of verdicts(s)) console.log(v.parameter, v.conclusion, v.flipsAt.join(","));
console.log((performance.now() - t0).toFixed(0), "ms");
