// How long a user waits between two lines of a command's output: runs `node bin/outage.js ARGS` (or the
// bundle named by OUTAGE_BUNDLE), timestamps every line of stdout and stderr (a progress line redrawn with \r
// counts as a line), and prints one JSON line: wall seconds, exit code, the largest gap between two lines
// (the start and the end included) and where it was, when stdout's first line came, and when stdout's
// lines came (seconds and how many lines at once: one batch at the end, or as they became known). Used for
// docs/performance.md's "Every command at 3,000 frontends" table:
//   nice -n 10 node scripts/outputGaps.mjs check --config examples/configs/fleet-3000.json --no-save
import { spawn } from "node:child_process";

const args = process.argv.slice(2);
const entry = process.env.OUTAGE_BUNDLE ?? "bin/outage.js";
const t0 = performance.now();
const events = [{ at: 0, stream: "start", text: "" }];
const child = spawn("node", [entry, ...args], { stdio: ["ignore", "pipe", "pipe"] });
const watch = (stream, name) => {
  let partial = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const at = (performance.now() - t0) / 1000;
    const parts = (partial + chunk).split(/[\n\r]/);
    partial = parts.pop() ?? "";
    for (const text of parts) if (text.trim() !== "") events.push({ at, stream: name, text });
  });
};
watch(child.stdout, "stdout");
watch(child.stderr, "stderr");
child.on("close", (code) => {
  const wall = (performance.now() - t0) / 1000;
  events.push({ at: wall, stream: "end", text: "" });
  let gap = { seconds: 0, before: "" };
  for (let i = 1; i < events.length; i++) {
    const g = events[i].at - events[i - 1].at;
    if (g > gap.seconds) gap = { seconds: g, before: `${events[i].stream}: ${events[i].text.slice(0, 80)}` };
  }
  const firstOut = events.find((e) => e.stream === "stdout");
  const batches = [];
  for (const e of events.filter((e) => e.stream === "stdout")) {
    const last = batches[batches.length - 1];
    if (last !== undefined && last.at === e.at) last.lines += 1;
    else batches.push({ at: e.at, lines: 1 });
  }
  const r = (x) => Number(x.toFixed(2));
  console.log(
    JSON.stringify({
      args: args.join(" "),
      exit: code,
      wallSeconds: r(wall),
      lines: events.length - 2,
      largestGapSeconds: r(gap.seconds),
      largestGapBefore: gap.before,
      firstStdoutSeconds: firstOut === undefined ? null : r(firstOut.at),
      stdoutBatches: batches.map((b) => `${b.lines} at ${r(b.at)} s`).join(", "),
    }),
  );
});
