// ---------------------------------------------------------------------------------------------------------
// cli: `npx outage <command>`. Parses flags, dispatches, and turns every user error into one line on stderr
// with exit code 2 (no stack trace). Exit 0: every checked invariant holds / the replay reproduces.
// Exit 1: a violation was found / the replay no longer reproduces. Exit 2: bad input or an I/O error.
// Exit 3: anything else thrown, an internal error (a bug in the tool). USAGE lists all four.
// ---------------------------------------------------------------------------------------------------------

import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../checker/defaults.ts";
import { replayCounterexample } from "../checker/replay.ts";
import { StepDisagreement } from "../checker/verify/crossCheck.ts";
import { CONFIG_SCHEMA_REF } from "../explain/configSchema.ts";
import { shellWord } from "../explain/markdown.ts";
import type { Config } from "../model/config.ts";
import { asWasDependents } from "../model/configs/asWasDependents.ts";
import { BUILTIN_CONFIGS } from "../model/configs/index.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { oneLine } from "../model/oneLine.ts";
import { EXPECTATIONS, type Outcome } from "../properties/expectations.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { type Loaded, onSaved } from "../specs/saved.ts";
import { blastRadiusCommand } from "./blastRadius.ts";
import { runCheck, section } from "./check.ts";
import { fleetOutcomes, systemOutcomes } from "./expect.ts";
import { explain } from "./explain.ts";
import {
  applyRemediations,
  BadInput,
  bad,
  intFlag,
  ioReason,
  loadConfigFile,
  selectInvariants,
} from "./input.ts";
import { captureIo, type Io } from "./io.ts";
import { matrix, matrixArgs } from "./matrix.ts";
import { preflight } from "./preflight.ts";
import { proveArgs, proveCommand } from "./prove.ts";
import { recoveryCommand } from "./recovery.ts";
import { replayWithFix } from "./replayFix.ts";
import { useLoaded } from "./savedFile.ts";
import { scenarioCommand } from "./scenario.ts";
import { sensitivityCommand } from "./sensitivity.ts";
import { splitCheckFlags, systemConfigOf } from "./specFlags.ts";
import { helpRequest } from "./usage.ts";
import { verify } from "./verify.ts";

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
      "near-miss": { type: "string" },
      "out-itf": { type: "string" },
      json: { type: "boolean" },
      expect: { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`check: unexpected argument ${positionals[0]}`);
  if (values.out !== undefined && values["no-save"]) bad("--out and --no-save cannot be used together");
  if (
    values["near-miss"] !== undefined &&
    resolve(values["near-miss"]) === resolve(values.out ?? "counterexamples")
  )
    bad(
      `--near-miss ${values["near-miss"]}: give a folder other than the counterexamples' (--out), which holds violations only`,
    );
  const split = splitCheckFlags(values.remediation ?? [], values.invariant ?? []);
  const loaded = loadConfigFile(values.config);
  const config = applyRemediations(loaded.core, split.coreRemediations);
  const systemConfig = systemConfigOf(config, split.dependentRemediations, loaded.dependents);
  const coreInvariants = values.invariant === undefined ? selectInvariants([]) : split.coreInvariants;
  const expected =
    values.expect === true
      ? expectedOf(
          config,
          systemConfig,
          coreInvariants.map((i) => i.name),
          split.systemInvariants.map((i) => i.name),
          values.json === true,
        )
      : undefined;
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
          invariants: coreInvariants,
          search: { ...search, maxSteps: maxSteps(fleetSpec.defaultMaxSteps) },
        }),
        section({
          spec: systemSpec,
          config: systemConfig,
          invariants: split.systemInvariants,
          search: { ...search, maxSteps: maxSteps(systemSpec.defaultMaxSteps) },
        }),
      ],
      json: values.json === true,
      ...(expected === undefined ? {} : { expected }),
      outDir: values["no-save"] ? undefined : (values.out ?? "counterexamples"),
      ...(values["near-miss"] === undefined ? {} : { nearMissDir: values["near-miss"] }),
      ...(values["out-itf"] === undefined ? {} : { outItf: values["out-itf"] }),
      // The user's own flags, so the command reruns this very search (the config's printed name, such as
      // as-was+preflightGuard, is not something --config accepts), each quoted for a POSIX shell if it must be.
      searchAgain: (invariant, nearMissPath) =>
        [
          "npx outage check",
          `--config ${shellWord(values.config ?? "as-was")}`,
          ...(values.remediation ?? []).map((r) => `--remediation ${shellWord(r)}`),
          `--invariant ${invariant}`,
          `--seed ${search.seed}`,
          ...(values.runs === undefined ? [] : [`--runs ${search.runs}`]),
          ...(values["max-steps"] === undefined ? [] : [`--max-steps ${shellWord(values["max-steps"])}`]),
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

/**
 * `check --expect`: the recorded outcome of every invariant asked for, looked up before searching; a config
 * or invariant with none recorded is bad input, so no verdict goes unjudged.
 */
const expectedOf = (
  config: Config,
  systemConfig: SystemConfig,
  coreNames: ReadonlyArray<string>,
  systemNames: ReadonlyArray<string>,
  json: boolean,
): ((specId: string, invariant: string) => Outcome) => {
  if (json) bad("--expect ends the report with its verdict line; it cannot be used with --json");
  const recorded = `as-was with --remediation ${EXPECTATIONS.map((e) => (e.remediations === "all" ? "all" : e.remediations.join(",") || "(none)")).join(" | ")} (properties/expectations.ts)`;
  const fleet =
    coreNames.length === 0
      ? {}
      : (fleetOutcomes(config) ??
        bad(`--expect: no outcomes recorded for config ${config.name}; recorded: ${recorded}`));
  const system =
    systemNames.length === 0
      ? {}
      : (systemOutcomes(systemConfig) ??
        bad(
          `--expect: no dependents' outcomes recorded for config ${systemConfig.name}; recorded: as-was and as-was with --remediation all (properties/dependents/expectations.ts)`,
        ));
  return (specId, invariant) =>
    (specId === fleetSpec.id ? fleet : system)[invariant] ??
    bad(
      `--expect: no outcome recorded for ${invariant} under ${specId === fleetSpec.id ? config.name : systemConfig.name}`,
    );
};

const replay = (args: ReadonlyArray<string>, io: Io): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { config: { type: "string" }, remediation: { type: "string", multiple: true } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) bad("replay: give one or more counterexample files");
  if (values.remediation !== undefined) {
    if (values.config !== undefined)
      bad("replay: --remediation replays saved counterexamples under their own config, without --config");
    return replayWithFix(positionals, values.remediation, io);
  }
  const outcomes = positionals.map((file) => {
    const loaded = useLoaded(file, values.config);
    const r = replayLoaded(loaded);
    io.out(`${r.verdict}  ${file}\n${r.lines.map((l) => `  ${l}\n`).join("")}`);
    return r.verdict !== "DOES NOT REPRODUCE";
  });
  return outcomes.every(Boolean) ? 0 : 1;
};

/**
 * A loaded file replayed: an ITF trace's states must agree with `step`'s first; then its counterexample must
 * reproduce. Another tool's trace that breaks no invariant AGREES (exit 0) when its states agree.
 */
const replayLoaded = (
  l: Loaded,
): {
  readonly verdict: "REPRODUCES" | "DOES NOT REPRODUCE" | "AGREES";
  readonly lines: ReadonlyArray<string>;
} => {
  const itf = l.itf;
  if (itf?.disagreement !== undefined)
    return { verdict: "DOES NOT REPRODUCE", lines: [`the trace and step disagree at ${itf.disagreement}`] };
  const agree =
    itf === undefined
      ? []
      : [
          `all ${itf.steps + 1} states of the ITF trace agree with step (${itf.spec}) on the fields both have`,
        ];
  if (l.saved === undefined)
    return { verdict: "AGREES", lines: [...agree, `it breaks no invariant of ${itf?.spec ?? "its spec"}`] };
  const r = onSaved(l.saved, (spec, saved) => replayCounterexample(spec, saved));
  return { verdict: r.reproduces ? "REPRODUCES" : "DOES NOT REPRODUCE", lines: [r.detail, ...agree] };
};

const config = (args: ReadonlyArray<string>, io: Io): number => {
  const { positionals } = parseArgs({ args: [...args], options: {}, strict: true, allowPositionals: true });
  if (positionals.length > 1) bad(`config: unexpected argument ${positionals[1]}`);
  const name = positionals[0] ?? "as-was";
  // The dependents' section is optional in a config file; printed here so their numbers can be edited too:
  // the as-was dependents with a fleet's built-in config, or a system config's own (small-system).
  const builtin: Readonly<Record<string, SystemConfig>> = {
    ...Object.fromEntries(
      Object.entries(BUILTIN_CONFIGS).map(([n, c]) => [n, { ...c, dependents: asWasDependents }]),
    ),
    ...systemSpec.configs.builtin,
  };
  const c =
    builtin[name] ?? bad(`config ${name}: unknown; built-in configs: ${Object.keys(builtin).join(", ")}`);
  io.out(`${JSON.stringify({ $schema: CONFIG_SCHEMA_REF, ...c }, null, 2)}\n`);
  return 0;
};

/** Runs one command line; every user error is one line on stderr with exit code 2, never a stack trace. */
export const main = (argv: ReadonlyArray<string>, io: Io): number => {
  try {
    return dispatch(argv, io);
  } catch (e) {
    return failure(e, io);
  }
};

/** The commands that await Z3 (cli/outage.ts runs them through `mainAsync`). */
export const ASYNC_COMMANDS: ReadonlyArray<string> = ["prove", "matrix"];

/** `main` for the asynchronous commands, with the same answers to bad input and errors. */
export const mainAsync = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const [command = "", ...given] = argv;
  try {
    const rest = joinNegativeValues(given);
    try {
      return command === "prove" ? await proveCommand(rest, io) : await matrix(rest, io);
    } catch (e) {
      if (isParseArgsError(e)) return bad(parseArgsMessage(command, e));
      throw e;
    }
  } catch (e) {
    return failure(e, io);
  }
};

/** Every error a command throws, as one line and an exit code: 2 for the user's, 3 for an internal one. */
const failure = (e: unknown, io: Io): number => {
  if (isUserError(e)) {
    io.err(`outage: ${e.message.split("\n")[0]}\n`);
    return 2;
  }
  // A file system error no command words itself (they word the ones they expect, naming the flag) is still
  // an input or I/O error, not a bug: exit 2 with the path.
  if (isFileSystemError(e)) {
    io.err(`outage: ${oneLine(String(e.path))}: cannot ${e.syscall} (${ioReason(e)})\n`);
    return 2;
  }
  io.err(`outage: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  return 3;
};

const dispatch = (argv: ReadonlyArray<string>, io: Io): number => {
  const help = helpRequest(argv);
  if (help !== undefined) {
    io.out(help);
    return 0;
  }
  const [command = "", ...given] = argv;
  const rest = joinNegativeValues(given);
  try {
    return dispatchCommand(command, rest, io);
  } catch (e) {
    if (isParseArgsError(e)) return bad(parseArgsMessage(command, e));
    throw e;
  }
};

/**
 * `--seed -1` read as `--seed=-1`. parseArgs takes a value that starts with "-" for an option and refuses it
 * ("argument is ambiguous"), though -1 is a seed in range; joined with "=", the flag's own check judges it.
 * Only a `--name` followed by what looks like a negative number is joined, and nothing after `--`.
 */
export const joinNegativeValues = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (arg === "--") return [...out, ...args.slice(i)];
    if (/^--[a-z][a-z-]*$/.test(arg) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
};

/**
 * parseArgs's message as one clean line: its unknown-option message ends in an unbalanced quote ("as in
 * '-- \"--bogus\"") and suggests `--`, which no command takes.
 */
const parseArgsMessage = (command: string, e: Error & { readonly code: unknown }): string => {
  const option = (/'([^']*)'/.exec(e.message)?.[1] ?? "").replace(/ <value>$/, "");
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return `${command}: unknown option ${option}; see npx outage ${command} --help`;
  if (/argument is ambiguous|argument missing/.test(e.message))
    return `${command}: ${option} needs a value (one that starts with "-" is written ${option}=VALUE)`;
  return `${command}: ${(e.message.split("\n")[0] ?? "").replace(/\.$/, "")}`;
};

const dispatchCommand = (command: string, rest: ReadonlyArray<string>, io: Io): number => {
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
    case "sensitivity":
      return sensitivityCommand(rest, io);
    case "verify":
      return verify(rest, io);
    case "preflight":
      return preflight(rest, io);
    case "matrix":
      // Asynchronous like prove (its fleet cells await Z3): cli/outage.ts runs it through `mainAsync`.
      matrixArgs(rest);
      return bad("matrix is asynchronous: run it as `npx outage matrix`, or call mainAsync from cli/main.ts");
    case "prove":
      // Z3 answers through promises: cli/outage.ts runs `proveCommand` (cli/prove.ts) before reaching here.
      // Its flags are still checked here, so a bad one gets the same one-line answer in-process.
      proveArgs(rest);
      return bad("prove is asynchronous: run it as `npx outage prove`, or call mainAsync from cli/main.ts");
    default:
      return bad(`unknown command ${command}; try: npx outage help`);
  }
};

/** parseArgs errors carry a code; they are the user's, like BadInput. */
const isParseArgsError = (e: unknown): e is Error & { readonly code: unknown } =>
  e instanceof Error && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS");

/** Node's file system errors carry the system call and the path. */
const isFileSystemError = (e: unknown): e is Error & { readonly path: unknown; readonly syscall: unknown } =>
  e instanceof Error && "syscall" in e && "path" in e;

/** A user error, or a refusal to report a verdict (the compiled search and `step` differ): one line, exit 2. */
const isUserError = (e: unknown): e is Error =>
  e instanceof BadInput || e instanceof StepDisagreement || isParseArgsError(e);

/** `main` in this process, with what it wrote: how tests run the CLI without spawning Node. */
export const run = (argv: ReadonlyArray<string>): { code: number; stdout: string; stderr: string } => {
  const io = captureIo();
  const code = main(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};
