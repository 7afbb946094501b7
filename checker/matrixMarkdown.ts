// ---------------------------------------------------------------------------------------------------------
// checker: the option matrix (matrix.ts) as Markdown: the subject's prose, the matrix with one row per option
// set, the minimal sets, and the interactions (or the subject's sentence saying there are none).
// ---------------------------------------------------------------------------------------------------------
import type { Cell, Matrix, MatrixSubject } from "./matrix.ts";
import type { SpecInvariant } from "./specInvariant.ts";

/** The subject's words around the generated tables; each list is lines, without the blank lines between parts. */
const setText = (set: ReadonlyArray<string>): string =>
  set.length === 0 ? "{} (none)" : `{${set.join(", ")}}`;

const cellText = (c: Cell | undefined): string =>
  c === undefined ? "" : `${c.level === "violated" ? "**violated**" : c.level} (${c.detail})`;

export const renderMatrix = <C, S, Op, N extends string, I extends SpecInvariant<C, S>>(
  subject: MatrixSubject<C, S, Op, N, I>,
  m: Matrix<N>,
): string => {
  const p = subject.prose(m);
  const names = subject.invariants.map((i) => i.name);
  const lines = [
    ...p.preamble,
    "",
    p.headings.matrix,
    "",
    `| ${p.optionsColumn} | ${names.join(" | ")} |`,
    `|---|${names.map(() => "---").join("|")}|`,
    ...m.rows.map((r) => `| ${r.label} | ${names.map((n) => cellText(r.cells[n])).join(" | ")} |`),
    "",
    p.headings.minimal,
    "",
    ...p.minimal,
    "",
    "| Invariant | Minimal sets that make it hold |",
    "|---|---|",
    ...m.minimal.map(
      (x) => `| ${x.invariant} | ${x.sets.length === 0 ? p.noMinimalSet : x.sets.map(setText).join(", ")} |`,
    ),
    "",
    p.headings.interactions,
    "",
    ...p.interactions,
    "",
    ...(m.interactions.length === 0
      ? [p.noInteraction]
      : [
          "| Invariant | Holds under | Broken by adding |",
          "|---|---|---|",
          ...m.interactions.map((x) => `| ${x.invariant} | ${setText(x.set)} | ${x.added} |`),
        ]),
    "",
  ];
  return lines.join("\n");
};
