// ---------------------------------------------------------------------------------------------------------
// The package's public API (`import { fleetSpec, searchInvariant } from "kinesis-outage-model"`): the model,
// its invariants, the two specs, their operation arbitraries, and the engine that searches, explores, replays
// and traces any spec. Only re-exports; docs/library.md documents every name with an example (a test keeps it
// complete), and each name's doc comment is in the file it comes from. Deeper imports:
// "kinesis-outage-model/model/*", "/properties/*", "/checker/*", "/specs/*" (package.json `exports`); the
// vitest entry is "kinesis-outage-model/vitest" (testing/vitest.ts). docs/architecture.md explains how the
// pieces fit. The input formats (`ConfigFormat`, `OpFormat`, `ScenarioFormat`, ...) are valibot schemas, each
// defined once, sorted in among the rest by the file they come from.
// ---------------------------------------------------------------------------------------------------------

// The engine: one for every spec.
export type { SavedStep } from "./checker/counterexample.ts";
export {
  type Counterexample,
  counterexampleFrom,
  decodeCounterexample,
  encodeCounterexample,
  parseJson,
  specIdOf,
} from "./checker/counterexample.ts";
export {
  counterexampleFormat,
  type FileParts,
  type SpecFileParts,
} from "./checker/counterexampleFormat.ts";
export { DEFAULT_RUNS, DEFAULT_SEED } from "./checker/defaults.ts";
export type { BfsOptions, BfsResult, BfsVerdict, Exploration } from "./checker/exploration.ts";
export {
  type InvariantPropertyOptions,
  invariantArbitrary,
  invariantHolds,
  invariantProperty,
} from "./checker/property.ts";
export { replayCounterexample } from "./checker/replay.ts";
export {
  minimize,
  type SearchOptions,
  type SearchResult,
  searchInvariant,
  searchInvariants,
} from "./checker/search.ts";
export {
  type ConfigSet,
  invariantOf,
  type Narration,
  type Refused,
  type Spec,
  type StepChecker,
} from "./checker/spec.ts";
export {
  defineInvariant,
  type InvariantDefinition,
  type SpecInvariant,
  type Violated,
} from "./checker/specInvariant.ts";
export { acceptedOps, runTrace, statesOf, type TraceResult, type TraceStep } from "./checker/trace.ts";
export { exploreBreadthFirst } from "./checker/verify/bfs.ts";
export { narrate } from "./explain/narrate.ts";
export { COUNTEREXAMPLE_FORMATS } from "./explain/specSchemas.ts";
// The model: the fleet's state machine, the whole system's, and the configurations they are checked with.
export {
  type Config,
  NO_REMEDIATIONS,
  REMEDIATION_NAMES,
  type RemediationName,
  withAllRemediations,
  withRemediations,
} from "./model/config.ts";
export { parseConfig } from "./model/configDecoder.ts";
export { ConfigFormat } from "./model/configFormat.ts";
export { asWas, BUILTIN_CONFIGS, small } from "./model/configs/index.ts";
export type { SystemConfig } from "./model/dependents/config.ts";
export { decodeSystemConfig } from "./model/dependents/configDecoder.ts";
export { ConfigFileFormat, SystemConfigFormat } from "./model/dependents/configFormat.ts";
export { decodeWith, type Format, type Where } from "./model/format.ts";
export { OpFormat } from "./model/opFormat.ts";
export type { Op, OpType } from "./model/ops.ts";
export type { Refusal, StepResult } from "./model/refusal.ts";
export { ScenarioFormat } from "./model/scenarios/scenarioFormat.ts";
export { type Frontend, initialState, type State } from "./model/state.ts";
export { step } from "./model/step.ts";
export { initialSystemState, type SystemOp, type SystemState, systemStep } from "./model/system.ts";
export { SystemOpFormat } from "./model/systemOpFormat.ts";
// The properties: the invariants, by name.
export { SYSTEM_INVARIANTS, type SystemInvariant } from "./properties/dependents/index.ts";
export {
  INVARIANTS,
  type Invariant,
  type InvariantName,
  invariantNamed,
  type Violation,
} from "./properties/index.ts";
// The specs: the fleet and the whole system, as the engine checks them, and the operation sequences their
// searches generate (fast-check arbitraries).
export { opArb, opsArb } from "./specs/fleet/arbitraries.ts";
export { fleetSpec, SPEC_IDS, systemSpec, withSpec } from "./specs/index.ts";
export { dependentOpArb, systemOpArb, systemOpsArb } from "./specs/system/arbitraries.ts";
