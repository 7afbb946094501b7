// ---------------------------------------------------------------------------------------------------------
// cli: a progress line on stderr for runs longer than a second, so `--json` on stdout stays clean.
// ---------------------------------------------------------------------------------------------------------

import type { Io } from "./io.ts";

export interface Progress {
  /** Shows `text` if a line is due; a function is called only then (a costly line, built at most every 200 ms). */
  readonly update: (text: string | (() => string)) => void;
  /**
   * Prints `text` as a line of its own, kept on a terminal (the progress line is redrawn below it): an event,
   * such as a result known early, not throttled, but like the progress line only once a second has passed.
   */
  readonly note: (text: string) => void;
  readonly done: () => void;
}

/** `clock` gives milliseconds: `Date.now` unless a test drives it. */
export const progress = (enabled: boolean, io: Io, clock: () => number = Date.now): Progress => {
  const started = clock();
  let last = 0;
  let shown = false;
  const tty = io.errIsTty;
  return {
    update: (text) => {
      if (!enabled) return;
      const now = clock();
      // Off a terminal one line a second: a caller polls every few steps, so the gap between lines stays under 2 s.
      if (now - started < 1000 || now - last < (tty ? 200 : 1000)) return;
      last = now;
      shown = true;
      const line = `… ${typeof text === "string" ? text : text()} (${((now - started) / 1000).toFixed(1)} s)`;
      io.err(tty ? `\r\x1b[K${line}` : `${line}\n`);
    },
    note: (text) => {
      const now = clock();
      if (!enabled || now - started < 1000) return;
      io.err(tty ? `\r\x1b[K${text}\n` : `${text}\n`);
    },
    /** Clears the progress line (on a terminal); a later update draws it again. */
    done: () => {
      if (shown && tty) io.err("\r\x1b[K");
      shown = false;
    },
  };
};
