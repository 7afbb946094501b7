// ---------------------------------------------------------------------------------------------------------
// cli: `npx outage prove --spec system`: the dependents' bounds (Cognito's non-blocking buffer, CloudWatch's
// local store, Lambda's bounded metric buffer) proved with Z3 for every value of their parameters, with the
// witness runs for the other direction (docs/prove.md "The dependents"). cli/prove.ts branches here.
// ---------------------------------------------------------------------------------------------------------

import type { ObligationResult } from "../specs/prove/discharge.ts";
import { z3Context } from "../specs/prove/z3.ts";
import { BUFFER_ARGUMENTS } from "../specs/system/prove/arguments.ts";
import { BUFFER_REMEDIATIONS, type BufferFlags } from "../specs/system/prove/encoding.ts";
import { type BufferArgumentResult, proveBufferArgument } from "../specs/system/prove/prove.ts";
import { bad } from "./input.ts";
import type { Io } from "./io.ts";

/** The flags `prove` parsed (cli/prove.ts `proveArgs`). */
export interface SystemProveValues {
  readonly remediation?: ReadonlyArray<string>;
  readonly invariant?: ReadonlyArray<string>;
  readonly json?: boolean;
}

const NONE: BufferFlags = {
  cognitoNonBlockingBuffer: false,
  cloudwatchLocalBuffer: false,
  cloudwatchPartitionedFleet: false,
  lambdaBoundedMetricBuffer: false,
};

const ALL: BufferFlags = {
  cognitoNonBlockingBuffer: true,
  cloudwatchLocalBuffer: true,
  cloudwatchPartitionedFleet: true,
  lambdaBoundedMetricBuffer: true,
};

/** The sets proved when none is named: as-was, each buffer remediation alone, all. */
const DEFAULT_SETS: ReadonlyArray<readonly [string, BufferFlags]> = [
  ["as-was", NONE],
  ...BUFFER_REMEDIATIONS.map((r): readonly [string, BufferFlags] => [r, { ...NONE, [r]: true }]),
  ["all", ALL],
];

const INVARIANT_NAMES: ReadonlyArray<string> = BUFFER_ARGUMENTS.map((a) => a.argument.name);

const namesIn = (values: ReadonlyArray<string>): ReadonlyArray<string> =>
  values.flatMap((v) => v.split(",")).filter((v) => v !== "");

/** The one remediation set named, "none" for as-was; a name that is not a buffer remediation is bad input. */
const setOf = (values: ReadonlyArray<string>): readonly [string, BufferFlags] => {
  const list = namesIn(values);
  if (list.includes("all")) return ["all", ALL];
  for (const n of list)
    if (n !== "none" && !(BUFFER_REMEDIATIONS as ReadonlyArray<string>).includes(n))
      bad(
        `--remediation ${n}: not one prove --spec system encodes; one of none, all, ${BUFFER_REMEDIATIONS.join(", ")}`,
      );
  const on = list.filter((n) => n !== "none");
  return [
    on.length === 0 ? "as-was" : on.join("+"),
    { ...NONE, ...Object.fromEntries(on.map((n) => [n, true])) },
  ];
};

/** Checks the system's flags before Z3 starts: a BadInput naming the first wrong value. */
export const checkSystemProveValues = (values: SystemProveValues): void => {
  if (values.remediation !== undefined) setOf(values.remediation);
  for (const i of namesIn(values.invariant ?? []))
    if (!INVARIANT_NAMES.includes(i))
      bad(`--invariant ${i}: prove --spec system encodes only ${INVARIANT_NAMES.join(", ")}`);
};

interface SetReport {
  readonly remediations: string;
  readonly results: ReadonlyArray<BufferArgumentResult>;
}

const counterexampleLines = (o: ObligationResult): ReadonlyArray<string> =>
  o.status === "counterexample"
    ? [
        `    ${o.obligation}: COUNTEREXAMPLE ${JSON.stringify(o.assignment.params)}`,
        `      before ${JSON.stringify(o.assignment.before)}`,
        ...(o.assignment.after ? [`      after  ${JSON.stringify(o.assignment.after)}`] : []),
      ]
    : o.status === "unknown"
      ? [`    ${o.obligation}: UNKNOWN (${o.reason})`]
      : [];

const resultLines = (a: BufferArgumentResult): ReadonlyArray<string> => [
  `  ${a.invariant}: ${a.verdict}${a.verdict === "PROVED" ? ` for every parameter value; side condition: ${a.sideCondition}` : ""}${a.verdict === a.expected ? "" : ` (expected ${a.expected})`}  [${a.ms} ms]`,
  ...(a.verdict === "PROVED"
    ? [`    strengthened with: ${a.strengthening}`]
    : a.obligations.flatMap(counterexampleLines)),
  ...a.runs.flatMap((r) => [
    `    witness run ${r.verdict} for every parameter value (side condition: ${r.sideCondition}): ${r.claim}`,
    ...r.obligations.flatMap(counterexampleLines),
  ]),
];

const text = (reports: ReadonlyArray<SetReport>, initMs: number): string =>
  [
    `Z3 started in ${initMs} ms. The dependents' bounds over symbolic parameters, Kinesis up or down at every event (docs/prove.md, "The dependents"):`,
    ...reports.flatMap((r) => ["", r.remediations, ...r.results.flatMap(resultLines)]),
    "",
  ].join("\n");

/**
 * `npx outage prove --spec system ...`: exit 0 when every verdict is the one the invariant's `remediedBy`
 * leads one to expect (PROVED with a remedy on, NOT INDUCTIVE without) and every witness run is proved; 1
 * otherwise. Bad input was refused before (checkSystemProveValues).
 */
export const proveSystem = async (values: SystemProveValues, io: Io): Promise<number> => {
  checkSystemProveValues(values);
  const sets = values.remediation === undefined ? DEFAULT_SETS : [setOf(values.remediation)];
  const wanted = namesIn(values.invariant ?? []);
  const arguments_ = BUFFER_ARGUMENTS.filter((a) => wanted.length === 0 || wanted.includes(a.argument.name));
  const started = performance.now();
  const z = await z3Context();
  const initMs = Math.round(performance.now() - started);
  const reports: SetReport[] = [];
  for (const [remediations, flags] of sets) {
    const results: BufferArgumentResult[] = [];
    for (const { argument, runs } of arguments_)
      results.push(await proveBufferArgument(z, flags, argument, runs));
    reports.push({ remediations, results });
  }
  io.out(
    values.json
      ? `${JSON.stringify({ spec: "system", z3InitMs: initMs, sets: reports }, null, 2)}\n`
      : text(reports, initMs),
  );
  const asExpected = reports.every((r) =>
    r.results.every((a) => a.verdict === a.expected && a.runs.every((run) => run.verdict === "PROVED")),
  );
  return asExpected ? 0 : 1;
};
