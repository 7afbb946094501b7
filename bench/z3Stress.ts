// ---------------------------------------------------------------------------------------------------------
// bench: `npm run stress:z3 -- [--rounds N] [--ungated] [--hang-seconds S]` (not in CI). Z3 checks while the
// garbage collector frees dead Z3 terms every 2 ms (specs/prove/gcDuringChecks.ts), on the project's Z3 (its
// releases gated, specs/prove/releaseGate.ts) or, with --ungated, on z3-solver's own `init`. The checks run in a
// child process watched from here: the failure this shows can block the child's event loop, so the child cannot
// time itself out. Prints each round; exit 0 when every round answered right, 1 on a wrong answer, a crash or a
// hang (no round for S seconds, default 60: a round takes under half a second on an idle machine; raise S on a
// busy one, where a starved child is not a hung one), 2 on bad input.
// ---------------------------------------------------------------------------------------------------------
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Context } from "z3-solver";
import { BadInput, intFlag } from "../cli/input.ts";
import { checksUnderCollection } from "../specs/prove/gcDuringChecks.ts";
import { z3Context } from "../specs/prove/z3.ts";

const fail = (message: string): never => {
  process.stderr.write(`stress:z3: ${message}\n`);
  process.exit(2);
};

const argv = process.argv.slice(2);
const WITH_VALUE = ["--rounds", "--hang-seconds"];
const known = new Set([...WITH_VALUE, "--ungated", "--child"]);
for (const [i, a] of argv.entries())
  if (a.startsWith("--") && !known.has(a))
    fail(`unknown option ${a}: use --rounds N, --ungated, --hang-seconds S`);
  else if (!a.startsWith("--") && !WITH_VALUE.includes(argv[i - 1] ?? "")) fail(`unexpected argument ${a}`);
/** The whole number after `flag`, from 1 to `max` (the CLI's `intFlag`), or `fallback` when the flag is absent. */
const count = (flag: string, fallback: number, max: number): number => {
  const at = argv.indexOf(flag);
  try {
    return intFlag(flag, at < 0 ? undefined : (argv[at + 1] ?? ""), fallback, 1, max);
  } catch (e) {
    return e instanceof BadInput ? fail(e.message) : fail(String(e));
  }
};
const rounds = count("--rounds", 20, 1_000_000);
const HANG_MS = count("--hang-seconds", 60, 86_400) * 1000;
const ungated = argv.includes("--ungated");

const ungatedContext = async (): Promise<Context<"main">> => {
  const { init } = await import("z3-solver");
  return (await init()).Context("main");
};

if (argv.includes("--child")) {
  const z = ungated ? await ungatedContext() : await z3Context();
  const results = await checksUnderCollection(z, rounds, (r) =>
    process.stdout.write(
      `round ${r.round + 1}/${rounds}: pigeons ${r.pigeons}, circle ${r.circle}${r.right ? "" : "  WRONG"}\n`,
    ),
  );
  process.exit(results.every((r) => r.right) ? 0 : 1);
} else {
  const started = Date.now();
  process.stdout.write(
    `${rounds} rounds on ${ungated ? "z3-solver's own init (ungated)" : "the project's Z3 (releases gated)"}\n`,
  );
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, ...argv, "--child"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const hung = () => {
    process.stdout.write(`HUNG: no round ended for ${HANG_MS / 1000} s; the child is killed\n`);
    child.kill("SIGKILL");
  };
  let watchdog = setTimeout(hung, HANG_MS);
  createInterface({ input: child.stdout }).on("line", (line) => {
    clearTimeout(watchdog);
    watchdog = setTimeout(hung, HANG_MS);
    process.stdout.write(`${line}\n`);
  });
  // The child's first line that names an error (a crash prints it again, with a stack and Node's version, after).
  let firstError = "";
  createInterface({ input: child.stderr }).on("line", (line) => {
    if (firstError === "" && /error/i.test(line) && !line.startsWith("    at ")) firstError = line.trim();
  });
  child.on("exit", (code, signal) => {
    clearTimeout(watchdog);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (code === 0) process.stdout.write(`passed: every round answered right (${seconds} s)\n`);
    // Not a replay: the collector's timing, and so the failure, differs from run to run.
    else
      process.stdout.write(
        `FAILED after ${seconds} s: ${signal ?? `exit ${code}`}${firstError ? `; ${firstError}` : ""}\n` +
          `run again: npm run stress:z3 -- ${argv.join(" ")}\n`,
      );
    process.exit(code === 0 ? 0 : 1);
  });
}
