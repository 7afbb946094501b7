// ---------------------------------------------------------------------------------------------------------
// checker: the counterexample corpus on disk. The only file I/O the checker does. Writes are atomic (a temp
// file in the same folder, fsync, rename, fsync of the folder), so a reader sees the old file or the new one,
// never half of one. Names are content-addressed, so two runs that find different counterexamples never
// overwrite each other, and a run that finds the same one rewrites identical bytes.
// ---------------------------------------------------------------------------------------------------------
import { createHash } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { type Counterexample, encodeCounterexample } from "./counterexample.ts";
import type { Spec } from "./spec.ts";

export const DEFAULT_CORPUS_DIR = "counterexamples";

/** `<Invariant>--<config>--<first 10 hex of sha256 of the content>.json` (`<Invariant>--near-miss--…` for a near miss). */
export const counterexampleFileName = <C, Op>(c: Counterexample<C, Op>, configName: string): string => {
  const hash = createHash("sha256")
    .update(JSON.stringify({ invariant: c.invariant, config: c.config, ops: c.ops }))
    .digest("hex")
    .slice(0, 10);
  return `${c.invariant}--${c.nearMiss === undefined ? "" : "near-miss--"}${configName.replace(/[^A-Za-z0-9._+-]/g, "_")}--${hash}.json`;
};

/** Where `spec`'s counterexamples live under the corpus folder `dir`. */
export const corpusFolderOf = <C, S, Op>(dir: string, spec: Spec<C, S, Op>): string =>
  spec.corpusFolder === "" ? dir : join(dir, spec.corpusFolder);

/** The path a counterexample is saved at under the corpus folder `dir`. */
export const counterexamplePath = <C, S, Op>(
  dir: string,
  spec: Spec<C, S, Op>,
  c: Counterexample<C, Op>,
): string => join(corpusFolderOf(dir, spec), counterexampleFileName(c, spec.configs.nameOf(c.config)));

/** Writes `text` to `path` atomically: temp file, fsync, rename, fsync the folder. */
export const writeFileAtomic = (path: string, text: string): void => {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(tmp, "w", 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  const dirFd = openSync(dir, "r");
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
};

/** Saves a counterexample under the corpus folder `dir`; returns the path written. */
export const saveCounterexample = <C, S, Op>(
  dir: string,
  spec: Spec<C, S, Op>,
  c: Counterexample<C, Op>,
): string => {
  const path = counterexamplePath(dir, spec, c);
  // The schema's path as seen from the repository's own corpus (counterexamples/[folder/]).
  writeFileAtomic(path, encodeCounterexample(c, spec.corpusFolder === "" ? 1 : 2));
  return path;
};

/** Reads a file's text, with a one-line error naming the file. */
export const readText = (path: string): E.Either<string, string> =>
  E.tryCatch(
    () => readFileSync(path, "utf8"),
    (e) =>
      `${path}: ${e instanceof Error && "code" in e && e.code === "ENOENT" ? "no such file" : "cannot be read"}`,
  );

/** The counterexample files in `dir` (temp files of interrupted writes are not part of the corpus). */
export const corpusFiles = (dir: string): ReadonlyArray<string> => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json") && !f.startsWith("."))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
};
