// ---------------------------------------------------------------------------------------------------------
// explain: a counterexample in the Informal Trace Format (ITF, Apalache ADR-015), the JSON trace format of
// Quint and the TLA+ tools, so existing trace viewers (the ITF Trace Viewer, Quint's tooling, the Rust `itf`
// crate) load it. Every integer is {"#bigint": "..."}, records are objects, lists are arrays, a frontend's
// stale shard entries are a {"#set": [...]}. One state per step, state 0 being the initial state; a step
// the model refused repeats the state before it. `mbt::actionTaken` names the operation, as Quint does.
// A system counterexample adds one variable per dependent service. How a state is written is the spec's
// (specs/fleet/itf.ts, specs/system/itf.ts). Pure and deterministic: no timestamp. This is `explain --format
// itf`'s view, narrated (labels, refusals, the violation in each state's #meta); `check --out-itf` and
// `verify --out-itf` write the engine's (checker/itf.ts), which adds `mbt::nondetPicks` and the whole
// counterexample in #meta, so that `replay` and `explain` read it back.
// ---------------------------------------------------------------------------------------------------------
import { ITF_FORMAT_DESCRIPTION } from "../checker/itf.ts";
import { FLEET_ITF_VARS, fleetStateVars } from "../specs/fleet/itf.ts";
import { dependentVars, ITF_DEPENDENT_VARS } from "../specs/system/itf.ts";
import { type Explained, traceTitle } from "./frames.ts";

export { ITF_FORMAT_DESCRIPTION };

/** The model's state variables (model/state.ts), in declaration order, then Quint's action. */
export const ITF_VARS = [...FLEET_ITF_VARS, "mbt::actionTaken"] as const;

/** The variables of a system counterexample's ITF: the fleet's, then the dependents', then the action. */
export const ITF_SYSTEM_VARS = [...FLEET_ITF_VARS, ...ITF_DEPENDENT_VARS, "mbt::actionTaken"] as const;

/** The ITF trace of an explained counterexample. `source` names the file it came from. */
export const toItf = (e: Explained, source: string): Readonly<Record<string, unknown>> => {
  const c = e.counterexample;
  return {
    "#meta": {
      format: "ITF",
      "format-description": ITF_FORMAT_DESCRIPTION,
      source,
      // A near miss is a run on which the invariant held: no violation, whether or not it still reproduces.
      status: e.reproduces && c.nearMiss === undefined ? "violation" : "no-violation",
      description: `${traceTitle(e, c.config.name)} after step ${c.violationStep}: ${c.message}`,
      invariant: c.invariant,
      invariantSource: c.source,
      config: c.config.name,
      seed: c.seed,
      path: c.path,
    },
    vars: e.systemConfig === undefined ? [...ITF_VARS] : [...ITF_SYSTEM_VARS],
    states: e.frames.map((f) => ({
      "#meta": {
        index: f.index,
        ...(f.step !== undefined ? { label: f.step.label } : {}),
        ...(f.step?.refused !== undefined ? { refused: f.step.refused } : {}),
        ...(f.violation !== undefined ? { violation: f.violation.message } : {}),
      },
      ...fleetStateVars(e.config, f.state),
      ...(f.system !== undefined ? dependentVars(f.system.dependents) : {}),
      "mbt::actionTaken": f.step === undefined ? "init" : f.step.op.type,
    })),
  };
};

/** The ITF file's text: two-space indent, trailing newline. */
export const encodeItf = (e: Explained, source: string): string =>
  `${JSON.stringify(toItf(e, source), null, 2)}\n`;
