// ---------------------------------------------------------------------------------------------------------
// cli: `outage blast-radius SERVICE [--config NAME|FILE] [--remediation NAME ...] [--json]`: every service that
// transitively depends on SERVICE in the dependency graph (model/dependencyGraph.ts), with the chain that
// reaches it. The remediations on are the config's (a file's `remediations` and `dependents.remediations`)
// plus those asked for; only dependent remediations cut an edge of the graph. For kinesis with cellularization
// (R7) on, also MP10's bound inside the fleet: each cell failed in turn, the goodput the others keep against
// (1 − 1/c) of baseline, with the load spread evenly and with the config's hot cell, and whether CloudWatch's
// ingest (R6: on its own partitioned fleet or not) still sees Kinesis (analyses/blastRadius.ts).
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import { type BlastRadiusBound, blastRadiusBound, type CellFailure } from "../analyses/blastRadius.ts";
import { REMEDIATION_NAMES, type RemediationName, withRemediations } from "../model/config.ts";
import {
  activeDependencies,
  blastRadius,
  DEPENDENCIES,
  SERVICES,
  type Service,
} from "../model/dependencyGraph.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediationName,
  type DependentRemediations,
  NO_DEPENDENT_REMEDIATIONS,
  type SystemConfig,
} from "../model/dependents/config.ts";
import { bad, loadConfigFile } from "./input.ts";
import type { Io } from "./io.ts";

/** `--remediation` values: dependent remediation names, comma lists, or `all` (core names are taken apart). */
export const dependentRemediationsFrom = (values: ReadonlyArray<string>): DependentRemediations => {
  const names = values.flatMap((v) => v.split(",")).filter((v) => v !== "");
  if (names.includes("all"))
    return Object.fromEntries(DEPENDENT_REMEDIATION_NAMES.map((n) => [n, true])) as DependentRemediations;
  const unknown = names.find((n) => !(DEPENDENT_REMEDIATION_NAMES as ReadonlyArray<string>).includes(n));
  if (unknown !== undefined)
    bad(
      `--remediation ${unknown}: unknown; expected all or one of ${[...REMEDIATION_NAMES, ...DEPENDENT_REMEDIATION_NAMES].join(", ")}`,
    );
  return {
    ...NO_DEPENDENT_REMEDIATIONS,
    ...Object.fromEntries(names.map((n) => [n as DependentRemediationName, true])),
  };
};

export const blastRadiusCommand = (args: ReadonlyArray<string>, io: Io): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      config: { type: "string" },
      remediation: { type: "string", multiple: true },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) bad(`blast-radius: give one service: ${SERVICES.join(", ")}`);
  const failed = positionals[0] as string;
  if (!(SERVICES as ReadonlyArray<string>).includes(failed))
    bad(`blast-radius ${failed}: unknown service; expected one of ${SERVICES.join(", ")}`);
  const loaded = loadConfigFile(values.config);
  const asked = (values.remediation ?? []).flatMap((v) => v.split(",")).filter((v) => v !== "");
  const isCore = (n: string): n is RemediationName =>
    (REMEDIATION_NAMES as ReadonlyArray<string>).includes(n);
  const named = dependentRemediationsFrom(asked.filter((n) => !isCore(n)));
  const remediations = Object.fromEntries(
    DEPENDENT_REMEDIATION_NAMES.map((n) => [n, named[n] || loaded.dependents.remediations[n]]),
  ) as DependentRemediations;
  // Core remediations named, or on in the config file, are listed (they cut nothing); "all" lists only the
  // dependents', as it did before core names were taken, so its output is unchanged.
  const core = REMEDIATION_NAMES.filter((n) => loaded.core.remediations[n] || asked.includes(n));
  const on = [...core, ...DEPENDENT_REMEDIATION_NAMES.filter((n) => remediations[n])];
  const graph = activeDependencies(remediations);
  const reached = blastRadius(graph, failed as Service);
  const system: SystemConfig = {
    ...withRemediations(loaded.core, core),
    dependents: { ...loaded.dependents, remediations },
  };
  const mp10 = failed === "kinesis" ? blastRadiusBound(system) : undefined;
  if (values.json === true) {
    const out = {
      service: failed,
      remediations: on,
      radius: reached.map((r) => r.service),
      paths: reached,
      ...(mp10 === undefined ? {} : { mp10 }),
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const why = (a: string, b: string): string =>
    DEPENDENCIES.find((d) => d.on === a && d.dependent === b)?.why ?? "";
  const lines = [
    `blast radius of ${failed} (remediations: ${on.length === 0 ? "none" : on.join(", ")}): ${reached.length} service${reached.length === 1 ? "" : "s"}`,
    ...reached.map(
      (r) =>
        `  ${r.service.padEnd(12)} ${r.path.join(" → ")}   (${why(r.path[r.path.length - 2] ?? "", r.service)})`,
    ),
  ];
  const cut = DEPENDENCIES.filter((d) => !graph.includes(d));
  if (cut.length > 0)
    lines.push(
      "cut by the remediations:",
      ...cut.map((d) => `  ${d.on} → ${d.dependent}   (${d.cutBy.join(" + ")})`),
    );
  if (core.length > 0)
    lines.push(
      `core remediations (${core.join(", ")}) change the Kinesis fleet, not the graph: they cut no dependency`,
    );
  if (mp10 !== undefined) lines.push(...mp10Lines(mp10));
  io.out(`${lines.join("\n")}\n`);
  return 0;
};

const num = (x: number): string => `${Math.round(10 * x) / 10}`;

const failureLine = (b: BlastRadiusBound, f: CellFailure): string =>
  `    cell ${f.cell} fails (${num(f.loadPercent)}% of the load): the fleet delivers ${num(f.goodput)} of ${num(b.baseline)} (${num(f.percentOfBaseline)}%), bound ${f.boundHolds ? "HOLDS" : "FAILS"}; CloudWatch ingest ${f.cloudwatchAvailable ? "ok" : "fails"}`;

/** MP10 (R6, R7) in words: the bound, each cell failed with the load spread evenly and as configured. */
export const mp10Lines = (b: BlastRadiusBound): ReadonlyArray<string> => [
  `MP10 inside the Kinesis fleet (R7: ${b.cells} cells of ${b.cellSize} frontends, ${num(b.offered)} requests a tick): does a failure confined to one cell keep goodput ≥ (1 − 1/c) = ${num(b.boundPercent)}% of baseline (${num(b.baseline)} a tick)?`,
  `  load spread evenly (${num(100 / b.cells)}% a cell):`,
  ...b.balanced.map((f) => failureLine(b, f)),
  `  as configured (cell 0 takes ${num(b.firstCellLoadPercent)}% of the load${b.firstCellLoadPercent > 100 / b.cells ? ": a hot cell" : ""}):`,
  ...b.configured.map((f) => failureLine(b, f)),
  b.cloudwatchPartitioned
    ? "  R6: CloudWatch is on its own partitioned front-end fleet (cloudwatchPartitionedFleet): unaffected by any cell's failure"
    : "  R6: CloudWatch shares this fleet (cloudwatchPartitionedFleet off): its ingest fails while the fleet delivers less than kinesis.minHealthyPercent of its load",
];
