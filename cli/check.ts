// ---------------------------------------------------------------------------------------------------------
// cli: `outage check`: search every selected invariant, save and print counterexamples, report near misses.
// ---------------------------------------------------------------------------------------------------------

import { saveCounterexample } from "../checker/corpus.ts";
import { counterexampleFrom } from "../checker/counterexample.ts";
import { type SearchOptions, type SearchResult, searchInvariant } from "../checker/search.ts";
import type { TraceStep } from "../checker/trace.ts";
import type { Config } from "../model/config.ts";
import type { Invariant } from "../properties/index.ts";
import type { Io } from "./io.ts";
import { progress } from "./progress.ts";

export interface CheckRequest {
  readonly config: Config;
  readonly invariants: ReadonlyArray<Invariant>;
  readonly search: Omit<SearchOptions, "onRun">;
  readonly json: boolean;
  /** Folder to save counterexamples in, or undefined to save nothing. */
  readonly outDir: string | undefined;
  /** Results of other checks (the dependents', cli/checkSystem.ts) appended to the report. */
  readonly appendix?: {
    readonly human: string;
    readonly json: ReadonlyArray<unknown>;
    readonly violated: boolean;
  };
}

interface Checked {
  readonly invariant: Invariant;
  readonly result: SearchResult;
  readonly file: string | undefined;
}

const stepJson = (s: TraceStep) => ({ step: s.step, label: s.label, changes: s.changes });

const toJson = (req: CheckRequest, checked: ReadonlyArray<Checked>) => ({
  config: req.config.name,
  seed: req.search.seed,
  results: checked.map(({ invariant, result, file }) =>
    result.status === "holds"
      ? {
          invariant: invariant.name,
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
          invariant: invariant.name,
          status: "violated",
          runs: result.runs,
          steps: result.steps,
          counterexample: {
            seed: result.found.seed,
            path: result.found.path,
            ops: result.found.ops,
            trace: result.found.trace.steps.map(stepJson),
            violationStep: result.found.violationStep,
            message: result.found.message,
            lengthBeforeShrink: result.found.lengthBeforeShrink,
            file: file ?? null,
          },
        },
  ),
});

const pad = (s: string, n: number): string => s + " ".repeat(Math.max(1, n - s.length));

const human = (req: CheckRequest, checked: ReadonlyArray<Checked>): string => {
  const { seed, runs, maxSteps } = req.search;
  const lines = [
    `outage check: config ${req.config.name}, seed ${seed}, up to ${runs} runs of up to ${maxSteps} steps per invariant`,
    "",
  ];
  for (const { invariant, result, file } of checked) {
    if (result.status === "holds") {
      const nm = result.nearMiss;
      lines.push(`${pad(invariant.name, 27)}HOLDS     ${result.runs} runs, ${result.steps} steps`);
      lines.push(
        `  near miss: ${(nm.closeness * 100).toFixed(0)}% (${nm.meaning}); replay that run: --seed ${nm.seed} --path ${nm.path}`,
      );
      continue;
    }
    const f = result.found;
    lines.push(
      `${pad(invariant.name, 27)}VIOLATED  after ${result.runs} runs; shrunk from ${f.lengthBeforeShrink} to ${f.ops.length} step${f.ops.length === 1 ? "" : "s"}`,
    );
    lines.push(`  ${invariant.sentence}`);
    for (const s of f.trace.steps) {
      lines.push(`  ${String(s.step).padStart(3)}. ${s.label}`);
      for (const c of s.changes) lines.push(`         ${c}`);
    }
    lines.push(`  broken after step ${f.violationStep}: ${f.message}`);
    lines.push(`  source: ${invariant.source}`);
    if (file !== undefined) {
      lines.push(`  saved: ${file}`);
      lines.push(`  replay: npx outage replay ${file}`);
    }
    lines.push(
      `  search again: npx outage check --config ${req.config.name} --invariant ${invariant.name} --seed ${seed}`,
    );
  }
  return `${lines.join("\n")}\n`;
};

/** Runs the check; returns the exit code (0 all hold, 1 a violation). */
export const runCheck = (req: CheckRequest, io: Io): number => {
  const bar = progress(true, io);
  const checked = req.invariants.map((invariant): Checked => {
    const result = searchInvariant(req.config, invariant, {
      ...req.search,
      onRun: (n) => bar.update(`${invariant.name}: ${n}/${req.search.runs} runs`),
    });
    const file =
      result.status === "violated" && req.outDir !== undefined
        ? saveCounterexample(req.outDir, counterexampleFrom(req.config, invariant, result.found))
        : undefined;
    return { invariant, result, file };
  });
  bar.done();
  const json = {
    ...toJson(req, checked),
    results: [...toJson(req, checked).results, ...(req.appendix?.json ?? [])],
  };
  io.out(req.json ? `${JSON.stringify(json, null, 2)}\n` : human(req, checked) + (req.appendix?.human ?? ""));
  return checked.some((c) => c.result.status === "violated") || req.appendix?.violated === true ? 1 : 0;
};
