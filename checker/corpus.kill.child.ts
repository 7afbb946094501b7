// Child process for checker/corpus.kill.test.ts (not a test itself). Writes the two versions of a
// counterexample file to TARGET alternately, for ever, until the parent kills it with SIGKILL.
//   atomic:  through writeFileAtomic, the corpus's only way of writing;
//   torn:    the naive way (open, write half, stall), the control that shows the check can fail.
// Prints "ready" on stdout once the first complete write has landed.
import { openSync, readFileSync, writeSync } from "node:fs";
import { writeFileAtomic } from "./corpus.ts";

const [mode, target, fileA, fileB] = process.argv.slice(2) as [string, string, string, string];
const versions = [readFileSync(fileA, "utf8"), readFileSync(fileB, "utf8")] as const;

if (mode === "torn") {
  const fd = openSync(target, "w");
  writeSync(fd, versions[1].slice(0, versions[1].length >> 1));
  process.stdout.write("ready\n");
  setInterval(() => undefined, 1000);
} else {
  writeFileAtomic(target, versions[1]);
  process.stdout.write("ready\n");
  for (let i = 0; ; i++) writeFileAtomic(target, versions[i % 2] as string);
}
