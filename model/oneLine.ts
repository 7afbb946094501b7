// ---------------------------------------------------------------------------------------------------------
// model: making an error message that quotes untrusted text safe to print as one line (issue 7: bad input
// gets "a one-line error naming the problem"). Fuzzing found a key holding "\n" and a file holding "\r"
// echoed raw into decoder errors; every decoder's error now passes through here.
// ---------------------------------------------------------------------------------------------------------

/** `s` with control characters and Unicode line separators escaped as `\uXXXX`. */
export const oneLine = (s: string): string =>
  s.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
