// ---------------------------------------------------------------------------------------------------------
// cli: the process entry point behind `npx outage` (bin/outage.js): the real streams, the real exit code.
// ---------------------------------------------------------------------------------------------------------
import { processIo } from "./io.ts";
import { main } from "./main.ts";

process.exitCode = main(process.argv.slice(2), processIo);
