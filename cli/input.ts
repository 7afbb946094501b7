// ---------------------------------------------------------------------------------------------------------
// cli: turning flags and files into typed values. Every problem is a BadInput: one line, exit code 2.
// ---------------------------------------------------------------------------------------------------------
import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import {
  type Config,
  REMEDIATION_NAMES,
  type RemediationName,
  withAllRemediations,
  withRemediations,
} from "../model/config.ts";
import { asWasDependents } from "../model/configs/asWasDependents.ts";
import { BUILTIN_CONFIGS } from "../model/configs/index.ts";
import type { DependentsConfig } from "../model/dependents/config.ts";
import { decodeConfigFile } from "../model/dependents/configDecoder.ts";
import { oneLine } from "../model/oneLine.ts";
import { INVARIANTS, type Invariant } from "../properties/index.ts";

/**
 * The exit code of a verdict that is not a proof although nothing was violated: a PROVED or HOLDS whose search
 * never reached one of the spec's non-vacuity properties (checker/sometimes.ts). A violation (1) wins over it.
 */
export const EXIT_VACUOUS = 4;

/** A user error: printed as one line, exit code 2, no stack trace. */
export class BadInput extends Error {}

/** Throws a BadInput; flag values are untrusted text, so the message is made one line (fuzzing found "\n"). */
export const bad = (message: string): never => {
  throw new BadInput(oneLine(message));
};

/** Why a file operation failed, in words: Node's error code for a file system error, else its message. */
export const ioReason = (e: unknown): string => {
  const code = e instanceof Error && "code" in e ? String(e.code) : "";
  // mkdir -p over a file that is in the way: the path's folder is a file.
  if (code === "EEXIST" && e instanceof Error && "syscall" in e && e.syscall === "mkdir")
    return "not a directory";
  const words: Readonly<Record<string, string>> = {
    ENOTDIR: "not a directory",
    EISDIR: "is a directory",
    ENOENT: "no such file or directory",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "read-only file system",
    ENOSPC: "no space left on device",
    EEXIST: "already exists",
    ENAMETOOLONG: "name too long",
  };
  return words[code] ?? (code !== "" ? code : e instanceof Error ? e.message : String(e));
};

/**
 * Runs `write`, an output the user asked for under `flag`; if the file system refuses it (not a directory, no
 * permission, disk full), a BadInput naming the flag and the path: an I/O error is the user's, exit 2.
 */
export const writing = <A>(flag: string, path: string, write: () => A): A => {
  try {
    return write();
  } catch (e) {
    return bad(`${flag} ${path}: cannot write (${ioReason(e)})`);
  }
};

/**
 * Fails now, as `writing` would later, if the folder `path` (created when first written to) could not be: its
 * nearest existing ancestor is not a directory, or not writable. `check` prints its report as it goes, so a
 * bad --out must be refused before the first line rather than after a long search.
 */
export const writableDir = (flag: string, path: string): void => {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  const reason = !statSync(p).isDirectory()
    ? "not a directory"
    : (() => {
        try {
          accessSync(p, constants.W_OK);
          return undefined;
        } catch (e) {
          return ioReason(e);
        }
      })();
  if (reason !== undefined) bad(`${flag} ${path}: cannot write (${reason})`);
};

/** A config as loaded: the fleet's config and the dependents' numbers (as-was unless the file gives them). */
export interface LoadedConfig {
  readonly core: Config;
  readonly dependents: DependentsConfig;
}

/**
 * A built-in config by name, or a JSON config file by path. A file may carry a `dependents` section (as
 * `npx outage config` prints it) to override the dependent services' illustrative numbers; without one they
 * keep their as-was values.
 */
export const loadConfigFile = (nameOrPath: string | undefined): LoadedConfig => {
  const name = nameOrPath ?? "as-was";
  const builtin = BUILTIN_CONFIGS[name];
  if (builtin !== undefined) return { core: builtin, dependents: asWasDependents };
  let text: string;
  try {
    text = readFileSync(name, "utf8");
  } catch {
    return bad(
      `--config ${name}: not a built-in config (${Object.keys(BUILTIN_CONFIGS).join(", ")}) and not a readable file`,
    );
  }
  const json = E.tryCatch(
    () => JSON.parse(text) as unknown,
    (e) => `not valid JSON (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
  );
  if (E.isLeft(json)) return bad(`config ${name}: ${json.left}`);
  const file = decodeConfigFile(json.right);
  if (E.isLeft(file)) return bad(`config ${name}: ${file.left}`);
  return { core: file.right.core, dependents: file.right.dependents ?? asWasDependents };
};

/** The fleet's part of a built-in config or a config file (see `loadConfigFile`). */
export const loadConfig = (nameOrPath: string | undefined): Config => loadConfigFile(nameOrPath).core;

/** Applies `--remediation` values: names, comma lists, or `all`. */
export const applyRemediations = (config: Config, values: ReadonlyArray<string>): Config => {
  const names = values.flatMap((v) => v.split(",")).filter((v) => v !== "");
  if (names.includes("all")) return withAllRemediations(config);
  const unknown = names.find((n) => !(REMEDIATION_NAMES as ReadonlyArray<string>).includes(n));
  if (unknown !== undefined)
    return bad(`--remediation ${unknown}: unknown; expected all or one of ${REMEDIATION_NAMES.join(", ")}`);
  return withRemediations(config, [...new Set(names)] as ReadonlyArray<RemediationName>);
};

/** `--invariant` values (names or comma lists), or every invariant. */
export const selectInvariants = (values: ReadonlyArray<string>): ReadonlyArray<Invariant> => {
  const names = values.flatMap((v) => v.split(",")).filter((v) => v !== "");
  if (names.length === 0) return INVARIANTS;
  return names.map(
    (n) =>
      INVARIANTS.find((i) => i.name === n) ??
      bad(`--invariant ${n}: unknown; expected one of ${INVARIANTS.map((i) => i.name).join(", ")}`),
  );
};

/** An integer flag within bounds. */
export const intFlag = (
  flag: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  return /^-?\d+$/.test(value.trim()) && Number.isSafeInteger(n) && n >= min && n <= max
    ? n
    : bad(`${flag} ${value}: must be an integer from ${min} to ${max}`);
};
