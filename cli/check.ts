// ---------------------------------------------------------------------------------------------------------
// cli: `outage check`: search every selected invariant of every spec asked for, save and print the shrunk
// counterexamples, report near misses. One report for any spec: a section per spec, the first one's config
// in the header (and in the JSON's top level), every later section's results naming their own config.
// ---------------------------------------------------------------------------------------------------------

import fc from "fast-check";
import { saveCounterexample } from "../checker/corpus.ts";
import { counterexampleFrom } from "../checker/counterexample.ts";
import { nearMissFile, nearMissRun } from "../checker/nearMiss.ts";
import type { SearchProgress } from "../checker/propertySearch.ts";
import { type NearMiss, type SearchOptions, type SearchResult, searchInvariants } from "../checker/search.ts";
import { type SometimesReached, vacuousFor } from "../checker/sometimes.ts";
import { sometimesInRuns } from "../checker/sometimesInRuns.ts";
import type { Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { shellWord } from "../explain/markdown.ts";
import { type NarratedStep, narrate, savedSteps } from "../explain/narrate.ts";
import type { Outcome } from "../properties/expectations.ts";
import { expectationLines, type Unexpected } from "./expect.ts";
import { EXIT_VACUOUS, writableDir, writing } from "./input.ts";
import type { Io } from "./io.ts";
import { type ItfOut, itfOut, writeItfs } from "./itfOut.ts";
import { progress } from "./progress.ts";
import { nameWidth, pad, steps, traceLines } from "./reportLines.ts";
import { packageVersion } from "./version.ts";

/** One spec's part of a check. */
export interface CheckSection<C, S, Op> {
  readonly spec: Spec<C, S, Op>;
  readonly config: C;
  readonly invariants: ReadonlyArray<SpecInvariant<C, S>>;
  readonly search: Omit<SearchOptions, "onRun" | "onProgress">;
}

/** A section with its types hidden: `run` hands them to a function generic in them. */
export interface AnySection {
  readonly run: <R>(k: <C, S, Op>(section: CheckSection<C, S, Op>) => R) => R;
}

export const section = <C, S, Op>(s: CheckSection<C, S, Op>): AnySection => ({ run: (k) => k(s) });

export interface CheckRequest {
  readonly sections: ReadonlyArray<AnySection>;
  readonly json: boolean;
  /** Folder to save counterexamples in, or undefined to save nothing. */
  readonly outDir: string | undefined;
  /** `--out-itf FILE`: where the counterexamples go as ITF traces (cli/itfOut.ts names several). */
  readonly outItf?: string;
  /**
   * `--near-miss DIR`: for each invariant that holds, save its near miss there (checker/nearMiss.ts), a trace
   * that `explain` opens at its closest state.
   */
  readonly nearMissDir?: string;
  /**
   * The command that searches again for `invariant` exactly as this check did; with `path`, the command that
   * starts the same search at that fast-check run (a near miss's).
   */
  readonly searchAgain: (invariant: string, path?: string) => string;
  /**
   * `--expect`: the outcome recorded for an invariant of a spec under its section's config. The report then
   * ends with one line saying whether every verdict matched, and the exit code is 1 only if one did not.
   */
  readonly expected?: (specId: string, invariant: string) => Outcome;
}

interface Checked {
  readonly invariant: { readonly name: string; readonly sentence: string; readonly source: string };
  readonly result: SearchResult<unknown, unknown>;
  /** A HOLDS whose runs missed a non-vacuity property (checker/sometimes.ts): reported VACUOUS. */
  readonly vacuous: boolean;
  readonly steps: ReadonlyArray<NarratedStep>;
  readonly advice: string | undefined;
  readonly file: string | undefined;
  /** The near miss's file, when one was asked for and the invariant held. */
  readonly nearMissFile: string | undefined;
  /** Its ITF trace, when `--out-itf` asked for one. */
  readonly itf: ItfOut | undefined;
}

interface SectionReport {
  readonly specId: string;
  readonly configName: string;
  readonly maxSteps: number;
  /** Report column width: the longest invariant name of the spec, and two spaces. */
  readonly width: number;
  readonly checked: ReadonlyArray<Checked>;
  /** What the runs reached of the spec's non-vacuity properties; empty when every invariant was violated. */
  readonly sometimes: ReadonlyArray<SometimesReached>;
}

/** What the progress line calls the invariants searched together. */
const searchedName = (invariants: ReadonlyArray<{ readonly name: string }>): string =>
  invariants.length === 1 ? (invariants[0]?.name ?? "") : `${invariants.length} invariants`;

/** Searches every invariant of one section, saving what fails; asks the runs of a HOLDS what they reached. */
const runSection = <C, S, Op>(
  s: CheckSection<C, S, Op>,
  outDir: string | undefined,
  nearMissDir: string | undefined,
  outItf: boolean,
  onProgress: (searched: string, p: SearchProgress) => void,
): SectionReport => {
  const checked = searchSection(s, outDir, nearMissDir, outItf, onProgress);
  // Every invariant's search draws the same runs (same arbitrary, seed and count), so one replay answers for all.
  const sometimes = checked.some((c) => c.result.status === "holds")
    ? sometimesInRuns(s.spec, s.config, s.invariants, s.search)
    : [];
  return {
    specId: s.spec.id,
    configName: s.spec.configs.nameOf(s.config),
    maxSteps: s.search.maxSteps,
    width: nameWidth(s.spec),
    checked: checked.map((c) => ({
      ...c,
      vacuous: c.result.status === "holds" && vacuousFor(sometimes, c.invariant.name),
    })),
    sometimes,
  };
};

const searchSection = <C, S, Op>(
  s: CheckSection<C, S, Op>,
  outDir: string | undefined,
  nearMissDir: string | undefined,
  outItf: boolean,
  onProgress: (searched: string, p: SearchProgress) => void,
): ReadonlyArray<Omit<Checked, "vacuous">> => {
  // One pass over the generated runs for every invariant (checker/search.ts searchInvariants).
  const name = searchedName(s.invariants);
  const results =
    s.invariants.length === 0
      ? []
      : searchInvariants(s.spec, s.config, s.invariants, {
          ...s.search,
          onProgress: (p) => onProgress(name, p),
        });
  return s.invariants.map((invariant, j) => {
    const result = results[j] as SearchResult<S, Op>;
    const steps = result.status === "violated" ? narrate(s.spec, s.config, result.found.trace) : [];
    const c =
      result.status === "violated"
        ? counterexampleFrom(s.spec, s.config, invariant, result.found, savedSteps(steps), {
            maxSteps: s.search.maxSteps,
            versions: VERSIONS(),
          })
        : undefined;
    const file =
      c !== undefined && outDir !== undefined
        ? writing("--out", outDir, () => saveCounterexample(outDir, s.spec, c))
        : undefined;
    const itf = c !== undefined && outItf ? itfOut(s.spec, c) : undefined;
    const nearMissFile =
      result.status === "holds" && nearMissDir !== undefined
        ? saveNearMiss(s, invariant, result.nearMiss, nearMissDir)
        : undefined;
    return {
      invariant,
      result,
      steps,
      advice: s.spec.narration.advice?.(invariant.name),
      file,
      nearMissFile,
      itf,
    };
  });
};

const VERSIONS = () => ({ tool: packageVersion(), fastCheck: fc.__version });

/** Regenerates the near miss's run, ends it at its closest state, and saves it under `dir`; returns its path. */
const saveNearMiss = <C, S, Op>(
  s: CheckSection<C, S, Op>,
  invariant: SpecInvariant<C, S>,
  nearMiss: NearMiss,
  dir: string,
): string => {
  const run = { seed: nearMiss.seed, path: nearMiss.path, maxSteps: s.search.maxSteps };
  const found = nearMissRun(s.spec, s.config, invariant, run);
  const steps = savedSteps(narrate(s.spec, s.config, found.trace));
  return writing("--near-miss", dir, () =>
    saveCounterexample(dir, s.spec, nearMissFile(s.spec, s.config, invariant, run, found, steps, VERSIONS())),
  );
};

const resultJson = (c: Checked, configName: string | undefined) => {
  const { invariant, result, file } = c;
  const named = { invariant: invariant.name, ...(configName === undefined ? {} : { config: configName }) };
  return result.status === "holds"
    ? {
        ...named,
        status: c.vacuous ? "vacuous" : "holds",
        runs: result.runs,
        steps: result.steps,
        nearMiss: {
          closeness: Number(result.nearMiss.closeness.toFixed(4)),
          meaning: result.nearMiss.meaning,
          seed: result.nearMiss.seed,
          path: result.nearMiss.path,
          ...(c.nearMissFile === undefined ? {} : { file: c.nearMissFile }),
        },
      }
    : {
        ...named,
        status: "violated",
        runs: result.runs,
        steps: result.steps,
        counterexample: {
          seed: result.found.seed,
          path: result.found.path,
          ops: result.found.ops,
          trace: savedSteps(c.steps),
          violationStep: result.found.violationStep,
          message: result.found.message,
          lengthBeforeShrink: result.found.lengthBeforeShrink,
          file: file ?? null,
        },
      };
};

const toJson = (seed: number, reports: ReadonlyArray<SectionReport>) => ({
  config: reports[0]?.configName,
  seed,
  results: reports.flatMap((r, i) => r.checked.map((c) => resultJson(c, i === 0 ? undefined : r.configName))),
  sometimes: reports.flatMap((r, i) =>
    r.sometimes.map((p) => ({
      ...(i === 0 ? {} : { config: r.configName }),
      name: p.name,
      reached: p.reached,
    })),
  ),
});

/** The section's non-vacuity lines: what its runs reached, and what not (then its HOLDS are VACUOUS). */
const sometimesLines = (r: SectionReport): ReadonlyArray<string> => {
  if (r.sometimes.length === 0) return [];
  const missed = r.sometimes.filter((p) => !p.reached);
  return missed.length === 0
    ? [
        `non-vacuity: the runs reached all ${r.sometimes.length} (${r.sometimes.map((p) => p.name).join(", ")})`,
      ]
    : [
        `non-vacuity: the runs did NOT reach ${missed.length} of ${r.sometimes.length}, so a HOLDS here is VACUOUS:`,
        ...missed.map((p) => `  ${p.name}: ${p.sentence}`),
      ];
};

const humanSection = (
  r: SectionReport,
  searchAgain: (invariant: string, path?: string) => string,
): ReadonlyArray<string> =>
  r.checked.flatMap(({ invariant, result, steps: trace, advice, file, nearMissFile, vacuous }) => {
    if (result.status === "holds") {
      const nm = result.nearMiss;
      return [
        vacuous
          ? `${pad(invariant.name, r.width)}VACUOUS   no violation in ${result.runs} runs, ${result.steps} steps, but they miss what the invariant is about`
          : `${pad(invariant.name, r.width)}HOLDS     ${result.runs} runs, ${result.steps} steps`,
        `  near miss: ${(nm.closeness * 100).toFixed(0)}% (${nm.meaning}); replay that run: ${searchAgain(invariant.name, nm.path)}`,
        ...(nearMissFile === undefined
          ? []
          : [
              `  near miss saved: ${nearMissFile}`,
              `  step through it: npx outage explain ${shellWord(nearMissFile)} --html near-miss.html`,
            ]),
      ];
    }
    const f = result.found;
    return [
      `${pad(invariant.name, r.width)}VIOLATED  after ${result.runs} runs; shrunk from ${f.lengthBeforeShrink} to ${steps(f.ops.length)}`,
      `  ${invariant.sentence}`,
      ...traceLines(trace),
      `  broken after step ${f.violationStep}: ${f.message}`,
      `  source: ${invariant.source}`,
      ...(advice === undefined ? [] : [`  ${advice}`]),
      ...(file === undefined ? [] : [`  saved: ${file}`, `  replay: npx outage replay ${shellWord(file)}`]),
      `  search again: ${searchAgain(invariant.name)}`,
    ];
  });

const human = (
  req: CheckRequest,
  seed: number,
  runs: number,
  reports: ReadonlyArray<SectionReport>,
): string => {
  const [first, ...later] = reports;
  const lines = [
    `outage check: config ${first?.configName}, seed ${seed}, up to ${runs} runs of up to ${first?.maxSteps} steps per invariant`,
    ...(first === undefined ? [] : sometimesLines(first)),
    "",
    ...(first === undefined ? [] : humanSection(first, req.searchAgain)),
    ...later
      .filter((r) => r.checked.length > 0)
      .flatMap((r) => [
        "",
        `${r.specId} (traces of up to ${r.maxSteps} steps, config ${r.configName}):`,
        ...sometimesLines(r),
        "",
        ...humanSection(r, req.searchAgain),
      ]),
  ];
  return `${lines.join("\n")}\n`;
};

/**
 * The progress line of a search: the invariants searched together (one pass over the runs for them all), and
 * the runs and steps of the pass, or a counterexample's shrinking or minimizing.
 */
export const progressText = (searched: string, runs: number, p: SearchProgress): string =>
  p.phase === "searching"
    ? `${searched}: run ${p.runs} of ${runs}, ${p.steps} steps`
    : `${searched}: ${p.phase} a counterexample, ${p.attempts} ${p.phase === "shrinking" ? "attempts" : "replays"}`;

/** Runs the check; returns the exit code (0 all hold, 1 a violation, 4 no violation but a HOLDS is vacuous). */
export const runCheck = (req: CheckRequest, io: Io): number => {
  // Refused before the search, not after it: a long search must not end in an I/O error.
  if (req.outDir !== undefined) writableDir("--out", req.outDir);
  const bar = progress(true, io);
  const reports = req.sections.map((s) =>
    s.run((sec) =>
      runSection(sec, req.outDir, req.nearMissDir, req.outItf !== undefined, (name, n) =>
        bar.update(() => progressText(name, sec.search.runs, n)),
      ),
    ),
  );
  bar.done();
  if (req.outItf !== undefined) {
    const outs = reports.flatMap((r) => r.checked.flatMap((c) => (c.itf === undefined ? [] : [c.itf])));
    for (const path of writeItfs(req.outItf, outs)) io.err(`wrote ${path}\n`);
  }
  const search = req.sections[0]?.run((s) => s.search) ?? { seed: 0, runs: 0 };
  io.out(
    req.json
      ? `${JSON.stringify(toJson(search.seed, reports), null, 2)}\n`
      : human(req, search.seed, search.runs, reports),
  );
  if (req.expected !== undefined) return reportExpectations(req.expected, reports, io);
  if (reports.some((r) => r.checked.some((c) => c.result.status === "violated"))) return 1;
  return reports.some((r) => r.checked.some((c) => c.vacuous)) ? EXIT_VACUOUS : 0;
};

/** `--expect`'s ending: the verdicts that differ from the recorded outcomes, one closing line; exit 1 if any. */
const reportExpectations = (
  expected: (specId: string, invariant: string) => Outcome,
  reports: ReadonlyArray<SectionReport>,
  io: Io,
): number => {
  const verdicts = reports.flatMap((r) =>
    r.checked.map((c) => ({
      invariant: c.invariant.name,
      configName: r.configName,
      status: c.vacuous ? ("vacuous" as const) : c.result.status,
      expected: expected(r.specId, c.invariant.name),
    })),
  );
  const unexpected: ReadonlyArray<Unexpected> = verdicts.filter((v) => v.expected !== v.status);
  io.out(`\n${expectationLines(verdicts.length, unexpected, reports[0]?.configName ?? "").join("\n")}\n`);
  return unexpected.length === 0 ? 0 : 1;
};
