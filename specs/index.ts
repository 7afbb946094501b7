// ---------------------------------------------------------------------------------------------------------
// specs: the specs this project ships, by id, for the command line and the corpus. A spec's types differ
// from one to the next, so a caller that picks one by name passes a function generic in them (`withSpec`),
// which TypeScript checks once for every spec.
// ---------------------------------------------------------------------------------------------------------
import type { Spec } from "../checker/spec.ts";
import { fleetSpec } from "./fleet.ts";
import { systemSpec } from "./system.ts";

export { fleetSpec, systemSpec };

/** What to do with a spec, whatever its types. */
export type WithSpec<R> = <C, S, Op>(spec: Spec<C, S, Op>) => R;

export const SPEC_IDS = [fleetSpec.id, systemSpec.id] as const;

/** Runs `k` with the spec named `id`; undefined for an unknown id. */
export const withSpec = <R>(id: string, k: WithSpec<R>): R | undefined =>
  id === fleetSpec.id ? k(fleetSpec) : id === systemSpec.id ? k(systemSpec) : undefined;

/** Whose a counterexample file of schemaVersion 1 is: the system's said `"kind": "system"`, the fleet's nothing. */
export const legacySpecId = (file: Readonly<Record<string, unknown>>): string =>
  file.kind === "system" ? systemSpec.id : fleetSpec.id;
