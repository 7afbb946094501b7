// ---------------------------------------------------------------------------------------------------------
// cli: the dependents' part of `outage check`. Splits `--remediation` and `--invariant` values between the
// core and the dependents, searches every selected dependent invariant over system traces, saves shrunk
// counterexamples under <out>/system/, and hands `runCheck` its report lines and JSON results to append.
// ---------------------------------------------------------------------------------------------------------

import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import type { SearchOptions } from "../checker/search.ts";
import {
  isSystemCounterexampleText,
  loadSystemCounterexample,
  SYSTEM_SCHEMA_VERSION,
  type SystemCounterexample,
  saveSystemCounterexample,
} from "../checker/systemCounterexample.ts";
import { replaySystemCounterexample } from "../checker/systemReplay.ts";
import {
  DEFAULT_SYSTEM_MAX_STEPS,
  type SystemSearchResult,
  searchSystemInvariant,
} from "../checker/systemSearch.ts";
import type { Config } from "../model/config.ts";
import { asWasDependents } from "../model/dependents/asWas.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediationName,
  type DependentsConfig,
  type SystemConfig,
  withDependentRemediations,
} from "../model/dependents/config.ts";
import { SYSTEM_INVARIANTS, type SystemInvariant } from "../properties/dependents/index.ts";
import { INVARIANTS, type Invariant } from "../properties/index.ts";
import { bad } from "./input.ts";
import type { Io } from "./io.ts";
import { progress } from "./progress.ts";

export interface SplitFlags {
  /** `--remediation` values for the core (including "all" when all was asked). */
  readonly coreRemediations: ReadonlyArray<string>;
  readonly dependentRemediations: ReadonlyArray<DependentRemediationName>;
  readonly coreInvariants: ReadonlyArray<Invariant>;
  readonly systemInvariants: ReadonlyArray<SystemInvariant>;
}

const names = (values: ReadonlyArray<string>): ReadonlyArray<string> =>
  values.flatMap((v) => v.split(",")).filter((v) => v !== "");

const isDependentRemediation = (n: string): n is DependentRemediationName =>
  (DEPENDENT_REMEDIATION_NAMES as ReadonlyArray<string>).includes(n);

/** Splits the flags; unknown invariant names are a BadInput naming both lists. */
export const splitCheckFlags = (
  remediations: ReadonlyArray<string>,
  invariants: ReadonlyArray<string>,
): SplitFlags => {
  const r = names(remediations);
  const all = r.includes("all");
  const i = names(invariants);
  const unknown = i.find(
    (n) => !INVARIANTS.some((x) => x.name === n) && !SYSTEM_INVARIANTS.some((x) => x.name === n),
  );
  if (unknown !== undefined)
    bad(
      `--invariant ${unknown}: unknown; expected one of ${[...INVARIANTS, ...SYSTEM_INVARIANTS].map((x) => x.name).join(", ")}`,
    );
  return {
    coreRemediations: r.filter((n) => !isDependentRemediation(n)),
    dependentRemediations: all ? DEPENDENT_REMEDIATION_NAMES : [...new Set(r.filter(isDependentRemediation))],
    coreInvariants: i.length === 0 ? INVARIANTS : INVARIANTS.filter((x) => i.includes(x.name)),
    systemInvariants:
      i.length === 0 ? SYSTEM_INVARIANTS : SYSTEM_INVARIANTS.filter((x) => i.includes(x.name)),
  };
};

/**
 * The system config: the (remediated) core config, the dependents' numbers (`as-was` unless a config file
 * gave its own), and the dependent remediations asked for.
 */
export const systemConfigOf = (
  core: Config,
  remediations: ReadonlyArray<DependentRemediationName>,
  dependents: DependentsConfig = asWasDependents,
): SystemConfig => {
  const all = remediations.length === DEPENDENT_REMEDIATION_NAMES.length && core.name.endsWith("+all");
  const c = withDependentRemediations({ ...core, dependents }, remediations);
  return all ? { ...c, name: core.name } : c;
};

export interface SystemCheckReport {
  readonly human: string;
  readonly json: ReadonlyArray<unknown>;
  readonly violated: boolean;
}

const pad = (s: string, n: number): string => s + " ".repeat(Math.max(1, n - s.length));

const counterexampleOf = (
  config: SystemConfig,
  inv: SystemInvariant,
  r: SystemSearchResult,
): SystemCounterexample | undefined =>
  r.status === "holds"
    ? undefined
    : {
        kind: "system",
        schemaVersion: SYSTEM_SCHEMA_VERSION,
        invariant: inv.name,
        message: r.found.message,
        source: inv.source,
        config,
        seed: r.found.seed,
        path: r.found.path,
        ops: r.found.ops,
        violationStep: r.found.violationStep,
        steps: r.found.trace.steps.map((s) => ({ step: s.step, label: s.label, changes: s.changes })),
      };

/**
 * Searches each dependent invariant. `maxStepsGiven`: whether `--max-steps` was set; if not, system traces get
 * their own longer default (DEFAULT_SYSTEM_MAX_STEPS), since an impairment must last for a buffer to fill.
 */
export const runSystemChecks = (
  req: {
    readonly config: SystemConfig;
    readonly invariants: ReadonlyArray<SystemInvariant>;
    readonly search: Omit<SearchOptions, "onRun">;
    readonly outDir: string | undefined;
  },
  io: Io,
): SystemCheckReport => {
  const bar = progress(true, io);
  const lines: string[] = [];
  const json: unknown[] = [];
  let violated = false;
  if (req.invariants.length > 0)
    lines.push(
      "",
      `dependents (system traces of up to ${req.search.maxSteps} steps, config ${req.config.name}):`,
      "",
    );
  for (const inv of req.invariants) {
    const r = searchSystemInvariant(req.config, inv, {
      ...req.search,
      onRun: (n) => bar.update(`${inv.name}: ${n}/${req.search.runs} runs`),
    });
    const cx = counterexampleOf(req.config, inv, r);
    const file =
      cx !== undefined && req.outDir !== undefined ? saveSystemCounterexample(req.outDir, cx) : undefined;
    if (r.status === "holds") {
      const nm = r.nearMiss;
      lines.push(`${pad(inv.name, 45)}HOLDS     ${r.runs} runs, ${r.steps} steps`);
      lines.push(
        `  near miss: ${(nm.closeness * 100).toFixed(0)}% (${nm.meaning}); replay with --seed ${nm.seed}, fast-check path "${nm.path}"`,
      );
      json.push({
        invariant: inv.name,
        config: req.config.name,
        status: "holds",
        runs: r.runs,
        steps: r.steps,
        nearMiss: {
          closeness: Number(nm.closeness.toFixed(4)),
          meaning: nm.meaning,
          seed: nm.seed,
          path: nm.path,
        },
      });
      continue;
    }
    violated = true;
    const f = r.found;
    lines.push(
      `${pad(inv.name, 45)}VIOLATED  after ${r.runs} runs; shrunk from ${f.lengthBeforeShrink} to ${f.ops.length} steps`,
    );
    lines.push(`  ${inv.sentence}`);
    for (const s of f.trace.steps) {
      lines.push(`  ${String(s.step).padStart(3)}. ${s.label}`);
      for (const c of s.changes) lines.push(`         ${c}`);
    }
    lines.push(`  broken after step ${f.violationStep}: ${f.message}`);
    lines.push(`  source: ${inv.source}`);
    lines.push(`  fixed by: ${inv.remediedBy.map((set) => `--remediation ${set.join(",")}`).join(" or ")}`);
    if (file !== undefined) lines.push(`  saved: ${file}`, `  replay: npx outage replay ${file}`);
    lines.push(`  search again: npx outage check --invariant ${inv.name} --seed ${req.search.seed}`);
    json.push({
      invariant: inv.name,
      config: req.config.name,
      status: "violated",
      runs: r.runs,
      steps: r.steps,
      counterexample: {
        seed: f.seed,
        path: f.path,
        ops: f.ops,
        trace: f.trace.steps.map((s) => ({ step: s.step, label: s.label, changes: s.changes })),
        violationStep: f.violationStep,
        message: f.message,
        lengthBeforeShrink: f.lengthBeforeShrink,
        file: file ?? null,
      },
    });
  }
  bar.done();
  return { human: lines.length === 0 ? "" : `${lines.join("\n")}\n`, json, violated };
};

/** A system counterexample file replayed, or undefined when `file` is not one (it is then replayed as a core file). */
export const replaySystemFile = (
  file: string,
): { readonly reproduces: boolean; readonly detail: string } | undefined => {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  if (!isSystemCounterexampleText(text)) return undefined;
  const loaded = loadSystemCounterexample(file);
  return E.isLeft(loaded) ? bad(loaded.left) : replaySystemCounterexample(loaded.right);
};

/** The USAGE lines for the dependents' part of `check`. */
export const systemCheckUsage = `Dependents (checked by \`check\` too, over system traces of up to ${DEFAULT_SYSTEM_MAX_STEPS} steps unless --max-steps):
  --invariant NAME     also: ${SYSTEM_INVARIANTS.map((i) => i.name).join(", ")}
  --remediation NAME   also: ${DEPENDENT_REMEDIATION_NAMES.join(", ")}
`;
