// Never lose a counterexample (issue 7): a writer killed with SIGKILL in the middle of writing leaves the
// corpus holding the old file or the new one, whole, never a partial one.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, test } from "vitest";
import type { Config } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import type { Op } from "../model/ops.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { fleetSpec } from "../specs/index.ts";
import { loadSaved } from "../specs/saved.ts";
import { corpusFiles } from "./corpus.ts";
import { type Counterexample, encodeCounterexample } from "./counterexample.ts";

const root = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "outage-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two different versions of one counterexample, each ~1 MB so a write takes long enough to interrupt. */
const version = (message: string): Counterexample<Config, Op> => ({
  spec: fleetSpec.id,
  invariant: "ThreadBudget",
  message: message.repeat(1 + (1 << 20) / message.length),
  source: threadBudget.source,
  config: asWas,
  seed: 1,
  path: "0",
  ops: [{ type: "capacityAdded", count: 1 }],
  violationStep: 1,
  steps: [],
});
const texts = [encodeCounterexample(version("old "), 1), encodeCounterexample(version("new! "), 1)] as const;
const fileA = join(dir, "a.src");
const fileB = join(dir, "b.src");
writeFileSync(fileA, texts[0]);
writeFileSync(fileB, texts[1]);

/** Starts the writer, waits for its first write plus `delayMs`, kills it with SIGKILL, returns what is on disk. */
const killMidWrite = (mode: "atomic" | "torn", target: string, delayMs: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(root, "checker", "corpus.kill.child.ts"), mode, target, fileA, fileB],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    child.stdout.once("data", () => setTimeout(() => child.kill("SIGKILL"), delayMs));
    child.on("error", reject);
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL"
        ? resolve(readFileSync(target, "utf8"))
        : reject(new Error(`writer exited: ${signal}`)),
    );
  });

/** Whether the file on disk is one of the two versions, whole. */
const isWhole = (text: string): boolean => text === texts[0] || text === texts[1];

describe("a counterexample writer killed mid-write (SIGKILL, child process)", () => {
  test("leaves the old file or the new one, whole and decodable, never a partial one", async () => {
    // Delays spread over a few write periods, so the kill lands at different points of the write.
    let interrupted = 0;
    for (const [i, delayMs] of [0, 1, 2, 5, 9, 14, 23].entries()) {
      const corpus = join(dir, `corpus-${i}`);
      const target = join(corpus, "ThreadBudget--as-was--kill.json");
      rmSync(corpus, { recursive: true, force: true });
      mkdirSync(corpus);
      writeFileSync(target, texts[0]);
      const onDisk = await killMidWrite("atomic", target, delayMs);
      expect(isWhole(onDisk), `kill after ${delayMs} ms left a partial file`).toBe(true);
      expect(E.isRight(loadSaved(target))).toBe(true);
      // A temp file the killed writer left behind is not part of the corpus.
      expect(corpusFiles(corpus)).toEqual([target]);
      if (readdirSync(corpus).some((f) => f.endsWith(".tmp"))) interrupted += 1;
    }
    // At least one kill landed between creating the temp file and renaming it: the writes were interrupted.
    expect(interrupted).toBeGreaterThan(0);
  });

  test("control: the same check catches a naive writer killed mid-write", async () => {
    const target = join(dir, "torn.json");
    writeFileSync(target, texts[0]);
    const onDisk = await killMidWrite("torn", target, 0);
    expect(isWhole(onDisk)).toBe(false);
    expect(E.isLeft(loadSaved(target))).toBe(true);
  });
});
