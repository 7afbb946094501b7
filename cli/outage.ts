// ---------------------------------------------------------------------------------------------------------
// cli: the process entry point behind `npx outage` (bin/outage.js): the real streams, the real exit code. A
// help or version request is answered from cli/usage.ts alone; only a command loads the engine.
// ---------------------------------------------------------------------------------------------------------
import { processIo } from "./io.ts";
import { helpRequest } from "./usage.ts";

const argv = process.argv.slice(2);
const help = helpRequest(argv);
if (help !== undefined) process.stdout.write(help);
else {
  // `prove` and `matrix` await Z3; the other commands run in the synchronous `main`.
  const { ASYNC_COMMANDS, main, mainAsync } = await import("./main.ts");
  process.exitCode = ASYNC_COMMANDS.includes(argv[0] ?? "")
    ? await mainAsync(argv, processIo)
    : main(argv, processIo);
}
