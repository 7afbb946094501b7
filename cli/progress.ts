// ---------------------------------------------------------------------------------------------------------
// cli: a progress line on stderr for runs longer than a second, so `--json` on stdout stays clean.
// ---------------------------------------------------------------------------------------------------------

import type { Io } from "./io.ts";

export interface Progress {
  /** Shows `text` if a line is due; a function is called only then (a costly line, built at most every 200 ms). */
  readonly update: (text: string | (() => string)) => void;
  readonly done: () => void;
}

export const progress = (enabled: boolean, io: Io): Progress => {
  const started = Date.now();
  let last = 0;
  let shown = false;
  const tty = io.errIsTty;
  return {
    update: (text) => {
      if (!enabled) return;
      const now = Date.now();
      // Off a terminal one line a second: a caller polls every few steps, so the gap between lines stays under 2 s.
      if (now - started < 1000 || now - last < (tty ? 200 : 1000)) return;
      last = now;
      shown = true;
      const line = `… ${typeof text === "string" ? text : text()} (${((now - started) / 1000).toFixed(1)} s)`;
      io.err(tty ? `\r\x1b[K${line}` : `${line}\n`);
    },
    done: () => {
      if (shown && tty) io.err("\r\x1b[K");
    },
  };
};
