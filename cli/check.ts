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
import { type SometimesReached, sometimesTracker, vacuousFor } from "../checker/sometimes.ts";
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
  /** The progress line's clock (milliseconds); `Date.now` unless a test drives it. */
  readonly clock?: () => number;
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

/** What a section tells the report while it runs: each result as it is final, then the whole section. */
interface SectionWatch {
  readonly onProgress: (searched: string, p: SearchProgress) => void;
  /** A violated invariant's result (never vacuous), told the moment it is shrunk, during the pass. */
  readonly onViolated: (index: number, checked: Checked) => void;
  /**
   * Every invariant of the section has broken (told before the last ones are shrunk): none HOLDS, so the
   * section has no non-vacuity lines, and its results can be printed as each is shrunk.
   */
  readonly onAllBroken: () => void;
  /** The section once its pass is over: every result, and what its runs reached. */
  readonly onDone: (report: SectionReport) => void;
}

/** A section's report fields known before its search. */
const sectionHead = <C, S, Op>(s: CheckSection<C, S, Op>) => ({
  specId: s.spec.id,
  configName: s.spec.configs.nameOf(s.config),
  maxSteps: s.search.maxSteps,
  width: nameWidth(s.spec),
});

/**
 * Searches every invariant of one section in one pass over the runs (checker/search.ts searchInvariants),
 * saving each failure as soon as it is shrunk; the same pass marks what its runs reach of the spec's
 * non-vacuity properties, for the HOLDS (checker/sometimes.ts), instead of a second pass over the same runs.
 */
const runSection = <C, S, Op>(
  s: CheckSection<C, S, Op>,
  outDir: string | undefined,
  nearMissDir: string | undefined,
  outItf: boolean,
  watch: SectionWatch,
): SectionReport => {
  const tracker = sometimesTracker(
    s.spec,
    s.config,
    s.invariants.map((i) => i.name),
  );
  tracker.mark(s.spec.init(s.config), undefined);
  const name = searchedName(s.invariants);
  const found: Array<Omit<Checked, "vacuous">> = [];
  let broken = 0;
  if (s.invariants.length > 0)
    searchInvariants(
      s.spec,
      s.config,
      s.invariants,
      { ...s.search, onProgress: (p) => watch.onProgress(name, p) },
      {
        onResult: (j, result) => {
          const c = checkedOf(s, s.invariants[j] as SpecInvariant<C, S>, result, outDir, nearMissDir, outItf);
          found[j] = c;
          if (result.status === "violated") watch.onViolated(j, { ...c, vacuous: false });
        },
        onBroken: () => {
          broken += 1;
          if (broken === s.invariants.length) watch.onAllBroken();
        },
        ...(tracker.count === 0 ? {} : { visitor: tracker }),
      },
    );
  // The runs of a HOLDS are all the section's runs (the pass ended at its last run), and the tracker saw every
  // state of them: what sometimesInRuns would replay them for. No HOLDS, nothing to say.
  const sometimes = found.some((c) => c.result.status === "holds") ? tracker.result() : [];
  const report: SectionReport = {
    ...sectionHead(s),
    checked: found.map((c) => ({
      ...c,
      vacuous: c.result.status === "holds" && vacuousFor(sometimes, c.invariant.name),
    })),
    sometimes,
  };
  watch.onDone(report);
  return report;
};

/** One invariant's result, its counterexample saved (and narrated), or its near miss saved if asked. */
const checkedOf = <C, S, Op>(
  s: CheckSection<C, S, Op>,
  invariant: SpecInvariant<C, S>,
  result: SearchResult<S, Op>,
  outDir: string | undefined,
  nearMissDir: string | undefined,
  outItf: boolean,
): Omit<Checked, "vacuous"> => {
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
    result: result as SearchResult<unknown, unknown>,
    steps,
    advice: s.spec.narration.advice?.(invariant.name, s.config),
    file,
    nearMissFile,
    itf,
  };
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
const sometimesLines = (r: {
  readonly sometimes: ReadonlyArray<SometimesReached>;
}): ReadonlyArray<string> => {
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

/** One invariant's block of the report. */
const checkedLines = (
  r: { readonly width: number },
  { invariant, result, steps: trace, advice, file, nearMissFile, vacuous }: Checked,
  searchAgain: (invariant: string, path?: string) => string,
): ReadonlyArray<string> => {
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
};

/**
 * A section while its search runs: its head, the results known so far, and what its runs reached once its
 * pass is over (undefined until then).
 */
interface SectionSoFar extends Omit<SectionReport, "checked" | "sometimes"> {
  readonly checked: ReadonlyArray<Checked | undefined>;
  readonly sometimes: ReadonlyArray<SometimesReached> | undefined;
}

/**
 * The report's lines, up to the first that is not known yet: the same lines, in the same order, whether the
 * sections are done or not, so that printing them as they become known gives the bytes of the whole report.
 * A section's non-vacuity lines come before its results, and are printed only if an invariant HOLDS, which
 * only the end of the pass can tell, unless every invariant has broken by then (no lines) or no property
 * applies (no lines). So a section's results reach stdout when its pass ends, or, once every invariant has
 * broken or for a spec without non-vacuity properties, each as soon as it and every result before it are
 * known. A violation known before it can be printed is told on stderr at once (runCheck).
 */
const knownLines = (
  req: CheckRequest,
  seed: number,
  runs: number,
  sections: ReadonlyArray<SectionSoFar>,
): ReadonlyArray<string> => {
  const lines = [
    `outage check: config ${sections[0]?.configName}, seed ${seed}, up to ${runs} runs of up to ${sections[0]?.maxSteps} steps per invariant`,
  ];
  for (const [i, r] of sections.entries()) {
    if (i > 0 && r.checked.length === 0) continue;
    if (i > 0) lines.push("", `${r.specId} (traces of up to ${r.maxSteps} steps, config ${r.configName}):`);
    const sometimes = r.sometimes ?? (r.checked.length === 0 ? [] : undefined);
    if (sometimes === undefined) return lines;
    lines.push(...sometimesLines({ sometimes }), "");
    for (const c of r.checked) {
      if (c === undefined) return lines;
      lines.push(...checkedLines(r, c, req.searchAgain));
    }
  }
  return lines;
};

/**
 * The progress line of a search: the invariants searched together (one pass over the runs for them all), and
 * the runs and steps of the pass, or a counterexample's shrinking or minimizing.
 */
export const progressText = (searched: string, runs: number, p: SearchProgress): string =>
  p.phase === "searching"
    ? `${searched}: run ${p.runs} of ${runs}, ${p.steps} steps`
    : `${searched}: ${p.phase} a counterexample, ${p.attempts} ${p.phase === "shrinking" ? "attempts" : "replays"}`;

/** The stderr line of a violation known before stdout can print it (knownLines says when it can). */
export const violationNote = (
  invariant: string,
  result: Extract<SearchResult<unknown, unknown>, { readonly status: "violated" }>,
): string =>
  `check: ${invariant} VIOLATED after ${result.runs} runs; shrunk from ${result.found.lengthBeforeShrink} to ${steps(result.found.ops.length)}`;

/** Whether no non-vacuity property applies to the section: its (empty) non-vacuity lines are known at once. */
const sometimesFree = <C, S, Op>(s: CheckSection<C, S, Op>): boolean =>
  sometimesTracker(
    s.spec,
    s.config,
    s.invariants.map((i) => i.name),
  ).count === 0;

/**
 * Runs the check; returns the exit code (0 all hold, 1 a violation, 4 no violation but a HOLDS is vacuous).
 * The report goes to stdout as it becomes known (knownLines), the same bytes as at the end; `--json` at the end.
 */
export const runCheck = (req: CheckRequest, io: Io): number => {
  // Refused before the search, not after it: a long search must not end in an I/O error.
  if (req.outDir !== undefined) writableDir("--out", req.outDir);
  const bar = progress(true, io, req.clock);
  const search = req.sections[0]?.run((s) => s.search) ?? { seed: 0, runs: 0 };
  const soFar: SectionSoFar[] = req.sections.map((s) =>
    s.run((sec) => ({
      ...sectionHead(sec),
      checked: sec.invariants.map(() => undefined),
      sometimes: sometimesFree(sec) ? [] : undefined,
    })),
  );
  let printed = 0;
  /** Prints the lines that became known; returns how many lines are printed in all. */
  const flush = (): number => {
    if (req.json) return printed;
    const lines = knownLines(req, search.seed, search.runs, soFar);
    if (lines.length > printed) {
      // On a terminal the progress line is cleared first, so the report does not start after it on its line;
      // the next update draws it again below.
      bar.done();
      io.out(
        lines
          .slice(printed)
          .map((line) => `${line}\n`)
          .join(""),
      );
    }
    printed = lines.length;
    return printed;
  };
  flush();
  const reports = req.sections.map((s, i) =>
    s.run((sec) =>
      runSection(sec, req.outDir, req.nearMissDir, req.outItf !== undefined, {
        onProgress: (name, n) => bar.update(() => progressText(name, sec.search.runs, n)),
        onViolated: (j, c) => {
          const r = soFar[i] as SectionSoFar;
          soFar[i] = { ...r, checked: r.checked.map((known, k) => (k === j ? c : known)) };
          const before = printed;
          // Not printed by this flush (a result before it, or the section's non-vacuity lines, is not known):
          // told on stderr now, under the progress line's rules.
          if (flush() === before && c.result.status === "violated")
            bar.note(violationNote(c.invariant.name, c.result));
        },
        onAllBroken: () => {
          soFar[i] = { ...(soFar[i] as SectionSoFar), sometimes: [] };
          flush();
        },
        onDone: (report) => {
          soFar[i] = report;
          flush();
        },
      }),
    ),
  );
  bar.done();
  if (req.outItf !== undefined) {
    const outs = reports.flatMap((r) => r.checked.flatMap((c) => (c.itf === undefined ? [] : [c.itf])));
    for (const path of writeItfs(req.outItf, outs)) io.err(`wrote ${path}\n`);
  }
  if (req.json) io.out(`${JSON.stringify(toJson(search.seed, reports), null, 2)}\n`);
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
