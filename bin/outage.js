#!/usr/bin/env node
// Entry point for `npx outage`: registers tsx so the TypeScript sources run as they are, with no build step.
import { register } from "tsx/esm/api";

register();
await import("../cli/outage.ts");
