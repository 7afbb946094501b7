// ---------------------------------------------------------------------------------------------------------
// bench: the soak, `npm run soak -- --minutes N [--seed S] [--threads T]` (issue 18; not in CI, not in
// `npm test`). Random configs × random operation sequences on every core (worker threads, each with its own
// seeds), every invariant checked against its expected outcome (analyses/configSearch/expectedOutcome.ts).
// Progress every 5 seconds; at the end a coverage table (Markdown, bench/soakCoverage.ts), printed and written
// to reports/soak/coverage.md (temp file, then rename) to paste into docs/trust.md. A mismatch is shrunk
// and saved under reports/soak/ (written to a temp file, then renamed) with the command that replays it:
// `npm run soak -- --round SEED` re-runs the one round that found it. Exit 1 on any mismatch, 2 on bad input.
// ---------------------------------------------------------------------------------------------------------
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { labelled } from "../analyses/configSearch/configSearch.ts";
import {
  emptyCoverage,
  mergeCoverage,
  type RoundResult,
  soakRound,
} from "../analyses/configSearch/soakRound.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { coverageReport } from "./soakCoverage.ts";

const BOOT = new URL("./workerBoot.mjs", import.meta.url);
const MODULE = new URL("./soakWorker.ts", import.meta.url).href;
const OUT = join(import.meta.dirname, "..", "reports", "soak");

interface Options {
  readonly minutes: number;
  readonly seed: number;
  readonly threads: number;
  readonly round: number | undefined;
}

const fail = (message: string): never => {
  process.stderr.write(`soak: ${message}\n`);
  process.exit(2);
};

const numberFlag = (argv: ReadonlyArray<string>, flag: string, min: number): number | undefined => {
  const i = argv.indexOf(flag);
  if (i === -1) return undefined;
  const v = Number(argv[i + 1]);
  return Number.isFinite(v) && v >= min
    ? v
    : fail(`${flag} needs a number ≥ ${min}, got ${argv[i + 1] ?? "nothing"}`);
};

const parse = (argv: ReadonlyArray<string>): Options => {
  const known = new Set(["--minutes", "--seed", "--threads", "--round"]);
  const unknown = argv.filter(
    (a, i) => a.startsWith("--") && !known.has(a) && (i === 0 || !known.has(argv[i - 1] ?? "")),
  );
  if (unknown.length > 0)
    fail(`unknown flag ${unknown[0]} (expected --minutes N, --seed S, --threads T, --round SEED)`);
  return {
    minutes: numberFlag(argv, "--minutes", 0) ?? 1,
    seed: Math.floor(numberFlag(argv, "--seed", 0) ?? 18_000_000),
    threads: Math.floor(numberFlag(argv, "--threads", 1) ?? availableParallelism()),
    round: numberFlag(argv, "--round", 0),
  };
};

/** Writes `text` to `path` through a temp file and a rename, so a reader never sees half a file. */
const writeWhole = (path: string, text: string): void => {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
};

/** Where the coverage report is written at the end of a soak. */
const COVERAGE = join(OUT, "coverage.md");

/** Saves a round's mismatches, each as the config (a file `--config` accepts) and a report; returns the paths. */
const save = (seed: number, r: RoundResult): ReadonlyArray<string> =>
  r.mismatches.map((m, i) => {
    mkdirSync(OUT, { recursive: true });
    const base = join(OUT, `${m.invariant}--round-${seed}-${i}`);
    writeWhole(`${base}.config.json`, `${JSON.stringify(m.config, null, 2)}\n`);
    const labels = labelled(fleetSpec, m.config, m.ops);
    writeWhole(
      `${base}.json`,
      `${JSON.stringify({ round: seed, invariant: m.invariant, mismatch: m.text, ops: m.ops, labels, replay: [`npm run soak -- --round ${seed}`, `node bin/outage.js verify --config ${base}.config.json --invariant ${m.invariant}`] }, null, 2)}\n`,
    );
    return `${base}.json`;
  });

const runRound = (seed: number): number => {
  const r = soakRound(seed);
  for (const m of r.mismatches) process.stdout.write(`${m.text}\n`);
  for (const p of save(seed, r)) process.stdout.write(`saved ${p}\n`);
  process.stdout.write(`round ${seed}: ${r.mismatches.length} mismatch(es)\n`);
  return r.mismatches.length > 0 ? 1 : 0;
};

const soak = (o: Options): Promise<number> =>
  new Promise((resolve) => {
    const start = Date.now();
    const deadline = start + o.minutes * 60_000;
    let coverage = emptyCoverage();
    let mismatches = 0;
    let running = o.threads;
    const progress = setInterval(() => {
      const s = Math.round((Date.now() - start) / 1000);
      process.stdout.write(
        `soak: ${s} s, ${coverage.configs} configs, ${coverage.sequences} sequences, ${mismatches} mismatch(es)\n`,
      );
    }, 5000);
    for (let index = 0; index < o.threads; index++) {
      const w = new Worker(BOOT, {
        workerData: { module: MODULE, seed: o.seed, index, stride: o.threads, deadline },
      });
      w.on("message", (m: RoundResult & { readonly seed: number }) => {
        coverage = mergeCoverage(coverage, m.coverage);
        mismatches += m.mismatches.length;
        for (const mm of m.mismatches) process.stdout.write(`MISMATCH ${mm.text}\n`);
        for (const p of save(m.seed, m))
          process.stdout.write(`saved ${p}; replay: npm run soak -- --round ${m.seed}\n`);
      });
      w.on("error", (e) => {
        process.stderr.write(`soak: worker ${index} failed: ${e.message}\n`);
        mismatches += 1;
      });
      w.on("exit", () => {
        running -= 1;
        if (running > 0) return;
        clearInterval(progress);
        const minutes = Math.round(((Date.now() - start) / 60_000) * 10) / 10;
        const report = coverageReport(coverage, {
          command: `npm run soak -- ${process.argv.slice(2).join(" ")}`.trim(),
          date: new Date().toISOString().slice(0, 10),
          seed: o.seed,
          minutes,
          threads: o.threads,
          mismatches,
        });
        mkdirSync(OUT, { recursive: true });
        writeWhole(COVERAGE, report);
        process.stdout.write(
          `\n${report}\n${mismatches} mismatch(es); seed ${o.seed}; coverage written to ${COVERAGE}\n`,
        );
        resolve(mismatches > 0 ? 1 : 0);
      });
    }
  });

const options = parse(process.argv.slice(2));
process.exitCode = options.round === undefined ? await soak(options) : runRound(options.round);
