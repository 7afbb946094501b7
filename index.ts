// ---------------------------------------------------------------------------------------------------------
// The package's public API (`import { step, INVARIANTS, searchInvariant } from "kinesis-outage-model"`):
// the model, its invariants and the engine that searches, replays and traces them. Only re-exports; each
// name's documentation is in the file it comes from. Deeper imports: "kinesis-outage-model/model/*",
// "/properties/*", "/checker/*", "/specs/*" (package.json `exports`).
//
// TODO(merge with the engine refactor): export the specs (fleetSpec, systemSpec from specs/) and the generic
// engine (checker/spec.ts; searchInvariant(spec, config, inv, options) in checker/search.ts; checker/trace.ts)
// in place of the fleet-only searchInvariant/runTrace and the system* functions below.
// ---------------------------------------------------------------------------------------------------------

// The engine: random search with shrinking, traces, counterexample files and their replay.
export { type Counterexample, encodeCounterexample, parseCounterexample } from "./checker/counterexample.ts";
export { replayCounterexample } from "./checker/replay.ts";
export {
  DEFAULT_MAX_STEPS,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  type SearchOptions,
  type SearchResult,
  searchInvariant,
} from "./checker/search.ts";
export { searchSystemInvariant } from "./checker/systemSearch.ts";
export { runSystemTrace } from "./checker/systemTrace.ts";
export { runTrace, type TraceResult } from "./checker/trace.ts";
// The model: the fleet's state machine and the configurations it is checked with.
export {
  type Config,
  NO_REMEDIATIONS,
  REMEDIATION_NAMES,
  type RemediationName,
  withAllRemediations,
  withRemediations,
} from "./model/config.ts";
export { parseConfig } from "./model/configDecoder.ts";
export { asWas, BUILTIN_CONFIGS, small } from "./model/configs/index.ts";
export type { SystemConfig } from "./model/dependents/config.ts";
export { decodeSystemConfig } from "./model/dependents/configDecoder.ts";
export type { Op, OpType } from "./model/ops.ts";
export type { Refusal, StepResult } from "./model/refusal.ts";
export { type Frontend, initialState, type State } from "./model/state.ts";
export { step } from "./model/step.ts";
export { initialSystemState, type SystemOp, type SystemState, systemStep } from "./model/system.ts";
// The properties: the invariants, by name.
export { SYSTEM_INVARIANTS, type SystemInvariant } from "./properties/dependents/index.ts";
export {
  INVARIANTS,
  type Invariant,
  type InvariantName,
  invariantNamed,
  type Violation,
} from "./properties/index.ts";
