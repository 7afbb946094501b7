// ---------------------------------------------------------------------------------------------------------
// cli: the process entry point behind `npx outage` (bin/outage.js): the real streams, the real exit code. A
// help or version request is answered from cli/usage.ts alone; only a command loads the engine.
// ---------------------------------------------------------------------------------------------------------
import { processIo } from "./io.ts";
import { helpRequest } from "./usage.ts";

const argv = process.argv.slice(2);
const help = helpRequest(argv);
if (help !== undefined) process.stdout.write(help);
else if (argv[0] === "prove") {
  // `prove` awaits Z3; the other commands run in the synchronous `main`.
  const { proveCommand } = await import("./prove.ts");
  process.exitCode = await proveCommand(argv.slice(1), processIo);
} else {
  const { main } = await import("./main.ts");
  process.exitCode = main(argv, processIo);
}
