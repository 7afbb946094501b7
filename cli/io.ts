// ---------------------------------------------------------------------------------------------------------
// cli: where a command's output goes. Every command writes through an `Io` instead of `process.stdout`, so
// the same `main` runs as the real process (bin/outage.js, `processIo`) and in a test's own process
// (`captureIo`), which returns `{ code, stdout, stderr }` without spawning Node.
// ---------------------------------------------------------------------------------------------------------

export interface Io {
  /** Appends to standard output (reports, JSON). */
  readonly out: (text: string) => void;
  /** Appends to standard error (progress, "wrote FILE", errors). */
  readonly err: (text: string) => void;
  /** Whether standard error is a terminal: progress then redraws one line instead of printing many. */
  readonly errIsTty: boolean;
}

/** The real process's streams. */
export const processIo: Io = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
  errIsTty: process.stderr.isTTY === true,
};

/** An `Io` that keeps what was written, for running `main` in-process. */
export const captureIo = (): Io & { readonly stdout: () => string; readonly stderr: () => string } => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => {
      out.push(text);
    },
    err: (text) => {
      err.push(text);
    },
    errIsTty: false,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
};
