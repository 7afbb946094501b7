// ---------------------------------------------------------------------------------------------------------
// bench: whole CLI processes, timed as a user meets them (issue 17: "a user does not run the model loop; they
// run the CLI"). Each command runs `node bin/outage.js …` on the built dist/ in a fresh process under GNU
// time, which reports the process's wall time, user and system CPU, and peak RSS from the kernel
// (wait4's rusage), start-up, module loading and exit included. Figures are medians of several processes.
// ---------------------------------------------------------------------------------------------------------
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Effort } from "./sections.ts";
import { median, round } from "./stats.ts";
import { fleetOf } from "./workload.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "outage.js");
/** GNU time: the child's rusage as the kernel counts it. */
const TIME = "/usr/bin/time";

/** The fleet size of the large-fleet check (issue 17: "`check` at 5,000 frontends"). */
export const LARGE_FLEET = 5000;

interface CliCommand {
  /** What the bench and the targets call it. */
  readonly id: string;
  /** The arguments after `outage`, given a scratch folder for the files the command writes or reads. */
  readonly args: (dir: string) => ReadonlyArray<string>;
  /** Processes to time: quick, full. */
  readonly repetitions: readonly [number, number];
  /**
   * What its `--json` report counts: "steps", every invariant's steps summed (a check); "states", the states
   * visited (a verify); nothing.
   */
  readonly counts?: "steps" | "states";
}

/** `check` on the large fleet written to `dir` (cliSection), with `more` flags, as one JSON report. */
const checkLarge = (dir: string, more: ReadonlyArray<string>): ReadonlyArray<string> => [
  "check",
  "--config",
  join(dir, "large.json"),
  ...more,
  "--no-save",
  "--json",
];

const COMMANDS: ReadonlyArray<CliCommand> = [
  { id: "--help", args: () => ["--help"], repetitions: [5, 11] },
  { id: "--version", args: () => ["--version"], repetitions: [5, 11] },
  {
    id: "check --invariant ThreadBudget",
    // Find, shrink, save (to a scratch folder) and print: the command the start-up target names.
    args: (dir) => ["check", "--invariant", "ThreadBudget", "--out", join(dir, "saved")],
    repetitions: [5, 11],
  },
  {
    id: "check as-was, every remediation, 10,000 runs",
    args: () => ["check", "--remediation", "all", "--runs", "10000", "--no-save", "--json"],
    repetitions: [1, 3],
    counts: "steps",
  },
  {
    id: `check ${LARGE_FLEET.toLocaleString("en-US")} frontends`,
    args: (dir) => checkLarge(dir, []),
    repetitions: [1, 3],
    counts: "steps",
  },
  {
    // The same fleet in R7's cells of 4 (1,250 cells): the load model counts every cell, so a pass over the
    // fleet per cell would make each step quadratic in the fleet (it did, until 6e0a385: 437 s of CPU).
    id: `check ${LARGE_FLEET.toLocaleString("en-US")} frontends, R7 cells of 4`,
    args: (dir) => checkLarge(dir, ["--remediation", "cellularization"]),
    repetitions: [1, 3],
    counts: "steps",
  },
  {
    // The memory figure: "1 million as-was states peaked at 606 MB".
    id: "verify as-was, first 1,000,000 states",
    args: () => ["verify", "--max-states", "1000000", "--no-save", "--json"],
    repetitions: [1, 1],
    counts: "states",
  },
];

export interface CliFigures {
  readonly id: string;
  readonly command: string;
  readonly processes: number;
  readonly exitCode: number;
  /** Medians over the processes. */
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssBytes: number;
  /** For a `--json` check: the results' steps summed (each invariant's), and that over the CPU time. */
  readonly steps: number | null;
  readonly stepsPerCpuSecond: number | null;
  /** For a `--json` verify: the states visited, per CPU second, and the peak RSS over them. */
  readonly states: number | null;
  readonly statesPerCpuSecond: number | null;
  readonly peakRssBytesPerState: number | null;
}

export interface Timed {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssBytes: number;
  readonly exitCode: number;
  readonly stdout: string;
}

/** One process of `outage args`, under GNU time. */
export const timed = (args: ReadonlyArray<string>, dir: string): Timed => {
  const report = join(dir, "time.txt");
  const r = spawnSync(TIME, ["-o", report, "-f", "%e %U %S %M", process.execPath, BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const last = readFileSync(report, "utf8").trim().split("\n").at(-1) ?? "";
  const [wall, user, sys, rssKb] = last.split(" ").map(Number);
  if ([wall, user, sys, rssKb].some((x) => x === undefined || Number.isNaN(x)))
    throw new Error(`bench cli: cannot read GNU time's report "${last}" for outage ${args.join(" ")}`);
  return {
    wallMs: (wall as number) * 1000,
    cpuMs: ((user as number) + (sys as number)) * 1000,
    peakRssBytes: (rssKb as number) * 1024,
    exitCode: r.status ?? -1,
    stdout: r.stdout,
  };
};

/** Every invariant's steps in a check's `--json` report, summed. */
const stepsOf = (json: string): number =>
  (JSON.parse(json) as { results: ReadonlyArray<{ steps: number }> }).results.reduce(
    (n, r) => n + r.steps,
    0,
  );

/** The states a verify's `--json` report says it visited. */
export const statesOf = (json: string): number => (JSON.parse(json) as { states: number }).states;

/** Checks for GNU time and builds dist/ if a source is newer than it. */
export const builtCli = (): void => {
  if (!existsSync(TIME)) throw new Error(`bench cli: ${TIME} (GNU time) is needed to time whole processes`);
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--if-stale"], {
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("bench cli: npm run build failed");
};

/** Builds dist/ if a source is newer, then times every command. */
export const cliSection = (effort: Effort): ReadonlyArray<CliFigures> => {
  builtCli();
  const dir = mkdtempSync(join(tmpdir(), "outage-bench-cli-"));
  try {
    writeFileSync(join(dir, "large.json"), JSON.stringify(fleetOf(LARGE_FLEET)));
    return COMMANDS.map((c) => {
      const n = effort.repetitions < 7 ? c.repetitions[0] : c.repetitions[1];
      const args = c.args(dir);
      const runs = Array.from({ length: n }, () => {
        rmSync(join(dir, "saved"), { recursive: true, force: true });
        return timed(args, dir);
      });
      const cpuMs = median(runs.map((r) => r.cpuMs));
      const peakRssBytes = Math.max(...runs.map((r) => r.peakRssBytes));
      const stdout = (runs[0] as Timed).stdout;
      const steps = c.counts === "steps" ? stepsOf(stdout) : null;
      const states = c.counts === "states" ? statesOf(stdout) : null;
      return {
        id: c.id,
        command: `node bin/outage.js ${c.args("DIR").join(" ")}`,
        processes: n,
        exitCode: (runs[0] as Timed).exitCode,
        wallMs: round(median(runs.map((r) => r.wallMs))),
        cpuMs: round(cpuMs),
        peakRssBytes,
        steps,
        stepsPerCpuSecond: steps === null ? null : round((steps / cpuMs) * 1000),
        states,
        statesPerCpuSecond: states === null ? null : round((states / cpuMs) * 1000),
        peakRssBytesPerState: states === null ? null : round(peakRssBytes / states),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
