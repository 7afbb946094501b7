// Vitest's global setup: the tests that spawn bin/outage.js (test/spawnOutage.ts) run the compiled CLI in
// dist/, so dist/ is built first when a source is newer than the last build (scripts/build.mjs --if-stale:
// a few milliseconds when it is current, about two seconds for a build).
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export default function setup(): void {
  const root = join(import.meta.dirname, "..");
  const r = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--if-stale"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error(`the build (scripts/build.mjs) failed (exit ${r.status ?? r.signal})`);
}
