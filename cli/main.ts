// ---------------------------------------------------------------------------------------------------------
// cli: `npx outage <command>`. Parses flags, dispatches, and turns every user error into one line on stderr
// with exit code 2 (no stack trace). Exit 0: every checked invariant holds / the replay reproduces.
// Exit 1: a violation was found / the replay no longer reproduces.
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import { replayCounterexample } from "../checker/replay.ts";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../checker/search.ts";
import { REMEDIATION_NAMES } from "../model/config.ts";
import { BUILTIN_CONFIGS } from "../model/configs/index.ts";
import { asWasDependents } from "../model/dependents/asWas.ts";
import { INVARIANTS } from "../properties/index.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { onSaved } from "../specs/saved.ts";
import { blastRadiusCommand } from "./blastRadius.ts";
import { runCheck, section } from "./check.ts";
import { explain } from "./explain.ts";
import { applyRemediations, BadInput, bad, intFlag, loadConfigFile, selectInvariants } from "./input.ts";
import { captureIo, type Io } from "./io.ts";
import { matrix } from "./matrix.ts";
import { preflight } from "./preflight.ts";
import { recoveryCommand } from "./recovery.ts";
import { useSaved } from "./savedFile.ts";
import { scenarioCommand } from "./scenario.ts";
import { splitCheckFlags, systemCheckUsage, systemConfigOf } from "./specFlags.ts";
import { verify } from "./verify.ts";
import { packageVersion } from "./version.ts";

export const USAGE = `outage: a formal model of the 25 Nov 2020 AWS Kinesis outage, and a checker for it

Usage:
  npx outage check [--config NAME|FILE] [--remediation NAME ...] [--invariant NAME ...]
                   [--seed N] [--path P] [--runs N] [--max-steps N] [--out DIR | --no-save] [--json]
      Random search (fast-check) for a violation of each invariant; failures are shrunk to a minimal
      trace and saved in DIR (default counterexamples/). Exit 0 if all hold, 1 if one is violated.
  npx outage replay FILE ...
      Re-run saved counterexamples under their own config; exit 0 if every one still reproduces.
  npx outage explain FILE [--out OUT.md] [--chart OUT.svg] [--html OUT.html] [--format md|itf]
      Explain a saved counterexample for a design review: Markdown (stdout, or --out) with the story step
      by step, a Mermaid diagram and an SVG chart written beside it (--chart, default OUT.svg or FILE.svg);
      --html writes a self-contained trace explorer; --format itf prints the Informal Trace Format.
  npx outage config [NAME]
      Print a built-in config as a JSON config file, the starting point for your own (default as-was), with
      the dependent services' as-was numbers in its optional "dependents" section.
  npx outage scenario 2020-11-25 [--remediation NAME ...] [--json | --save-corpus FILE]
      Replay 25 Nov 2020 on the as-was system (5-minute ticks from 02:40 PST): the timeline of failures and
      recoveries per service, each one's first failure and recovery time. --remediation (core or dependent
      names, or all) runs the same operations under the remediated system. --save-corpus writes the
      as-was day (config, operations, expected timeline) to FILE (the committed copy:
      counterexamples/scenarios/2020-11-25.json, checked by npm test).
  npx outage recovery [--k K] [--seed N] [--runs N] [--json]
      For each config (as-was, R8, R4 cold start, R4+R8, K14 self-healing maps, all): does every service
      recover within K ticks (default 150) of the trigger's removal, with no push and with a paced restart,
      and the slowest recovery seen. Exit 0 if the paced restart recovers within K under every config.
  npx outage blast-radius SERVICE [--remediation NAME ...] [--json]
      Everything that transitively depends on SERVICE (kinesis, cognito, cloudwatch, autoscaling, lambda,
      eventbridge, ecs, eks, dashboard, customer); remediations cut the dependencies they isolate.
  npx outage verify [--config NAME|FILE] [--remediation NAME ...] [--invariant NAME ...]
                    [--max-depth N] [--max-states N] [--out DIR | --no-save] [--json]
      Exhaustive breadth-first search of every reachable state: per invariant PROVED (all states explored),
      BOUNDED (no violation within the depth reached) or VIOLATED (a shortest trace, saved in DIR).
      Defaults: --max-depth 100, --max-states 50000. Progress (states, depth, rate) goes to stderr.
      Dependent invariants named with --invariant (all of them with --config small-system, the dependents'
      checking config) are explored over systemStep: the fleet plus the invariant's cone of influence.
  npx outage verify --inductive [--config NAME|FILE] [--remediation NAME ...] [--invariant NAME ...]
                    [--samples N] [--max-enumerate N] [--json]
      Whether each invariant (and the strengthened invariants of the remediations on) is inductive: from
      every state satisfying it, every operation keeps it. Small domains are enumerated, large ones sampled.
  npx outage matrix [--out FILE] [--check]
      Regenerate docs/remediation-matrix.md: every invariant under every remediation set (none, each alone,
      all, all but one) with its verdict and evidence level, the minimal remediation sets and interactions;
      then the same for the dependent invariants and the dependent remediation sets.
      --check only compares with the file (exit 1 if out of date).
  npx outage preflight --fleet N --add K [--config NAME|FILE] [--remediation NAME ...]
                       [--search-limit N] [--json]
      Simulate adding K servers' worth to a fleet of N before deploying it: SAFE, or UNSAFE with the first
      invariant that breaks and the trace; plus the largest safe addition and the closed form
      base + perPeer × (n − 1) ≤ limit. Exit 0 safe, 1 unsafe.
  npx outage help, npx outage COMMAND --help
  npx outage --version
      Print the package's version (also -V).

Options:
  --config NAME|FILE   built-in config (${Object.keys(BUILTIN_CONFIGS).join(", ")}) or a JSON file; default as-was
  --remediation NAME   turn a remediation on (repeatable, or comma-separated); "all" turns every one on:
                       ${REMEDIATION_NAMES.join(", ")}
  --invariant NAME     check only this invariant (repeatable): ${INVARIANTS.map((i) => i.name).join(", ")}
  --seed N             fast-check seed (default ${DEFAULT_SEED}); same seed, same output
  --path P             fast-check replay path (as printed for a near miss): start the search at that run
  --runs N             random runs per invariant (default ${DEFAULT_RUNS})
  --max-steps N        longest generated operation sequence (default ${fleetSpec.defaultMaxSteps})
  --out DIR            where counterexamples are saved (default counterexamples)
  --no-save            save nothing
  --json               one JSON object on stdout (progress stays on stderr)
  --max-depth N        verify: explore at most N operations from the start (default 100)
  --max-states N       verify: stop once N states are visited (default 50000)
  --inductive          verify: check inductiveness instead of exploring reachable states
  --samples N          verify --inductive: fast-check samples of larger fleets (default 20000)
  --max-enumerate N    verify --inductive: enumerate fleets whose domain has at most N states (default 1000000)
  --fleet N, --add K   preflight: the fleet today and the proposed addition, in servers' worth
  --search-limit N     preflight: largest addition tried when looking for the largest safe one
  --check              matrix: compare with the file instead of writing it

${systemCheckUsage}
Exit codes: 0 holds / reproduces, 1 violated / does not reproduce, 2 bad input.
`;

const pathFlag = (value: string): string =>
  /^\d+(:\d+)*$/.test(value) ? value : bad(`--path ${value}: must be a fast-check path like 163 or 3:0:1`);

const check = (args: ReadonlyArray<string>, io: Io): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      config: { type: "string" },
      remediation: { type: "string", multiple: true },
      invariant: { type: "string", multiple: true },
      seed: { type: "string" },
      path: { type: "string" },
      runs: { type: "string" },
      "max-steps": { type: "string" },
      out: { type: "string" },
      "no-save": { type: "boolean" },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`check: unexpected argument ${positionals[0]}`);
  if (values.out !== undefined && values["no-save"]) bad("--out and --no-save cannot be used together");
  const split = splitCheckFlags(values.remediation ?? [], values.invariant ?? []);
  const loaded = loadConfigFile(values.config);
  const config = applyRemediations(loaded.core, split.coreRemediations);
  const path = values.path === undefined ? {} : { path: pathFlag(values.path) };
  const search = {
    seed: intFlag("--seed", values.seed, DEFAULT_SEED, -2147483648, 2147483647),
    runs: intFlag("--runs", values.runs, DEFAULT_RUNS, 1, 10_000_000),
    ...path,
  };
  const maxSteps = (fallback: number): number =>
    intFlag("--max-steps", values["max-steps"], fallback, 1, 100_000);
  return runCheck(
    {
      sections: [
        section({
          spec: fleetSpec,
          config,
          invariants: values.invariant === undefined ? selectInvariants([]) : split.coreInvariants,
          search: { ...search, maxSteps: maxSteps(fleetSpec.defaultMaxSteps) },
        }),
        section({
          spec: systemSpec,
          config: systemConfigOf(config, split.dependentRemediations, loaded.dependents),
          invariants: split.systemInvariants,
          search: { ...search, maxSteps: maxSteps(systemSpec.defaultMaxSteps) },
        }),
      ],
      json: values.json === true,
      outDir: values["no-save"] ? undefined : (values.out ?? "counterexamples"),
      // The user's own flags, so the command reruns this very search (the config's printed name, such as
      // as-was+preflightGuard, is not something --config accepts).
      searchAgain: (invariant, nearMissPath) =>
        [
          "npx outage check",
          `--config ${values.config ?? "as-was"}`,
          ...(values.remediation ?? []).map((r) => `--remediation ${r}`),
          `--invariant ${invariant}`,
          `--seed ${search.seed}`,
          ...(values.runs === undefined ? [] : [`--runs ${search.runs}`]),
          ...(values["max-steps"] === undefined ? [] : [`--max-steps ${values["max-steps"]}`]),
          ...(nearMissPath !== undefined
            ? [`--path ${nearMissPath}`]
            : values.path === undefined
              ? []
              : [`--path ${values.path}`]),
        ].join(" "),
    },
    io,
  );
};

const replay = (args: ReadonlyArray<string>, io: Io): number => {
  const { positionals } = parseArgs({ args: [...args], options: {}, strict: true, allowPositionals: true });
  if (positionals.length === 0) bad("replay: give one or more counterexample files");
  const outcomes = positionals.map((file) => {
    const r = onSaved(useSaved(file), (spec, saved) => replayCounterexample(spec, saved));
    io.out(`${r.reproduces ? "REPRODUCES" : "DOES NOT REPRODUCE"}  ${file}\n  ${r.detail}\n`);
    return r.reproduces;
  });
  return outcomes.every(Boolean) ? 0 : 1;
};

const config = (args: ReadonlyArray<string>, io: Io): number => {
  const { positionals } = parseArgs({ args: [...args], options: {}, strict: true, allowPositionals: true });
  if (positionals.length > 1) bad(`config: unexpected argument ${positionals[1]}`);
  const name = positionals[0] ?? "as-was";
  const c =
    BUILTIN_CONFIGS[name] ??
    bad(`config ${name}: unknown; built-in configs: ${Object.keys(BUILTIN_CONFIGS).join(", ")}`);
  // The dependents' section is optional in a config file; printed here so their numbers can be edited too.
  io.out(`${JSON.stringify({ ...c, dependents: asWasDependents }, null, 2)}\n`);
  return 0;
};

/**
 * `npx outage COMMAND --help`: that command's paragraphs of USAGE (a command may have several, as verify
 * does), then the options and exit codes; undefined for a command USAGE does not describe.
 */
export const commandUsage = (command: string): string | undefined => {
  const [head = "", tail = ""] = USAGE.split("\nOptions:\n");
  const paragraphs = head.split(/\n(?= {2}npx outage )/).slice(1);
  const mine = paragraphs.filter(
    (p) => p.startsWith(`  npx outage ${command} `) || p === `  npx outage ${command}`,
  );
  if (mine.length === 0) return undefined;
  const synopsis = mine.join("\n");
  // The options block, the dependents' block and the exit codes, separated by blank lines: the first two keep
  // only the entries this command's synopsis names, and a block left with none is dropped.
  const blocks = `Options:\n${tail}`
    .trimEnd()
    .split("\n\n")
    .flatMap((block) => {
      const [heading = "", ...lines] = block.split("\n");
      if (!lines[0]?.startsWith("  --")) return [block];
      const kept = optionsNamedIn(lines.join("\n"), synopsis);
      return kept === "" ? [] : [`${heading}\n${kept}`];
    });
  return `Usage:\n${synopsis}\n\n${blocks.join("\n\n")}\n`;
};

/**
 * The entries of an options block (an entry: a line starting with its flags, and the lines indented under it)
 * that `synopsis` names with the same argument, e.g. "--out DIR" (check) but not for "--out FILE" (matrix):
 * a command's --help lists only what it takes (`scenario --help` listed --seed, which scenario rejects).
 */
const optionsNamedIn = (entries: string, synopsis: string): string =>
  entries
    .split(/\n(?= {2}--)/)
    .filter((entry) =>
      (entry.trim().split(/ {3,}/)[0] ?? "")
        .split(", ")
        .some((label) => new RegExp(`${label.replace(/[|]/g, "\\|")}(?![a-zA-Z-])`).test(synopsis)),
    )
    .join("\n");

/** Runs one command line; every user error is one line on stderr with exit code 2, never a stack trace. */
export const main = (argv: ReadonlyArray<string>, io: Io): number => {
  try {
    return dispatch(argv, io);
  } catch (e) {
    if (isUserError(e)) {
      io.err(`outage: ${e.message.split("\n")[0]}\n`);
      return 2;
    }
    io.err(`outage: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
};

const dispatch = (argv: ReadonlyArray<string>, io: Io): number => {
  const [command, ...rest] = argv;
  const help = command === undefined ? undefined : commandUsage(command);
  if (help !== undefined && (rest.includes("--help") || rest.includes("-h"))) {
    io.out(help);
    return 0;
  }
  switch (command) {
    case "check":
      return check(rest, io);
    case "replay":
      return replay(rest, io);
    case "config":
      return config(rest, io);
    case "explain":
      return explain(rest, io);
    case "blast-radius":
      return blastRadiusCommand(rest, io);
    case "scenario":
      return scenarioCommand(rest, io);
    case "recovery":
      return recoveryCommand(rest, io);
    case "verify":
      return verify(rest, io);
    case "preflight":
      return preflight(rest, io);
    case "matrix":
      return matrix(rest, io);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      io.out(USAGE);
      return 0;
    case "--version":
    case "-V":
      io.out(`${packageVersion()}\n`);
      return 0;
    default:
      return bad(`unknown command ${command}; try: npx outage help`);
  }
};

/** parseArgs errors carry a code; they are the user's, like BadInput. */
const isUserError = (e: unknown): e is Error =>
  e instanceof BadInput || (e instanceof Error && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"));

/** `main` in this process, with what it wrote: how tests run the CLI without spawning Node. */
export const run = (argv: ReadonlyArray<string>): { code: number; stdout: string; stderr: string } => {
  const io = captureIo();
  const code = main(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};
