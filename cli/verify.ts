// ---------------------------------------------------------------------------------------------------------
// cli: `outage verify`: exhaustive bounded verification by breadth-first search (checker/verify/bfs.ts), or with
// `--inductive`, the inductive-invariant checks (specs/fleet/inductive.ts). Every verdict names the level of
// evidence it rests on: proved (every reachable state), bounded (every state within D steps), violated (a
// shortest trace, saved and replayable like any other counterexample).
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import type { SavedStep } from "../checker/counterexample.ts";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../checker/defaults.ts";
import type { BfsProgress, BfsVerdict } from "../checker/exploration.ts";
import { searchInvariant } from "../checker/search.ts";
import { type SometimesReached, vacuousFor } from "../checker/sometimes.ts";
import type { Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { runTrace } from "../checker/trace.ts";
import { exploreBreadthFirst } from "../checker/verify/bfs.ts";
import { sometimesOfExplorations } from "../checker/verify/sometimes.ts";
import { shellWord } from "../explain/markdown.ts";
import { narrate, savedSteps } from "../explain/narrate.ts";
import { systemInvariantNamed } from "../properties/dependents/index.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { bfsCounterexample, saveOnce } from "./bfsCounterexample.ts";
import { runInductive } from "./inductive.ts";
import { applyRemediations, bad, EXIT_VACUOUS, intFlag, loadConfig } from "./input.ts";
import type { Io } from "./io.ts";
import { type ItfOut, itfOut, writeItfs } from "./itfOut.ts";
import { progress } from "./progress.ts";
import { nameWidth, pad, steps, traceLines } from "./reportLines.ts";
import { planVerify } from "./verifyPlan.ts";

export const DEFAULT_MAX_DEPTH = 100;
export const DEFAULT_MAX_STATES = 50_000;
/** The most threads `--workers` takes (more than any machine here has cores; each worker costs memory). */
export const MAX_WORKERS = 64;

/** What the random checker makes of the same violation, for the shrink-quality comparison. */
interface RandomComparison {
  readonly status: "violated" | "holds";
  /** Length of its shrunk counterexample (when violated). */
  readonly length?: number;
  readonly lengthBeforeShrink?: number;
  readonly seed: number;
  readonly runs: number;
}

/** One spec's part of a verification. */
export interface VerifySection<C, S, Op> {
  readonly spec: Spec<C, S, Op>;
  readonly config: C;
  readonly invariants: ReadonlyArray<SpecInvariant<C, S>>;
  /** Whether a violation is also searched for at random, to compare the shrinker's length with the shortest. */
  readonly compareWithRandom: boolean;
}

interface Verified {
  readonly invariant: { readonly name: string; readonly sentence: string; readonly source: string };
  readonly verdict: BfsVerdict<unknown>;
  readonly cone?: ReadonlyArray<string>;
  readonly trace?: ReadonlyArray<SavedStep>;
  readonly random?: RandomComparison;
  readonly file?: string;
  /** Whether the corpus already held this counterexample (then it was not rewritten). */
  readonly existed?: boolean;
  /** Its ITF trace, when `--out-itf` asked for one. */
  readonly itf?: ItfOut;
}

interface SectionReport {
  readonly configName: string;
  readonly width: number;
  readonly total: { readonly states: number; readonly transitions: number; readonly complete: boolean };
  readonly verified: ReadonlyArray<Verified>;
  /** The spec's non-vacuity properties for this config, reached or not within the bounds (sometimes.ts). */
  readonly sometimes: ReadonlyArray<SometimesReached>;
  /** Whether the time budget stopped the breadth-first search. */
  readonly budgetReached?: boolean;
  /** Whether it stopped the non-vacuity search: what was not reached may yet be reachable. */
  readonly sometimesStopped?: boolean;
}

/** Runs the random checker with its defaults on an invariant BFS found violated. */
const randomComparison = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invariant: SpecInvariant<C, S>,
): RandomComparison => {
  const r = searchInvariant(spec, config, invariant, {
    seed: DEFAULT_SEED,
    runs: DEFAULT_RUNS,
    maxSteps: spec.defaultMaxSteps,
  });
  return r.status === "violated"
    ? {
        status: "violated",
        length: r.found.ops.length,
        lengthBeforeShrink: r.found.lengthBeforeShrink,
        seed: DEFAULT_SEED,
        runs: DEFAULT_RUNS,
      }
    : { status: "holds", seed: DEFAULT_SEED, runs: DEFAULT_RUNS };
};

/** The search's bounds: depth and states (and the time budget, in seconds, if one was given). */
interface Bounds {
  readonly maxDepth: number;
  readonly maxStates: number;
  readonly budgetSeconds?: number;
}

/** Explores one section and words its verdicts. */
const verifySection = <C, S, Op>(
  s: VerifySection<C, S, Op>,
  bounds: Bounds,
  outDir: string | undefined,
  outItf: boolean,
  onProgress: (p: BfsProgress) => void,
  stop: () => boolean,
  workers: number,
): SectionReport => {
  const result = exploreBreadthFirst(s.spec, s.config, s.invariants, {
    ...bounds,
    onProgress,
    stop,
    ...(workers > 1 ? { workers } : {}),
  });
  const sometimes = sometimesOfExplorations(s.spec, s.config, { ...bounds, stop }, s.invariants);
  // Under a time budget the random search is not run beside it: it has no budget of its own.
  const compareWithRandom = s.compareWithRandom && bounds.budgetSeconds === undefined;
  return {
    sometimes,
    ...(result.verdicts.some((v) => v.verdict.status === "bounded" && v.verdict.bound === "budget")
      ? { budgetReached: true }
      : {}),
    ...(stop() ? { sometimesStopped: true } : {}),
    configName: s.spec.configs.nameOf(s.config),
    width: nameWidth(s.spec),
    total: result,
    verified: result.verdicts.map(({ invariant, verdict, cone }): Verified => {
      const scope = cone === undefined ? {} : { cone };
      if (verdict.status !== "violated") return { invariant, verdict, ...scope };
      const trace = savedSteps(
        narrate(s.spec, s.config, runTrace(s.spec, s.config, verdict.ops, [invariant])),
      );
      const c = bfsCounterexample(s.spec, s.config, invariant, verdict.ops, verdict.message, trace);
      const saved = outDir === undefined ? undefined : saveOnce(outDir, s.spec, c);
      const itf = outItf ? itfOut(s.spec, c) : undefined;
      return {
        invariant,
        verdict,
        ...scope,
        trace,
        ...(itf === undefined ? {} : { itf }),
        ...(compareWithRandom ? { random: randomComparison(s.spec, s.config, invariant) } : {}),
        ...(saved === undefined ? {} : { file: saved.path, existed: saved.existed }),
      };
    }),
  };
};

/** Whether a PROVED of the section is vacuous: a non-vacuity property of its exploration was not reached. */
const vacuous = (r: SectionReport, v: Verified): boolean =>
  v.verdict.status === "proved" && vacuousFor(r.sometimes, v.invariant.name);

const resultJson = (v: Verified, configName: string | undefined, isVacuous: boolean) => {
  const { invariant, verdict, trace, random, file } = v;
  return {
    invariant: invariant.name,
    ...(configName === undefined ? {} : { config: configName }),
    ...(v.cone === undefined ? {} : { cone: v.cone }),
    status: isVacuous ? "vacuous" : verdict.status,
    states: verdict.states,
    depth: verdict.depth,
    ...(verdict.status === "bounded" ? { bound: verdict.bound } : {}),
    ...(verdict.status === "violated"
      ? {
          counterexample: {
            length: verdict.ops.length,
            ops: verdict.ops,
            trace: trace ?? [],
            violationStep: verdict.ops.length,
            message: verdict.message,
            ...(random === undefined ? {} : { randomSearch: random }),
            file: file ?? null,
          },
        }
      : {}),
  };
};

/**
 * The JSON report: the first section's config and totals at the top (when it explored anything; else the next
 * section's config alone), then every result, those of later sections naming their config.
 */
const toJson = (
  bounds: { readonly maxDepth: number; readonly maxStates: number },
  reports: ReadonlyArray<SectionReport>,
  firstRan: boolean,
) => {
  const [first, ...later] = reports;
  const top =
    firstRan && first !== undefined
      ? {
          config: first.configName,
          ...bounds,
          states: first.total.states,
          transitions: first.total.transitions,
          complete: first.total.complete,
        }
      : { config: (later[0] ?? first)?.configName, ...bounds };
  return {
    ...top,
    results: reports.flatMap((r, i) =>
      r.verified.map((v) => resultJson(v, i === 0 ? undefined : r.configName, vacuous(r, v))),
    ),
    sometimes: reports.flatMap((r) =>
      r.sometimes.map((p) => ({
        config: r.configName,
        ...(p.invariant === undefined ? {} : { invariant: p.invariant }),
        name: p.name,
        reached: p.reached,
      })),
    ),
  };
};

const shrinkNote = (bfsLength: number, random: RandomComparison | undefined): string => {
  if (random === undefined) return "";
  if (random.status === "holds")
    return `; random search (seed ${random.seed}, ${random.runs} runs) did not find it`;
  const verdict =
    random.length === bfsLength
      ? "the shortest"
      : `${(random.length ?? 0) - bfsLength} longer: the shrinker has work to do`;
  return `; random search shrinks ${random.lengthBeforeShrink} steps to ${random.length} (${verdict})`;
};

/** The section's non-vacuity line: what was reached, and what was not (then its proofs are VACUOUS). */
const sometimesLines = (r: SectionReport): ReadonlyArray<string> => {
  if (r.sometimes.length === 0) return [];
  const missed = r.sometimes.filter((p) => !p.reached);
  if (missed.length > 0 && r.sometimesStopped === true)
    return [
      `  non-vacuity: ${missed.length} of ${r.sometimes.length} not reached before the time budget ran out (they may yet be reachable):`,
      ...missed.map(
        (p) =>
          `    ${p.name}${p.invariant === undefined ? "" : ` (exploring ${p.invariant})`}: ${p.sentence}`,
      ),
    ];
  const names = [...new Set(r.sometimes.map((p) => p.name))];
  const perInvariant = r.sometimes.some((p) => p.invariant !== undefined);
  return missed.length === 0
    ? [
        `  non-vacuity: all ${names.length} reached${perInvariant ? " in each invariant's exploration that expects them" : ""} (${names.join(", ")})`,
      ]
    : [
        `  non-vacuity: ${missed.length} of ${r.sometimes.length} NOT reached, so the proofs they belong to are VACUOUS:`,
        ...missed.map(
          (p) =>
            `    ${p.name}${p.invariant === undefined ? "" : ` (exploring ${p.invariant})`}: ${p.sentence}`,
        ),
      ];
};

const humanResults = (r: SectionReport, budgetSeconds: number | undefined): ReadonlyArray<string> =>
  r.verified.flatMap((v) => {
    const { invariant, verdict, cone, trace, random, file, existed } = v;
    const name = pad(invariant.name, r.width);
    const where = cone === undefined ? "" : ` of the fleet and ${cone.join(", ")}`;
    if (vacuous(r, v))
      return [
        `${name}VACUOUS   no violation in all ${verdict.states} reachable states${where}, but they miss what the proof is about`,
      ];
    if (verdict.status === "proved")
      return [
        `${name}PROVED    in all ${verdict.states} reachable states${where} (diameter ${verdict.depth})`,
      ];
    if (verdict.status === "bounded")
      return [
        verdict.bound === "budget"
          ? `${name}BOUNDED   no violation within ${steps(verdict.depth)} of the start (${verdict.states} states; time budget reached, --budget-seconds ${budgetSeconds}): not a proof`
          : `${name}BOUNDED   no violation within ${steps(verdict.depth)} of the start (${verdict.states} states; stopped at --${verdict.bound})`,
      ];
    return [
      `${name}VIOLATED  shortest counterexample: ${steps(verdict.depth)}${shrinkNote(verdict.depth, random)}`,
      `  ${invariant.sentence}`,
      ...traceLines(trace ?? []),
      `  broken after step ${verdict.depth}: ${verdict.message}`,
      `  source: ${invariant.source}`,
      ...(file === undefined
        ? []
        : [
            existed ? `  already in the corpus: ${file}` : `  saved: ${file}`,
            `  replay: npx outage replay ${shellWord(file)}`,
          ]),
    ];
  });

const human = (bounds: Bounds, reports: ReadonlyArray<SectionReport>, firstRan: boolean): string => {
  const [first, ...later] = reports;
  const lines = [
    ...(firstRan && first !== undefined
      ? [
          `outage verify: config ${first.configName}, breadth-first up to depth ${bounds.maxDepth} and ${bounds.maxStates} states${bounds.budgetSeconds === undefined ? "" : ` within ${bounds.budgetSeconds} s`}`,
          `  visited ${first.total.states} states over ${first.total.transitions} transitions; ${first.total.complete ? "every reachable state explored" : first.budgetReached === true ? "stopped at the time budget" : "stopped at a bound"}`,
          ...sometimesLines(first),
          "",
          ...humanResults(first, bounds.budgetSeconds),
        ]
      : []),
    ...later
      .filter((r) => r.verified.length > 0)
      .flatMap((r) => [
        "",
        `config ${r.configName}: breadth-first over each invariant's cone of influence, up to depth ${bounds.maxDepth} and ${bounds.maxStates} states${bounds.budgetSeconds === undefined ? "" : ` within ${bounds.budgetSeconds} s`}`,
        ...sometimesLines(r),
        "",
        ...humanResults(r, bounds.budgetSeconds),
      ]),
  ];
  return `${lines.join("\n")}\n`;
};

/**
 * The progress line: states, depth, rate, memory (the process's resident set) and, at the current rate, the
 * time to the --max-states bound or what is left of the budget, whichever comes first.
 */
export const verifyProgressLine = (p: BfsProgress, bounds: Bounds, elapsedMs: number): string => {
  const seconds = Math.max(0.001, elapsedMs / 1000);
  const rate = p.states / seconds;
  const toStates = rate > 0 ? (bounds.maxStates - p.states) / rate : Number.POSITIVE_INFINITY;
  const toBudget =
    bounds.budgetSeconds === undefined ? Number.POSITIVE_INFINITY : bounds.budgetSeconds - seconds;
  const left = Math.max(0, Math.min(toStates, toBudget));
  const projected = Number.isFinite(left)
    ? `, about ${Math.ceil(left)} s left (${toBudget <= toStates ? "--budget-seconds" : "--max-states"})`
    : "";
  const rss = Math.round(process.memoryUsage.rss() / 1_048_576);
  return `verify: ${p.states} states, depth ${p.depth}, ${Math.round(rate)} states/s, ${p.transitions} transitions, ${rss} MB RSS${projected}`;
};

export const verify = (args: ReadonlyArray<string>, io: Io): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      config: { type: "string" },
      remediation: { type: "string", multiple: true },
      invariant: { type: "string", multiple: true },
      "max-depth": { type: "string" },
      "max-states": { type: "string" },
      "budget-seconds": { type: "string" },
      workers: { type: "string" },
      inductive: { type: "boolean" },
      samples: { type: "string" },
      "max-enumerate": { type: "string" },
      out: { type: "string" },
      "no-save": { type: "boolean" },
      "out-itf": { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`verify: unexpected argument ${positionals[0]}`);
  if (values.out !== undefined && values["no-save"]) bad("--out and --no-save cannot be used together");
  if (values.inductive && values.workers !== undefined)
    bad("--workers goes with the breadth-first search, not --inductive");
  if (values.inductive) {
    const named = (values.invariant ?? []).flatMap((v) => v.split(","));
    if (named.some((n) => systemInvariantNamed(n) !== undefined))
      bad("--inductive checks core invariants only; the dependents' are explored by breadth-first search");
    return runInductive(
      {
        config: applyRemediations(loadConfig(values.config), values.remediation ?? []),
        invariantNames: values.invariant ?? [],
        samples: values.samples,
        maxEnumerate: values["max-enumerate"],
        json: values.json === true,
      },
      io,
    );
  }
  if (values.samples !== undefined || values["max-enumerate"] !== undefined)
    bad("--samples and --max-enumerate go with --inductive");
  const plan = planVerify(values.config, values.remediation ?? [], values.invariant ?? []);
  const config = applyRemediations(loadConfig(plan.coreConfig), plan.coreRemediations);
  const budgetSeconds =
    values["budget-seconds"] === undefined
      ? undefined
      : intFlag("--budget-seconds", values["budget-seconds"], 0, 1, 86_400);
  const bounds: Bounds = {
    maxDepth: intFlag("--max-depth", values["max-depth"], DEFAULT_MAX_DEPTH, 0, 1_000_000),
    maxStates: intFlag("--max-states", values["max-states"], DEFAULT_MAX_STATES, 1, 100_000_000),
    ...(budgetSeconds === undefined ? {} : { budgetSeconds }),
  };
  // Worker threads for the fleet's compiled search (specs/fleet/compiled/flatParallel.ts): same output.
  const workers = intFlag("--workers", values.workers, 1, 1, MAX_WORKERS);
  const outDir = values["no-save"] ? undefined : (values.out ?? "counterexamples");
  const bar = progress(true, io);
  const started = Date.now();
  const deadline = budgetSeconds === undefined ? Number.POSITIVE_INFINITY : started + budgetSeconds * 1000;
  const stop = (): boolean => Date.now() > deadline;
  // The line is built only when one is due: the search reports every 16 candidate operations, and reading the
  // resident set each time (a read of /proc) was most of a long verify's system time (issue 17).
  const onProgress = (p: BfsProgress): void =>
    bar.update(() => verifyProgressLine(p, bounds, Date.now() - started));
  const sections: ReadonlyArray<<R>(k: <C, S, Op>(s: VerifySection<C, S, Op>) => R) => R> = [
    (k) => k({ spec: fleetSpec, config, invariants: plan.coreInvariants, compareWithRandom: true }),
    (k) =>
      k({
        spec: systemSpec,
        config: plan.systemConfig,
        invariants: plan.systemInvariants,
        compareWithRandom: false,
      }),
  ];
  const reports = sections.map((run) =>
    run((s) =>
      s.invariants.length === 0
        ? {
            configName: s.spec.configs.nameOf(s.config),
            width: 0,
            total: { states: 0, transitions: 0, complete: true },
            verified: [],
            sometimes: [],
          }
        : verifySection(s, bounds, outDir, values["out-itf"] !== undefined, onProgress, stop, workers),
    ),
  );
  bar.done();
  const outItf = values["out-itf"];
  if (outItf !== undefined) {
    const outs = reports.flatMap((r) => r.verified.flatMap((v) => (v.itf === undefined ? [] : [v.itf])));
    for (const path of writeItfs(outItf, outs)) io.err(`wrote ${path}\n`);
  }
  const firstRan = plan.coreInvariants.length > 0;
  io.out(
    values.json
      ? `${JSON.stringify(toJson(bounds, reports, firstRan), null, 2)}\n`
      : human(bounds, reports, firstRan),
  );
  if (reports.some((r) => r.verified.some((v) => v.verdict.status === "violated"))) return 1;
  return reports.some((r) => r.verified.some((v) => vacuous(r, v))) ? EXIT_VACUOUS : 0;
};
