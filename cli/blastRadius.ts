// ---------------------------------------------------------------------------------------------------------
// cli: `outage blast-radius SERVICE [--config NAME|FILE] [--remediation NAME ...] [--json]`: every service that
// transitively depends on SERVICE in the dependency graph (model/dependencyGraph.ts), with the chain that
// reaches it. The remediations on are the config's (a file's `remediations` and `dependents.remediations`)
// plus those asked for; only dependent remediations cut an edge of the graph.
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import { REMEDIATION_NAMES, type RemediationName } from "../model/config.ts";
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
  if (values.json === true) {
    const out = { service: failed, remediations: on, radius: reached.map((r) => r.service), paths: reached };
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
  io.out(`${lines.join("\n")}\n`);
  return 0;
};
