#!/usr/bin/env node
// Entry point for `npx outage`: runs the CLI bundled in dist/bundle/, which `npm run build` writes (`npm ci`
// runs it through `prepare`). From the sources, without a build: `npx tsx cli/outage.ts`.
import { existsSync } from "node:fs";

const entry = new URL("../dist/bundle/outage.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("outage: dist/bundle/outage.js is missing: run `npm run build` first\n");
  process.exit(2);
}
await import(entry.href);
