// ---------------------------------------------------------------------------------------------------------
// cli: `outage check`: search every selected invariant of every spec asked for, save and print the shrunk
// counterexamples, report near misses. One report for any spec: a section per spec, the first one's config
// in the header (and in the JSON's top level), every later section's results naming their own config.
// ---------------------------------------------------------------------------------------------------------

import fc from "fast-check";
import { saveCounterexample } from "../checker/corpus.ts";
import { counterexampleFrom } from "../checker/counterexample.ts";
import type { SearchProgress } from "../checker/propertySearch.ts";
import { type SearchOptions, type SearchResult, searchInvariant } from "../checker/search.ts";
import type { Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { shellWord } from "../explain/markdown.ts";
import { type NarratedStep, narrate, savedSteps } from "../explain/narrate.ts";
import type { Outcome } from "../properties/expectations.ts";
import { expectationLines, type Unexpected } from "./expect.ts";
import { writableDir, writing } from "./input.ts";
import type { Io } from "./io.ts";
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
  readonly steps: ReadonlyArray<NarratedStep>;
  readonly advice: string | undefined;
  readonly file: string | undefined;
}

interface SectionReport {
  readonly specId: string;
  readonly configName: string;
  readonly maxSteps: number;
  /** Report column width: the longest invariant name of the spec, and two spaces. */
  readonly width: number;
  readonly checked: ReadonlyArray<Checked>;
}

/**
 * Searches every invariant of one section, saving what fails; `onChecked` hears each result as soon as it is
 * known, `onProgress` where the search of the `index`th invariant is.
 */
const runSection = <C, S, Op>(
  s: CheckSection<C, S, Op>,
  outDir: string | undefined,
  onProgress: (invariant: string, index: number, p: SearchProgress) => void,
  onChecked: (c: Checked, width: number) => void,
): SectionReport => ({
  specId: s.spec.id,
  configName: s.spec.configs.nameOf(s.config),
  maxSteps: s.search.maxSteps,
  width: nameWidth(s.spec),
  checked: s.invariants.map((invariant, index): Checked => {
    const result = searchInvariant(s.spec, s.config, invariant, {
      ...s.search,
      onProgress: (p) => onProgress(invariant.name, index, p),
    });
    const steps = result.status === "violated" ? narrate(s.spec, s.config, result.found.trace) : [];
    const file =
      result.status === "violated" && outDir !== undefined
        ? writing("--out", outDir, () =>
            saveCounterexample(
              outDir,
              s.spec,
              counterexampleFrom(s.spec, s.config, invariant, result.found, savedSteps(steps), {
                maxSteps: s.search.maxSteps,
                versions: { tool: packageVersion(), fastCheck: fc.__version },
              }),
            ),
          )
        : undefined;
    const checked = { invariant, result, steps, advice: s.spec.narration.advice?.(invariant.name), file };
    onChecked(checked, nameWidth(s.spec));
    return checked;
  }),
});

const resultJson = (c: Checked, configName: string | undefined) => {
  const { invariant, result, file } = c;
  const named = { invariant: invariant.name, ...(configName === undefined ? {} : { config: configName }) };
  return result.status === "holds"
    ? {
        ...named,
        status: "holds",
        runs: result.runs,
        steps: result.steps,
        nearMiss: {
          closeness: Number(result.nearMiss.closeness.toFixed(4)),
          meaning: result.nearMiss.meaning,
          seed: result.nearMiss.seed,
          path: result.nearMiss.path,
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
});

/** One invariant's lines of the human report. */
const humanChecked = (
  { invariant, result, steps: trace, advice, file }: Checked,
  width: number,
  searchAgain: (invariant: string, path?: string) => string,
): ReadonlyArray<string> => {
  if (result.status === "holds") {
    const nm = result.nearMiss;
    return [
      `${pad(invariant.name, width)}HOLDS     ${result.runs} runs, ${result.steps} steps`,
      `  near miss: ${(nm.closeness * 100).toFixed(0)}% (${nm.meaning}); replay that run: ${searchAgain(invariant.name, nm.path)}`,
    ];
  }
  const f = result.found;
  return [
    `${pad(invariant.name, width)}VIOLATED  after ${result.runs} runs; shrunk from ${f.lengthBeforeShrink} to ${steps(f.ops.length)}`,
    `  ${invariant.sentence}`,
    ...traceLines(trace),
    `  broken after step ${f.violationStep}: ${f.message}`,
    `  source: ${invariant.source}`,
    ...(advice === undefined ? [] : [`  ${advice}`]),
    ...(file === undefined ? [] : [`  saved: ${file}`, `  replay: npx outage replay ${shellWord(file)}`]),
    `  search again: ${searchAgain(invariant.name)}`,
  ];
};

/** The report's first line and the blank line after it. */
const headerLines = (
  configName: string,
  seed: number,
  runs: number,
  maxSteps: number,
): ReadonlyArray<string> => [
  `outage check: config ${configName}, seed ${seed}, up to ${runs} runs of up to ${maxSteps} steps per invariant`,
  "",
];

/** A later section's heading, before its first invariant. */
const sectionLines = (specId: string, maxSteps: number, configName: string): ReadonlyArray<string> => [
  "",
  `${specId} (traces of up to ${maxSteps} steps, config ${configName}):`,
  "",
];

/** The progress line of a search: which invariant, and its runs and steps, or its shrinking. */
export const progressText = (
  name: string,
  index: number,
  count: number,
  runs: number,
  p: SearchProgress,
): string => {
  const which = `${name} (${index + 1} of ${count})`;
  return p.phase === "searching"
    ? `${which}: run ${p.runs} of ${runs}, ${p.steps} steps`
    : `${which}: violated after ${p.runs} runs; ${p.phase} the counterexample, ${p.attempts} ${p.phase === "shrinking" ? "attempts" : "replays"}`;
};

/** Runs the check; returns the exit code (0 all hold, 1 a violation). */
export const runCheck = (req: CheckRequest, io: Io): number => {
  if (req.outDir !== undefined) writableDir("--out", req.outDir);
  const bar = progress(true, io);
  // The human report is written as it is known, line by line: the same bytes as all at once at the end.
  const print = (lines: ReadonlyArray<string>): void => {
    if (req.json || lines.length === 0) return;
    bar.done();
    io.out(lines.map((l) => `${l}\n`).join(""));
  };
  const reports = req.sections.map((s, i) =>
    s.run((sec) => {
      const configName = sec.spec.configs.nameOf(sec.config);
      if (i === 0) print(headerLines(configName, sec.search.seed, sec.search.runs, sec.search.maxSteps));
      else if (sec.invariants.length > 0) print(sectionLines(sec.spec.id, sec.search.maxSteps, configName));
      return runSection(
        sec,
        req.outDir,
        (name, index, p) =>
          bar.update(() => progressText(name, index, sec.invariants.length, sec.search.runs, p)),
        (c, width) => print(humanChecked(c, width, req.searchAgain)),
      );
    }),
  );
  bar.done();
  const search = req.sections[0]?.run((s) => s.search) ?? { seed: 0, runs: 0 };
  if (req.json) io.out(`${JSON.stringify(toJson(search.seed, reports), null, 2)}\n`);
  if (req.expected !== undefined) return reportExpectations(req.expected, reports, io);
  return reports.some((r) => r.checked.some((c) => c.result.status === "violated")) ? 1 : 0;
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
      status: c.result.status,
      expected: expected(r.specId, c.invariant.name),
    })),
  );
  const unexpected: ReadonlyArray<Unexpected> = verdicts.filter((v) => v.expected !== v.status);
  io.out(`\n${expectationLines(verdicts.length, unexpected, reports[0]?.configName ?? "").join("\n")}\n`);
  return unexpected.length === 0 ? 0 : 1;
};
