// ---------------------------------------------------------------------------------------------------------
// cli: `npx outage prove`: ThreadBudget proved with Z3 for every value of the parameters satisfying a printed
// side condition (docs/prove.md). Asynchronous (Z3 answers through promises), so cli/outage.ts runs it apart
// from the synchronous `main` of the other commands.
// ---------------------------------------------------------------------------------------------------------
import { parseArgs } from "node:util";
import { REMEDIATION_NAMES } from "../model/config.ts";
import { ARGUMENTS } from "../specs/fleet/prove/arguments.ts";
import { replayConcretely, violatingState } from "../specs/fleet/prove/concrete.ts";
import type { ProofFlags } from "../specs/fleet/prove/encoding.ts";
import { type ClosedFormVerdict, closedFormVerdict } from "../specs/fleet/prove/preflight.ts";
import { type ArgumentResult, proveArgument } from "../specs/fleet/prove/prove.ts";
import { z3Context } from "../specs/prove/z3.ts";
import { BadInput, bad } from "./input.ts";
import type { Io } from "./io.ts";
import { checkSystemProveValues, proveSystem } from "./proveSystem.ts";

const NONE: ProofFlags = { cellularization: false, preflightGuard: false, largerServers: false };

/** The remediation sets proved when none is named: as-was, each one that changes thread demand, all. */
const DEFAULT_SETS: ReadonlyArray<readonly [string, ProofFlags]> = [
  ["as-was", NONE],
  ["preflightGuard", { ...NONE, preflightGuard: true }],
  ["cellularization", { ...NONE, cellularization: true }],
  ["largerServers", { ...NONE, largerServers: true }],
  ["all", { cellularization: true, preflightGuard: true, largerServers: true }],
];

const setOf = (names: ReadonlyArray<string>): readonly [string, ProofFlags] => {
  const list = names.flatMap((n) => n.split(",")).filter((n) => n !== "");
  if (list.includes("all"))
    return ["all", { cellularization: true, preflightGuard: true, largerServers: true }];
  for (const n of list)
    if (n !== "none" && !(REMEDIATION_NAMES as ReadonlyArray<string>).includes(n))
      bad(`--remediation ${n}: unknown; one of none, all, ${REMEDIATION_NAMES.join(", ")}`);
  const on = (n: keyof ProofFlags): boolean => list.includes(n);
  const flags = {
    cellularization: on("cellularization"),
    preflightGuard: on("preflightGuard"),
    largerServers: on("largerServers"),
  };
  const name = list.filter((n) => n !== "none").join("+");
  return [name === "" ? "as-was" : name, flags];
};

interface SetReport {
  readonly remediations: string;
  readonly results: ReadonlyArray<ArgumentResult & { readonly concrete?: ConcreteReport }>;
}

interface ConcreteReport {
  readonly fleet: number;
  readonly operations: string;
  readonly violation: string | undefined;
}

const proveSet = async ([name, flags]: readonly [string, ProofFlags]): Promise<SetReport> => {
  const z = await z3Context();
  const results: SetReport["results"][number][] = [];
  for (const argument of ARGUMENTS.filter((a) => a.appliesTo(flags))) {
    const result = await proveArgument(z, flags, argument);
    const state = result.verdict === "NOT INDUCTIVE" ? violatingState(result) : undefined;
    const trace = state === undefined ? undefined : replayConcretely(flags, state.params, state.group);
    results.push(
      trace === undefined || state === undefined
        ? result
        : {
            ...result,
            concrete: {
              fleet: state.group,
              operations: trace.ops.map((op) => JSON.stringify(op)).join(", "),
              violation: trace.violation,
            },
          },
    );
  }
  return { remediations: name, results };
};

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
    `Z3 started in ${initMs} ms. ThreadBudget over symbolic parameters (docs/prove.md):`,
    ...reports.flatMap((r) => [
      "",
      `${r.remediations}`,
      ...r.results.flatMap((a) => [
        `  ${a.argument} (${a.scope}): ${a.verdict}${a.verdict === "PROVED" ? ` when ${a.sideCondition}` : ""}  [${a.ms} ms]`,
        ...(a.verdict === "PROVED"
          ? [
              `    side condition necessary: ${a.necessary === "yes" ? "yes (Z3: every parameter value breaking it has a reachable state over the limit)" : a.necessary}`,
            ]
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
              `    reachable: a fleet of ${a.concrete.fleet} servers (${a.concrete.operations} from one frontend), run through step: ${a.concrete.violation ?? "no violation"}`,
            ]),
      ]),
    ]),
    "",
    ...closedFormLines(closedForm),
    "",
  ].join("\n");

/** `npx outage prove ...`: exit 0 when every set has an argument PROVED, 1 otherwise, 2 on bad input. */
/** `prove`'s flags, checked before Z3 starts (a BadInput or parseArgs error on bad input). */
export const proveArgs = (args: ReadonlyArray<string>) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      remediation: { type: "string", multiple: true },
      invariant: { type: "string", multiple: true },
      json: { type: "boolean" },
      spec: { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`prove: unexpected argument ${positionals[0]}`);
  // The dependents' bounds are proved apart (cli/proveSystem.ts), with their own names.
  if (values.spec === "system") {
    checkSystemProveValues(values);
    return values;
  }
  if (values.spec !== undefined && values.spec !== "fleet")
    bad(`--spec ${values.spec}: one of fleet, system`);
  for (const i of values.invariant ?? [])
    if (i !== "ThreadBudget") bad(`--invariant ${i}: prove encodes only ThreadBudget so far (issue 13)`);
  return values;
};

export const proveCommand = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  try {
    const values = proveArgs(args);
    if (values.spec === "system") return await proveSystem(values, io);
    const sets = values.remediation === undefined ? DEFAULT_SETS : [setOf(values.remediation)];
    const started = performance.now();
    await z3Context();
    const initMs = Math.round(performance.now() - started);
    const reports: SetReport[] = [];
    for (const set of sets) reports.push(await proveSet(set));
    const closedForm = await closedFormVerdict(await z3Context());
    io.out(
      values.json
        ? `${JSON.stringify({ z3InitMs: initMs, sets: reports, preflightClosedForm: closedForm }, null, 2)}\n`
        : text(reports, initMs, closedForm),
    );
    return reports.every((r) => r.results.some((a) => a.verdict === "PROVED")) &&
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
