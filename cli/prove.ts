// ---------------------------------------------------------------------------------------------------------
// cli: `npx outage prove`: every core invariant proved with Z3 for every value of the parameters satisfying a
// printed side condition, or NOT INDUCTIVE with the counterexample to induction (docs/prove.md). Asynchronous
// (Z3 answers through promises), so cli/outage.ts runs it apart from the synchronous `main`.
// ---------------------------------------------------------------------------------------------------------
import { parseArgs } from "node:util";
import { match } from "ts-pattern";
import { matrixRows } from "../checker/matrix.ts";
import { minimize } from "../checker/search.ts";
import { runTrace } from "../checker/trace.ts";
import { shellWord } from "../explain/markdown.ts";
import { narrate, savedSteps } from "../explain/narrate.ts";
import { type Config, REMEDIATION_NAMES } from "../model/config.ts";
import { invariantNamed } from "../properties/index.ts";
import { FLEET_PROOF_ASSUMPTIONS } from "../specs/fleet/prove/assumptions.ts";
import { CORE_INVARIANTS, type CoreInvariant, type ProofFlags } from "../specs/fleet/prove/encoding.ts";
import { type ClosedFormVerdict, closedFormVerdict } from "../specs/fleet/prove/preflight.ts";
import { type Attempt, flagsOf, proveSet, type SetReport } from "../specs/fleet/prove/proveSet.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { z3Context } from "../specs/prove/z3.ts";
import { bfsCounterexample, saveOnce } from "./bfsCounterexample.ts";
import { BadInput, bad } from "./input.ts";
import type { Io } from "./io.ts";
import { checkSystemProveValues, proveSystem } from "./proveSystem.ts";

/** A counterexample to induction found reachable in the model, shrunk and saved like any counterexample. */
interface SavedReachable {
  readonly remediations: string;
  readonly invariant: string;
  readonly file: string;
}

/**
 * Every NOT INDUCTIVE verdict whose counterexample the model reaches (concrete.ts), made 1-minimal and saved in
 * `outDir` with seed 0 and an empty path (found by Z3, not by a seed), as `verify` saves its traces.
 */
const saveReachable = (outDir: string, reports: ReadonlyArray<SetReport>): ReadonlyArray<SavedReachable> =>
  reports.flatMap((r) =>
    r.invariants.flatMap((i) =>
      i.attempts.flatMap((a) => {
        const inv = invariantNamed(i.invariant);
        const concrete = a.concrete;
        if (inv === undefined || concrete === undefined || concrete.violation === undefined) return [];
        const ops = minimize(fleetSpec, concrete.config, inv, concrete.ops);
        const trace = runTrace(fleetSpec, concrete.config, ops, [inv]);
        if (trace.violation === undefined) return [];
        const steps = savedSteps(narrate(fleetSpec, concrete.config, trace));
        const c = bfsCounterexample(
          fleetSpec,
          concrete.config,
          inv,
          ops,
          trace.violation.violation.message,
          steps,
        );
        return [
          { remediations: r.remediations, invariant: i.invariant, file: saveOnce(outDir, fleetSpec, c).path },
        ];
      }),
    ),
  );

/** The remediation sets proved when none is named: as-was, each remediation alone, all. */
const DEFAULT_SETS: ReadonlyArray<readonly [string, Required<ProofFlags>]> = [
  ["as-was", flagsOf([])],
  ...REMEDIATION_NAMES.map((n) => [n, flagsOf([n])] as const),
  ["all", flagsOf(REMEDIATION_NAMES)],
];

/** `--matrix`: the rows of docs/remediation-matrix.md (none, each alone, all, all but one). */
const MATRIX_SETS: ReadonlyArray<readonly [string, Required<ProofFlags>]> = matrixRows(
  REMEDIATION_NAMES,
  "as-was",
).map(({ label, set }) => [label, flagsOf(set)] as const);

const setOf = (names: ReadonlyArray<string>): readonly [string, Required<ProofFlags>] => {
  const list = names.flatMap((n) => n.split(",")).filter((n) => n !== "");
  if (list.includes("all")) return ["all", flagsOf(REMEDIATION_NAMES)];
  for (const n of list)
    if (n !== "none" && !(REMEDIATION_NAMES as ReadonlyArray<string>).includes(n))
      bad(`--remediation ${n}: unknown; one of none, all, ${REMEDIATION_NAMES.join(", ")}`);
  const name = REMEDIATION_NAMES.filter((n) => list.includes(n)).join("+");
  return [name === "" ? "as-was" : name, flagsOf(list)];
};

const necessityText = (a: Attempt): string =>
  match(a.necessary)
    .returnType<string>()
    .with(
      "necessary",
      () =>
        `necessary (Z3: every parameter value breaking it has a reachable violation: ${a.necessaryBy ?? "a state"})`,
    )
    .with(
      "sufficient only",
      () => "sufficient only (Z3: the argument holds without it, for every parameter value)",
    )
    .with("reachable without it", () => {
      const r = a.reachableWithout;
      return r === undefined
        ? "reachable without it"
        : `cannot be dropped (Z3 finds the argument fails without it; at ${pointText(r.config)}, which breaks it, breadth-first search of the model reaches a violation in ${r.ops.length} steps: ${r.message}); not shown necessary for every value`;
    })
    .with(
      "needed by the argument",
      () =>
        "needed by this argument (without it an obligation fails); no violation found at a small value breaking it, not shown necessary to the invariant",
    )
    .with("trivial", () => "nothing to ask (no parameter value breaks it)")
    .otherwise((n) => n);

/** A point's numbers, as `prove` names them. */
const pointText = (c: Config): string =>
  `threadLimit ${c.threads.threadLimit}, baseThreads ${c.threads.baseThreads}, threadsPerPeer ${c.threads.threadsPerPeer}, cellSize ${c.remediationParameters.cellSize}, largerServerFactor ${c.remediationParameters.largerServerFactor}, initialSize ${c.fleet.initialSize}, maxSize ${c.fleet.maxSize}, propagationDelayTicks ${c.membership.propagationDelayTicks}, bootstrapTicks ${c.coldStart.bootstrapTicks}`;

const attemptLines = (invariant: string, a: Attempt): ReadonlyArray<string> => [
  `  ${invariant} ${a.argument === invariant ? "itself" : `via ${a.argument}`} (${a.scope}): ${a.verdict}${a.verdict === "PROVED" ? (a.sideCondition === "none" ? ", no side condition" : ` when ${a.sideCondition}`) : ""}  [${a.ms} ms]`,
  ...(a.verdict === "PROVED"
    ? a.sideCondition === "none"
      ? []
      : [`    side condition necessary: ${necessityText(a)}`]
    : a.obligations.flatMap((o) =>
        o.status === "counterexample"
          ? [
              `    ${o.obligation}: COUNTEREXAMPLE ${JSON.stringify(o.assignment.params)}`,
              `      before ${JSON.stringify(o.assignment.before)}${o.assignment.after ? ` after ${JSON.stringify(o.assignment.after)}` : ""}`,
            ]
          : o.status === "unknown"
            ? [`    ${o.obligation}: UNKNOWN (${o.reason})`]
            : [],
      )),
  ...(a.concrete === undefined
    ? []
    : [
        `    reachable: ${a.concrete.operations} from one frontend (a fleet of ${a.concrete.fleet} at the end), run through step: ${a.concrete.violation ?? "no violation"}`,
      ]),
];

/** The line on preflight's closed form (docs/prove.md), and the claims that failed, if any. */
const closedFormLines = (v: ClosedFormVerdict): ReadonlyArray<string> => [
  `Preflight closed form = model thread accounting: ${v.verdict === "PROVED" ? "PROVED for all parameters in the decoder's domain" : "NOT PROVED"} (${v.claims.length} claims)  [${v.ms} ms]`,
  ...v.claims.flatMap((c) =>
    c.status === "proved"
      ? []
      : [`  ${c.name}: ${c.status === "unknown" ? `UNKNOWN (${c.reason})` : `COUNTEREXAMPLE ${c.model}`}`],
  ),
];

const text = (reports: ReadonlyArray<SetReport>, initMs: number, closedForm: ClosedFormVerdict): string =>
  [
    `Z3 started in ${initMs} ms. Core invariants over symbolic parameters (docs/prove.md):`,
    ...reports.flatMap((r) => [
      "",
      r.remediations,
      ...r.invariants.flatMap((i) => i.attempts.flatMap((a) => attemptLines(i.invariant, a))),
    ]),
    "",
    ...closedFormLines(closedForm),
    ...FLEET_PROOF_ASSUMPTIONS.map(
      (a) =>
        `Assumed, not proved: ${a.name}: ${a.sentence} (${a.source}). Used as ${a.usedAs}. Checked instead by ${a.checkedBy}.`,
    ),
    "",
  ].join("\n");

/** `prove`'s flags, checked before Z3 starts (a BadInput or parseArgs error on bad input). */
export const proveArgs = (args: ReadonlyArray<string>) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      remediation: { type: "string", multiple: true },
      invariant: { type: "string", multiple: true },
      json: { type: "boolean" },
      matrix: { type: "boolean" },
      spec: { type: "string" },
      out: { type: "string" },
      "no-save": { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`prove: unexpected argument ${positionals[0]}`);
  if (values.out !== undefined && values["no-save"]) bad("--out and --no-save cannot be used together");
  // The dependents' bounds are proved apart (cli/proveSystem.ts), with their own names.
  if (values.spec === "system") {
    if (values.matrix) bad("--matrix proves the fleet's matrix rows: not with --spec system");
    checkSystemProveValues(values);
    return { ...values, invariants: [] };
  }
  if (values.spec !== undefined && values.spec !== "fleet")
    bad(`--spec ${values.spec}: one of fleet, system`);
  if (values.matrix && values.remediation !== undefined)
    bad("--matrix proves every row: it takes no --remediation");
  const invariants = (values.invariant ?? []).flatMap((i) => i.split(",")).filter((i) => i !== "");
  for (const i of invariants)
    if (!(CORE_INVARIANTS as ReadonlyArray<string>).includes(i))
      bad(`--invariant ${i}: unknown; one of ${CORE_INVARIANTS.join(", ")}`);
  return { ...values, invariants: invariants as ReadonlyArray<CoreInvariant> };
};

/**
 * `npx outage prove ...`: exit 0 when every invariant asked is PROVED under every set and preflight's closed form
 * is proved, 1 otherwise, 2 on bad input; `--spec system`: cli/proveSystem.ts.
 */
export const proveCommand = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  try {
    const values = proveArgs(args);
    if (values.spec === "system") return await proveSystem(values, io);
    const sets = values.matrix
      ? MATRIX_SETS
      : values.remediation === undefined
        ? DEFAULT_SETS
        : [setOf(values.remediation)];
    const invariants = values.invariants.length > 0 ? values.invariants : CORE_INVARIANTS;
    const started = performance.now();
    const z = await z3Context();
    const initMs = Math.round(performance.now() - started);
    const reports: SetReport[] = [];
    for (const [name, flags] of sets) reports.push(await proveSet(z, name, flags, invariants));
    const closedForm = await closedFormVerdict(z);
    const ms = Math.round(performance.now() - started);
    const saved = values["no-save"] ? [] : saveReachable(values.out ?? "counterexamples", reports);
    io.out(
      values.json
        ? `${JSON.stringify({ z3InitMs: initMs, ms, sets: reports, preflightClosedForm: closedForm, assumptions: FLEET_PROOF_ASSUMPTIONS, saved }, null, 2)}\n`
        : `${text(reports, initMs, closedForm)}${saved
            .map(
              (f) =>
                `${f.invariant} under ${f.remediations}: reachable counterexample saved: ${f.file}\n  replay: npx outage replay ${shellWord(f.file)}\n`,
            )
            .join("")}`,
    );
    return reports.every((r) => r.invariants.every((i) => i.verdict === "PROVED")) &&
      closedForm.verdict === "PROVED"
      ? 0
      : 1;
  } catch (e) {
    if (e instanceof BadInput || (e instanceof Error && "code" in e)) {
      io.err(`outage: ${e.message.split("\n")[0]}\n`);
      return 2;
    }
    throw e;
  }
};
