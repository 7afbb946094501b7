// ---------------------------------------------------------------------------------------------------------
// bench: `verify --workers 2` against one thread, as whole CLI processes (issue 17: "both cores: a worker per
// core, … speed-up at least 1.6 on an idle machine, same verdicts and same shortest counterexamples as one
// core"), and how far `three-to-eight` gets on both cores within a time budget, with the time its whole
// space would take projected from that (issue 17: "explored completely within 10 minutes").
//
// The speed-up: `verify --max-states N --no-save --json` on as-was, N = 1,000,000 (300,000 with --quick), with
// --workers 1 and --workers 2 alternately (so both meet the same drift in the machine's load), each a fresh
// process under GNU time; per round the ratio of the walls; the median of the rounds. The two JSON reports
// must be the same bytes (`sameOutput`), or the speed-up counts as not measured. The load average is read
// before and after: on a shared machine the figure says what the machine gave, not what the code can do.
//
// three-to-eight: `verify --config three-to-eight --workers 2 --budget-seconds B` (B = 30, 120 in full), the
// states visited, and the wall time the projected space would take at that rate: docs/verify.md projects
// 0.65–1.6 billion states from its states per level (depth 14, measured 5 Dec 2026), and the bench takes the
// low end; the rate falls as the visited set outgrows the caches, so this is a lower bound on the time, and
// says so. (Before that measurement, to depth 11, the projection was 170–690 million, central 260 million.)
// ---------------------------------------------------------------------------------------------------------

import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { builtCli, statesOf, type Timed, timed } from "./cli.ts";
import type { Effort } from "./sections.ts";
import { median, round } from "./stats.ts";

/** The low end of docs/verify.md's projection of `three-to-eight`'s reachable states (0.65–1.6 billion). */
export const THREE_TO_EIGHT_PROJECTED_STATES = 650_000_000;

export interface WorkerRound {
  readonly oneWallMs: number;
  readonly oneCpuMs: number;
  readonly twoWallMs: number;
  readonly twoCpuMs: number;
  readonly speedup: number;
}

export interface VerifyWorkersFigures {
  readonly command: string;
  readonly states: number;
  readonly rounds: ReadonlyArray<WorkerRound>;
  /** Median over the rounds of one thread's wall over two workers' wall. */
  readonly speedup: number;
  /** Median over the rounds of two workers' CPU over one thread's: what the workers cost in all. */
  readonly cpuRatio: number;
  readonly peakRssBytesOne: number;
  readonly peakRssBytesTwo: number;
  /** Whether every --workers 2 report was the same bytes as the --workers 1 report. */
  readonly sameOutput: boolean;
  readonly loadAverage1m: readonly [before: number, after: number];
}

export interface ThreeToEightFigures {
  readonly command: string;
  readonly budgetSeconds: number;
  readonly states: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssBytes: number;
  readonly statesPerWallSecond: number;
  readonly projectedStates: number;
  /** The projected space at the measured rate: a lower bound (the rate only falls as the set grows). */
  readonly projectedSeconds: number;
  readonly loadAverage1m: number;
}

const verifyArgs = (states: number, workers: number): ReadonlyArray<string> => [
  "verify",
  "--max-states",
  String(states),
  "--no-save",
  "--json",
  "--workers",
  String(workers),
];

export const verifyWorkersSection = (
  effort: Effort,
): { readonly speedup: VerifyWorkersFigures; readonly threeToEight: ThreeToEightFigures } => {
  builtCli();
  const quick = effort.repetitions < 7;
  const states = quick ? 300_000 : 1_000_000;
  const roundsWanted = quick ? 2 : 3;
  const dir = mkdtempSync(join(tmpdir(), "outage-bench-workers-"));
  try {
    const before = loadavg()[0] ?? 0;
    const ones: Timed[] = [];
    const twos: Timed[] = [];
    for (let r = 0; r < roundsWanted; r++) {
      ones.push(timed(verifyArgs(states, 1), dir));
      twos.push(timed(verifyArgs(states, 2), dir));
    }
    const after = loadavg()[0] ?? 0;
    const rounds = ones.map((one, i): WorkerRound => {
      const two = twos[i] as Timed;
      return {
        oneWallMs: round(one.wallMs),
        oneCpuMs: round(one.cpuMs),
        twoWallMs: round(two.wallMs),
        twoCpuMs: round(two.cpuMs),
        speedup: round(one.wallMs / two.wallMs),
      };
    });
    const reference = (ones[0] as Timed).stdout;
    const budgetSeconds = quick ? 30 : 120;
    const t8args = [
      "verify",
      "--config",
      "three-to-eight",
      "--budget-seconds",
      String(budgetSeconds),
      "--max-states",
      "100000000",
      "--no-save",
      "--json",
      "--workers",
      "2",
    ];
    const t8load = loadavg()[0] ?? 0;
    const t8 = timed(t8args, dir);
    const t8states = statesOf(t8.stdout);
    const rate = t8states / (t8.wallMs / 1000);
    return {
      speedup: {
        command: `node bin/outage.js ${verifyArgs(states, 1).join(" ")} (and --workers 2)`,
        states,
        rounds,
        speedup: round(median(rounds.map((r) => r.speedup))),
        cpuRatio: round(median(rounds.map((r) => r.twoCpuMs / r.oneCpuMs))),
        peakRssBytesOne: Math.max(...ones.map((t) => t.peakRssBytes)),
        peakRssBytesTwo: Math.max(...twos.map((t) => t.peakRssBytes)),
        sameOutput: [...ones, ...twos].every((t) => t.stdout === reference),
        loadAverage1m: [round(before), round(after)],
      },
      threeToEight: {
        command: `node bin/outage.js ${t8args.join(" ")}`,
        budgetSeconds,
        states: t8states,
        wallMs: round(t8.wallMs),
        cpuMs: round(t8.cpuMs),
        peakRssBytes: t8.peakRssBytes,
        statesPerWallSecond: round(rate),
        projectedStates: THREE_TO_EIGHT_PROJECTED_STATES,
        projectedSeconds: round(THREE_TO_EIGHT_PROJECTED_STATES / rate),
        loadAverage1m: round(t8load),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
