// ---------------------------------------------------------------------------------------------------------
// cli: the dependents' part of `outage verify`: exhaustive bounded search over `systemStep`
// (checker/verify/systemBfs.ts) for each dependent invariant asked for. Splits `--config`, `--remediation` and
// `--invariant` between the core and the dependents; `--config small-system` is the dependents' checking config
// (model/dependents/small.ts). A violation's shortest trace is saved under <out>/system/ like any system
// counterexample (seed 0, empty path: it comes from exhaustive search) and replays with `npx outage replay`.
// ---------------------------------------------------------------------------------------------------------

import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  SYSTEM_CORPUS_SUBDIR,
  SYSTEM_SCHEMA_VERSION,
  type SystemCounterexample,
  saveSystemCounterexample,
  systemCounterexampleFileName,
} from "../checker/systemCounterexample.ts";
import { runSystemTrace } from "../checker/systemTrace.ts";
import { exploreSystemBreadthFirst, type SystemBfsVerdict } from "../checker/verify/systemBfs.ts";
import { DEPENDENT_REMEDIATION_NAMES, withDependentRemediations } from "../model/dependents/config.ts";
import { smallSystem } from "../model/dependents/small.ts";
import type { SystemInvariant } from "../properties/dependents/index.ts";
import type { Invariant } from "../properties/index.ts";
import { splitCheckFlags, systemConfigOf } from "./checkSystem.ts";
import { applyRemediations, loadConfig } from "./input.ts";
import type { Io } from "./io.ts";
import { progress } from "./progress.ts";

/** The name `--config` accepts for the dependents' checking config. */
export const SMALL_SYSTEM = "small-system";

export interface VerifyPlan {
  /** The core config name to load (`small` for `small-system`) and its remediation flags. */
  readonly coreConfig: string | undefined;
  readonly coreRemediations: ReadonlyArray<string>;
  /** Core invariants to explore with the core BFS (none when only dependents were asked for). */
  readonly coreInvariants: ReadonlyArray<Invariant>;
  readonly systemInvariants: ReadonlyArray<SystemInvariant>;
  readonly systemConfig: ReturnType<typeof systemConfigOf>;
}

/**
 * What to verify. Dependent invariants are explored when named with `--invariant`, or all of them with
 * `--config small-system` and no `--invariant`; core invariants when named, or all of them when none is named and
 * the config is not `small-system` (so `verify` without dependent flags does what it always did).
 */
export const planVerify = (
  config: string | undefined,
  remediations: ReadonlyArray<string>,
  invariants: ReadonlyArray<string>,
): VerifyPlan => {
  const split = splitCheckFlags(remediations, invariants);
  const named = invariants.some((v) => v.split(",").some((n) => n !== ""));
  const smallSys = config === SMALL_SYSTEM;
  const coreConfig = smallSys ? "small" : config;
  const core = applyRemediations(loadConfig(coreConfig), split.coreRemediations);
  const all =
    core.name.endsWith("+all") && split.dependentRemediations.length === DEPENDENT_REMEDIATION_NAMES.length;
  const systemConfig = smallSys
    ? all
      ? withDependentRemediations(
          { ...smallSystem, ...core, name: `${SMALL_SYSTEM}+all` },
          DEPENDENT_REMEDIATION_NAMES,
        )
      : withDependentRemediations(
          { ...smallSystem, ...core, name: SMALL_SYSTEM },
          split.dependentRemediations,
        )
    : systemConfigOf(core, split.dependentRemediations);
  return {
    coreConfig,
    coreRemediations: split.coreRemediations,
    coreInvariants: named ? split.coreInvariants : smallSys ? [] : split.coreInvariants,
    systemInvariants: named ? split.systemInvariants : smallSys ? split.systemInvariants : [],
    systemConfig,
  };
};

const pad = (s: string, n: number): string => s + " ".repeat(Math.max(1, n - s.length));

const steps = (n: number): string => `${n} step${n === 1 ? "" : "s"}`;

/** Saves a shortest trace unless the corpus already holds the same one. */
const save = (
  outDir: string,
  plan: VerifyPlan,
  inv: SystemInvariant,
  verdict: Extract<SystemBfsVerdict, { status: "violated" }>,
): { readonly path: string; readonly existed: boolean } => {
  const trace = runSystemTrace(plan.systemConfig, verdict.ops, [inv]);
  const c: SystemCounterexample = {
    kind: "system",
    schemaVersion: SYSTEM_SCHEMA_VERSION,
    invariant: inv.name,
    message: verdict.message,
    source: inv.source,
    config: plan.systemConfig,
    seed: 0,
    path: "",
    ops: verdict.ops,
    violationStep: verdict.ops.length,
    steps: trace.steps.map((s) => ({ step: s.step, label: s.label, changes: s.changes })),
  };
  const existing = join(outDir, SYSTEM_CORPUS_SUBDIR, systemCounterexampleFileName(c));
  return existsSync(existing)
    ? { path: existing, existed: true }
    : { path: saveSystemCounterexample(outDir, c), existed: false };
};

export interface SystemVerifyReport {
  readonly human: string;
  /** Entries for the `results` array of `verify --json`. */
  readonly json: ReadonlyArray<unknown>;
  readonly violated: boolean;
}

/** Explores each dependent invariant of the plan and reports it in `verify`'s terms. */
export const runSystemVerify = (
  plan: VerifyPlan,
  bounds: { readonly maxDepth: number; readonly maxStates: number },
  outDir: string | undefined,
  io: Io,
): SystemVerifyReport => {
  const config = plan.systemConfig;
  const lines: string[] =
    plan.systemInvariants.length === 0
      ? []
      : [
          "",
          `dependents (config ${config.name}): breadth-first over the fleet and each invariant's cone of influence, up to depth ${bounds.maxDepth} and ${bounds.maxStates} states`,
          "",
        ];
  const json: unknown[] = [];
  let violated = false;
  const bar = progress(true, io);
  for (const inv of plan.systemInvariants) {
    const started = Date.now();
    const r = exploreSystemBreadthFirst(config, inv, {
      ...bounds,
      onProgress: (p) => {
        const seconds = Math.max(0.001, (Date.now() - started) / 1000);
        bar.update(
          `verify ${inv.name}: ${p.states} states, depth ${p.depth}, ${Math.round(p.states / seconds)} states/s`,
        );
      },
    });
    const v = r.verdict;
    const base = {
      invariant: inv.name,
      config: config.name,
      cone: r.cone,
      status: v.status,
      states: v.states,
      depth: v.depth,
    };
    if (v.status === "proved") {
      lines.push(
        `${pad(inv.name, 45)}PROVED    in all ${v.states} reachable states of the fleet and ${r.cone.join(", ")} (diameter ${v.depth})`,
      );
      json.push(base);
      continue;
    }
    if (v.status === "bounded") {
      lines.push(
        `${pad(inv.name, 45)}BOUNDED   no violation within ${steps(v.depth)} of the start (${v.states} states; stopped at --${v.bound})`,
      );
      json.push({ ...base, bound: v.bound });
      continue;
    }
    violated = true;
    const trace = runSystemTrace(config, v.ops, [inv]);
    const saved = outDir === undefined ? undefined : save(outDir, plan, inv, v);
    lines.push(`${pad(inv.name, 45)}VIOLATED  shortest counterexample: ${steps(v.depth)}`);
    lines.push(`  ${inv.sentence}`);
    for (const s of trace.steps) {
      lines.push(`  ${String(s.step).padStart(3)}. ${s.label}`);
      for (const c of s.changes) lines.push(`         ${c}`);
    }
    lines.push(`  broken after step ${v.depth}: ${v.message}`);
    lines.push(`  source: ${inv.source}`);
    if (saved !== undefined) {
      lines.push(saved.existed ? `  already in the corpus: ${saved.path}` : `  saved: ${saved.path}`);
      lines.push(`  replay: npx outage replay ${saved.path}`);
    }
    json.push({
      ...base,
      counterexample: {
        length: v.ops.length,
        ops: v.ops,
        trace: trace.steps.map((s) => ({ step: s.step, label: s.label, changes: s.changes })),
        violationStep: v.ops.length,
        message: v.message,
        file: saved?.path ?? null,
      },
    });
  }
  bar.done();
  return { human: lines.length === 0 ? "" : `${lines.join("\n")}\n`, json, violated };
};
