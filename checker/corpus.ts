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
import { pipe } from "fp-ts/lib/function.js";
import { type Counterexample, encodeCounterexample, parseCounterexample } from "./counterexample.ts";

export const DEFAULT_CORPUS_DIR = "counterexamples";

/** `<Invariant>--<config>--<first 10 hex of sha256 of the content>.json`. */
export const counterexampleFileName = (c: Counterexample): string => {
  const hash = createHash("sha256")
    .update(JSON.stringify({ invariant: c.invariant, config: c.config, ops: c.ops }))
    .digest("hex")
    .slice(0, 10);
  const config = c.config.name.replace(/[^A-Za-z0-9._+-]/g, "_");
  return `${c.invariant}--${config}--${hash}.json`;
};

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

/** Saves a counterexample into `dir`; returns the path written. */
export const saveCounterexample = (dir: string, c: Counterexample): string => {
  const path = join(dir, counterexampleFileName(c));
  writeFileAtomic(path, encodeCounterexample(c));
  return path;
};

/** Reads and decodes one file; the error names the file and the field. */
export const loadCounterexample = (path: string): E.Either<string, Counterexample> =>
  pipe(
    E.tryCatch(
      () => readFileSync(path, "utf8"),
      (e) => (e instanceof Error && "code" in e && e.code === "ENOENT" ? "no such file" : "cannot be read"),
    ),
    E.chain(parseCounterexample),
    E.mapLeft((e) => `${path}: ${e}`),
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
