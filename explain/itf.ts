// ---------------------------------------------------------------------------------------------------------
// explain: a counterexample in the Informal Trace Format (ITF, Apalache ADR-015), the JSON trace format of
// Quint and the TLA+ tools, so existing trace viewers (the ITF Trace Viewer, Quint's tooling, the Rust `itf`
// crate) load it. Every integer is {"#bigint": "..."}, records are objects, lists are arrays, a frontend's
// stale shard entries are a {"#set": [...]}. One state per step, state 0 being the initial state; a step
// the model refused repeats the state before it. `mbt::actionTaken` names the operation, as Quint does.
// A system counterexample adds one variable per dependent service (model/system.ts `Dependents`); a field
// that may be empty (`number | null`, such as a pending request's start, or the fleet's `lastRequest`) is Quint's Option variant,
// {"tag": "Some", "value": ...} or {"tag": "None", "value": {"#tup": []}}. Pure and deterministic: no timestamp.
// A frontend's lag is written as `behindFor`, the number of ticks model/state.ts derives from the stamp the
// model stores (`behindSince`, the tick it fell behind at, meaningless while it is in step): the lag is the
// state variable of the specification, the stamp only how the TypeScript model keeps it cheaply.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import { frontendWithLag } from "../model/lag.ts";
import type { Frontend, State } from "../model/state.ts";
import type { Dependents } from "../model/system.ts";
import { type Explained, traceTitle } from "./frames.ts";

export type ItfValue =
  | string
  | boolean
  | { readonly "#bigint": string }
  | { readonly "#set": ReadonlyArray<ItfValue> }
  | ReadonlyArray<ItfValue>
  | { readonly [k: string]: ItfValue };

export const ITF_FORMAT_DESCRIPTION = "https://apalache-mc.org/docs/adr/015adr-trace.html";

const big = (n: number): ItfValue => ({ "#bigint": String(n) });

/** Quint's empty Option, for a field that is `null` in the model. */
const NONE: ItfValue = { tag: "None", value: { "#tup": [] } };

/** A plain JSON value as ITF: numbers become big integers (they are all integers in the model). */
const toItfValue = (v: unknown): ItfValue => {
  if (typeof v === "number") {
    if (!Number.isSafeInteger(v)) throw new Error(`internal: ITF needs integers, got ${v}`);
    return big(v);
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(toItfValue);
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toItfValue(x)]));
  throw new Error(`internal: no ITF encoding for ${String(v)}`);
};

/** The shards set in a bitmask, as an ITF set (sorted). */
const shardSet = (mask: number): ItfValue => ({
  "#set": Array.from({ length: 31 }, (_, s) => s)
    .filter((s) => (mask & (1 << s)) !== 0)
    .map(big),
});

/** The model's state variables (model/state.ts), in declaration order. */
export const ITF_VARS = [
  "frontends",
  "cellSizes",
  "nextId",
  "capacityUnits",
  "owners",
  "tick",
  "requests",
  "sinceMoved",
  "lastRequest",
  "mbt::actionTaken",
] as const;

/** A frontend's record as ITF: every field of `Frontend` in order, its lag in place of its stamp. */
const frontendVar = (config: Config, s: State, f: Frontend): ItfValue => ({
  ...(toItfValue(frontendWithLag(config, s, f)) as Record<string, ItfValue>),
  staleShards: shardSet(f.staleShards),
});

const stateVars = (config: Config, s: State): Readonly<Record<string, ItfValue>> => ({
  frontends: s.frontends.map((f) => frontendVar(config, s, f)),
  cellSizes: toItfValue(s.cellSizes),
  nextId: big(s.nextId),
  capacityUnits: big(s.capacityUnits),
  owners: toItfValue(s.owners),
  tick: big(s.tick),
  requests: toItfValue(s.requests),
  sinceMoved: toItfValue(s.sinceMoved),
  lastRequest: s.lastRequest === null ? NONE : { tag: "Some", value: toItfValue(s.lastRequest) },
});

/** The dependents (model/system.ts `Dependents`), in declaration order: one ITF variable each. */
export const ITF_DEPENDENT_VARS = [
  "cognito",
  "cloudwatch",
  "autoscaling",
  "lambda",
  "eventbridge",
  "dashboard",
  "customer",
] as const satisfies ReadonlyArray<keyof Dependents>;

/** The variables of a system counterexample's ITF: the fleet's, then the dependents', then the action. */
export const ITF_SYSTEM_VARS = [
  ...ITF_VARS.filter((v) => v !== "mbt::actionTaken"),
  ...ITF_DEPENDENT_VARS,
  "mbt::actionTaken",
] as const;

/** The dependents' fields that may be empty (`number | null`), encoded as an Option variant. */
export const ITF_OPTIONAL_FIELDS: ReadonlyArray<string> = [
  "autoscaling.pendingSince",
  "eventbridge.pendingSince.ecs",
  "eventbridge.pendingSince.eks",
  "dashboard.postStartedAt",
  "customer.approvalAskedAt",
];

/** Like toItfValue, with the fields at ITF_OPTIONAL_FIELDS as Options (`path` is the field's dotted path). */
const toItfValueAt = (v: unknown, path: string): ItfValue => {
  if (ITF_OPTIONAL_FIELDS.includes(path))
    return v === null ? NONE : { tag: "Some", value: toItfValueAt(v, `${path}?`) };
  if (typeof v === "object" && v !== null && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toItfValueAt(x, `${path}.${k}`)]));
  if (v === null) throw new Error(`internal: ${path} is null but not listed in ITF_OPTIONAL_FIELDS`);
  return toItfValue(v);
};

const dependentVars = (d: Dependents): Readonly<Record<string, ItfValue>> =>
  Object.fromEntries(ITF_DEPENDENT_VARS.map((k) => [k, toItfValueAt(d[k], k)]));

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
      ...stateVars(e.config, f.state),
      ...(f.system !== undefined ? dependentVars(f.system.dependents) : {}),
      "mbt::actionTaken": f.step === undefined ? "init" : f.step.op.type,
    })),
  };
};

/** The ITF file's text: two-space indent, trailing newline. */
export const encodeItf = (e: Explained, source: string): string =>
  `${JSON.stringify(toItf(e, source), null, 2)}\n`;
