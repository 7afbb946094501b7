// Test helper: runs `bin/outage.js` in a child process, asynchronously (so a test can run two at once), for the
// few tests of what only a real process shows (cli/process.test.ts); every other CLI test calls `run` in
// cli/main.ts in its own process.
import { spawn } from "node:child_process";
import { join } from "node:path";

export interface Outcome {
  /** Exit code, or null when the process was killed (by the time limit). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const bin = join(import.meta.dirname, "..", "bin", "outage.js");

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
