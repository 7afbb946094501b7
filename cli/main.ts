// ---------------------------------------------------------------------------------------------------------
// cli: `npx outage <command>`. Parses flags, dispatches, and turns every user error into one line on stderr
// with exit code 2 (no stack trace). Exit 0: every checked invariant holds / the replay reproduces.
// Exit 1: a violation was found / the replay no longer reproduces.
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../checker/defaults.ts";
import { replayCounterexample } from "../checker/replay.ts";
import { StepDisagreement } from "../checker/verify/crossCheck.ts";
import { shellWord } from "../explain/markdown.ts";
import { asWasDependents } from "../model/configs/asWasDependents.ts";
import { BUILTIN_CONFIGS } from "../model/configs/index.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
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
  io.out(`${JSON.stringify(c, null, 2)}\n`);
  return 0;
};

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
  const help = helpRequest(argv);
  if (help !== undefined) {
    io.out(help);
    return 0;
  }
  const [command, ...rest] = argv;
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
    default:
      return bad(`unknown command ${command}; try: npx outage help`);
  }
};

/** parseArgs errors carry a code; they are the user's, like BadInput. */
/** A user error, or a refusal to report a verdict (the compiled search and `step` differ): one line, exit 2. */
const isUserError = (e: unknown): e is Error =>
  e instanceof BadInput ||
  e instanceof StepDisagreement ||
  (e instanceof Error && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"));

/** `main` in this process, with what it wrote: how tests run the CLI without spawning Node. */
export const run = (argv: ReadonlyArray<string>): { code: number; stdout: string; stderr: string } => {
  const io = captureIo();
  const code = main(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};
