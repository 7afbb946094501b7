// ---------------------------------------------------------------------------------------------------------
// cli: `outage verify`: exhaustive bounded verification by breadth-first search (checker/verify/bfs.ts), or with
// `--inductive`, the inductive-invariant checks (checker/verify/inductive.ts). Every verdict names the level of
// evidence it rests on: proved (every reachable state), bounded (every state within D steps), violated (a
// shortest trace, saved and replayable like any other counterexample).
// ---------------------------------------------------------------------------------------------------------

import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { counterexampleFileName, saveCounterexample } from "../checker/corpus.ts";
import { counterexampleFrom } from "../checker/counterexample.ts";
import { DEFAULT_MAX_STEPS, DEFAULT_RUNS, DEFAULT_SEED, searchInvariant } from "../checker/search.ts";
import { runTrace, type TraceStep } from "../checker/trace.ts";
import { type BfsVerdict, exploreBreadthFirst } from "../checker/verify/bfs.ts";
import type { Config } from "../model/config.ts";
import { systemInvariantNamed } from "../properties/dependents/index.ts";
import type { Invariant } from "../properties/index.ts";
import { runInductive } from "./inductive.ts";
import { applyRemediations, bad, intFlag, loadConfig } from "./input.ts";
import type { Io } from "./io.ts";
import { progress } from "./progress.ts";
import { planVerify, runSystemVerify } from "./verifySystem.ts";

export const DEFAULT_MAX_DEPTH = 100;
export const DEFAULT_MAX_STATES = 50_000;

/** What the random checker makes of the same violation, for the shrink-quality comparison. */
interface RandomComparison {
  readonly status: "violated" | "holds";
  /** Length of its shrunk counterexample (when violated). */
  readonly length?: number;
  readonly lengthBeforeShrink?: number;
  readonly seed: number;
  readonly runs: number;
}

interface Verified {
  readonly invariant: Invariant;
  readonly verdict: BfsVerdict;
  readonly trace?: ReadonlyArray<TraceStep>;
  readonly random?: RandomComparison;
  readonly file?: string;
  /** Whether the corpus already held this counterexample (then it was not rewritten). */
  readonly existed?: boolean;
}

/** Runs the random checker with its defaults on an invariant BFS found violated. */
const compareWithRandom = (config: Config, invariant: Invariant): RandomComparison => {
  const r = searchInvariant(config, invariant, {
    seed: DEFAULT_SEED,
    runs: DEFAULT_RUNS,
    maxSteps: DEFAULT_MAX_STEPS,
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

/** Saves a BFS counterexample unless the corpus already holds the same one (same invariant, config, ops). */
const save = (
  outDir: string,
  config: Config,
  invariant: Invariant,
  verdict: BfsVerdict,
): { readonly path: string; readonly existed: boolean } | undefined => {
  if (verdict.status !== "violated") return undefined;
  const trace = runTrace(config, verdict.ops, [invariant]);
  const c = counterexampleFrom(config, invariant, {
    // Found by exhaustive search, not by a seed: seed 0 and an empty fast-check path (docs/verify.md).
    seed: 0,
    path: "",
    ops: verdict.ops,
    violationStep: verdict.ops.length,
    message: verdict.message,
    trace,
  });
  const existing = join(outDir, counterexampleFileName(c));
  return existsSync(existing)
    ? { path: existing, existed: true }
    : { path: saveCounterexample(outDir, c), existed: false };
};

const toJson = (
  config: Config,
  bounds: { readonly maxDepth: number; readonly maxStates: number },
  total: { readonly states: number; readonly transitions: number; readonly complete: boolean },
  verified: ReadonlyArray<Verified>,
) => ({
  config: config.name,
  maxDepth: bounds.maxDepth,
  maxStates: bounds.maxStates,
  states: total.states,
  transitions: total.transitions,
  complete: total.complete,
  results: verified.map(({ invariant, verdict, trace, random, file }) => ({
    invariant: invariant.name,
    status: verdict.status,
    states: verdict.states,
    depth: verdict.depth,
    ...(verdict.status === "bounded" ? { bound: verdict.bound } : {}),
    ...(verdict.status === "violated"
      ? {
          counterexample: {
            length: verdict.ops.length,
            ops: verdict.ops,
            trace: (trace ?? []).map((s) => ({ step: s.step, label: s.label, changes: s.changes })),
            violationStep: verdict.ops.length,
            message: verdict.message,
            randomSearch: random,
            file: file ?? null,
          },
        }
      : {}),
  })),
});

const pad = (s: string, n: number): string => s + " ".repeat(Math.max(1, n - s.length));

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

const human = (
  config: Config,
  bounds: { readonly maxDepth: number; readonly maxStates: number },
  total: { readonly states: number; readonly transitions: number; readonly complete: boolean },
  verified: ReadonlyArray<Verified>,
): string => {
  const lines = [
    `outage verify: config ${config.name}, breadth-first up to depth ${bounds.maxDepth} and ${bounds.maxStates} states`,
    `  visited ${total.states} states over ${total.transitions} transitions; ${total.complete ? "every reachable state explored" : "stopped at a bound"}`,
    "",
  ];
  for (const { invariant, verdict, trace, random, file, existed } of verified) {
    if (verdict.status === "proved") {
      lines.push(
        `${pad(invariant.name, 27)}PROVED    in all ${verdict.states} reachable states (diameter ${verdict.depth})`,
      );
      continue;
    }
    if (verdict.status === "bounded") {
      lines.push(
        `${pad(invariant.name, 27)}BOUNDED   no violation within ${verdict.depth} steps of the start (${verdict.states} states; stopped at --${verdict.bound})`,
      );
      continue;
    }
    lines.push(
      `${pad(invariant.name, 27)}VIOLATED  shortest counterexample: ${verdict.depth} step${verdict.depth === 1 ? "" : "s"}${shrinkNote(verdict.depth, random)}`,
    );
    lines.push(`  ${invariant.sentence}`);
    for (const s of trace ?? []) {
      lines.push(`  ${String(s.step).padStart(3)}. ${s.label}`);
      for (const c of s.changes) lines.push(`         ${c}`);
    }
    lines.push(`  broken after step ${verdict.depth}: ${verdict.message}`);
    lines.push(`  source: ${invariant.source}`);
    if (file !== undefined) {
      lines.push(existed ? `  already in the corpus: ${file}` : `  saved: ${file}`);
      lines.push(`  replay: npx outage replay ${file}`);
    }
  }
  return `${lines.join("\n")}\n`;
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
      inductive: { type: "boolean" },
      samples: { type: "string" },
      "max-enumerate": { type: "string" },
      out: { type: "string" },
      "no-save": { type: "boolean" },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`verify: unexpected argument ${positionals[0]}`);
  if (values.out !== undefined && values["no-save"]) bad("--out and --no-save cannot be used together");
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
  const invariants = plan.coreInvariants;
  const bounds = {
    maxDepth: intFlag("--max-depth", values["max-depth"], DEFAULT_MAX_DEPTH, 0, 1_000_000),
    maxStates: intFlag("--max-states", values["max-states"], DEFAULT_MAX_STATES, 1, 100_000_000),
  };
  const outDir = values["no-save"] ? undefined : (values.out ?? "counterexamples");

  const bar = progress(invariants.length > 0, io);
  const started = Date.now();
  const result = exploreBreadthFirst(config, invariants, {
    ...bounds,
    onProgress: (p) => {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(
        `verify: ${p.states} states, depth ${p.depth}, ${Math.round(p.states / seconds)} states/s, ${p.transitions} transitions`,
      );
    },
  });
  bar.done();
  const verified = result.verdicts.map(({ invariant, verdict }): Verified => {
    if (verdict.status !== "violated") return { invariant, verdict };
    const trace = runTrace(config, verdict.ops, [invariant]).steps;
    const random = compareWithRandom(config, invariant);
    const saved = outDir === undefined ? undefined : save(outDir, config, invariant, verdict);
    return {
      invariant,
      verdict,
      trace,
      random,
      ...(saved === undefined ? {} : { file: saved.path, existed: saved.existed }),
    };
  });
  const system = runSystemVerify(plan, bounds, outDir, io);
  const core =
    invariants.length === 0
      ? { config: plan.systemConfig.name, ...bounds, results: [] }
      : toJson(config, bounds, result, verified);
  io.out(
    values.json
      ? `${JSON.stringify({ ...core, results: [...core.results, ...system.json] }, null, 2)}\n`
      : `${invariants.length === 0 ? "" : human(config, bounds, result, verified)}${system.human}`,
  );
  return verified.some((v) => v.verdict.status === "violated") || system.violated ? 1 : 0;
};
