// Test helper: runs `bin/outage.js` in a child process (asynchronously, so tests can run a few at once).
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

export interface Outcome {
  /** Exit code, or null when the process was killed (by the time limit). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const bin = join(import.meta.dirname, "..", "bin", "outage.js");

/** `outage(...args)` runs `npx outage ...args` in `cwd` and waits for it. */
export const outageIn =
  (cwd: string) =>
  (...args: ReadonlyArray<string>): Outcome => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

/** Runs `npx outage ...args` in `cwd`; kills it after `limitMs` (a hang shows as code null). */
export const outageAsync = (args: ReadonlyArray<string>, cwd: string, limitMs = 60_000): Promise<Outcome> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });

/** Runs `jobs` at most `width` at a time, keeping their order. */
export const inBatches = async <A>(
  jobs: ReadonlyArray<() => Promise<A>>,
  width = 2,
): Promise<ReadonlyArray<A>> => {
  const out: A[] = [];
  for (let i = 0; i < jobs.length; i += width)
    out.push(...(await Promise.all(jobs.slice(i, i + width).map((j) => j()))));
  return out;
};
