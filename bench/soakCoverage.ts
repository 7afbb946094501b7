// ---------------------------------------------------------------------------------------------------------
// bench: the soak's coverage as Markdown, for docs/trust.md (issue 18): what the random configs and operation
// sequences reached — operations, fleet sizes, run lengths — and, per invariant, the expected outcomes over the
// configs, the random runs that violated it, and its margin (closeness: 1 = on the edge). bench/soak.ts prints
// it and writes it to reports/soak/coverage.md.
// ---------------------------------------------------------------------------------------------------------
import { type Coverage, SOAK_BOUNDS, SOAK_MAX_STATES } from "../analyses/configSearch/soakRound.ts";
import { INVARIANT_NAMES } from "../properties/index.ts";

const row = (cells: ReadonlyArray<string | number>): string => `| ${cells.join(" | ")} |`;

/** Numeric-keyed counts ("10-19", "3") in numeric order. */
const sorted = (r: Readonly<Record<string, number>>): ReadonlyArray<readonly [string, number]> =>
  Object.entries(r).sort(([a], [b]) => Number.parseInt(a, 10) - Number.parseInt(b, 10));

/** A closeness for the table: two decimals, or "–" where no config needed the invariant to hold. */
const margin = (x: number): string => (x < 0 ? "–" : x.toFixed(2));

/** The coverage as Markdown tables. */
export const coverageTable = (c: Coverage, minutes: number, threads: number): string =>
  [
    `${c.configs} configs (${c.exhaustive} searched exhaustively, the rest to ${SOAK_MAX_STATES} states; ${c.states} states in all), ${c.sequences} random sequences, in ${minutes} min on ${threads} worker thread${threads === 1 ? "" : "s"}; bounds: fleets up to ${SOAK_BOUNDS.maxFleet}, ${SOAK_BOUNDS.maxShards} shards.`,
    "",
    row(["operation", "accepted"]),
    row(["---", "---:"]),
    ...Object.entries(c.ops).map(([t, n]) => row([t, n])),
    row(["(refused)", c.refused]),
    "",
    row(["fleet size (frontends)", "states reached"]),
    row(["---:", "---:"]),
    ...sorted(c.fleetSizes).map(([s, n]) => row([s, n])),
    "",
    row(["run length (accepted ops)", "runs"]),
    row(["---", "---:"]),
    ...sorted(c.depths).map(([s, n]) => row([s, n])),
    "",
    row([
      "invariant",
      "expected holds / violated / unknown (configs)",
      "random runs violating",
      "highest closeness",
      "highest closeness where it must hold",
    ]),
    row(["---", "---", "---:", "---:", "---:"]),
    ...INVARIANT_NAMES.map((n) =>
      row([
        n,
        `${c.expected[n].holds ?? 0} / ${c.expected[n].violated ?? 0} / ${c.expected[n].unknown ?? 0}`,
        c.violations[n],
        margin(c.margins[n]),
        margin(c.closestWhereHolds[n]),
      ]),
    ),
  ].join("\n");

/** What a run of the soak was, for the report's first lines. */
export interface SoakRun {
  readonly command: string;
  readonly date: string;
  readonly seed: number;
  readonly minutes: number;
  readonly threads: number;
  readonly mismatches: number;
}

/** The whole report: how it was run, the result, and the coverage tables, ready to paste into docs/trust.md. */
export const coverageReport = (c: Coverage, run: SoakRun): string =>
  [
    `Soak of ${run.date}: \`${run.command}\` (seed ${run.seed}), **${run.mismatches} mismatch(es)**.`,
    "",
    coverageTable(c, run.minutes, run.threads),
    "",
  ].join("\n");
