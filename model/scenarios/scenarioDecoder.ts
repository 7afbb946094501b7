// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted scenario file (`npx outage scenario FILE`) at the boundary, by hand in the style
// of model/dependents/configDecoder.ts: exactly the fields of scenarioFile.ts, or a one-line error naming the
// first field that is wrong (`actions[3].pacedRestart.everyTicks must be an integer ≥ 1`).
// docs/scenario.schema.json describes the same format for editors.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { REMEDIATION_NAMES, type RemediationName } from "../config.ts";
import { DEPENDENT_REMEDIATION_NAMES, type DependentRemediationName } from "../dependents/config.ts";
import type { SystemOp } from "../system.ts";
import { decodeSystemOp } from "../systemOpDecoder.ts";
import type { Background, PacedRestart, ScenarioAction, ScenarioFile } from "./scenarioFile.ts";

type Decoded<A> = E.Either<string, A>;
type Obj = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The longest scenario accepted: a week of 5-minute ticks (a guard against a typo running for hours). */
export const MAX_END_TICK = 7 * 24 * 12;

/** Every remediation a deployment may switch on: the fleet's and the dependents'. */
export const DEPLOYABLE: ReadonlyArray<RemediationName | DependentRemediationName> = [
  ...REMEDIATION_NAMES,
  ...DEPENDENT_REMEDIATION_NAMES,
];

/** `v` as an object with only `allowed` keys, the `required` among them present. */
const fields = (
  path: string,
  v: unknown,
  required: ReadonlyArray<string>,
  optional: ReadonlyArray<string> = [],
): Decoded<Obj> => {
  if (!isRecord(v)) return E.left(`${path} must be an object`);
  const extra = Object.keys(v).find((k) => !required.includes(k) && !optional.includes(k));
  if (extra !== undefined) return E.left(`unknown key ${path}.${extra}`);
  const missing = required.find((k) => !(k in v));
  return missing === undefined ? E.right(v) : E.left(`missing key ${path}.${missing}`);
};

const int = (path: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): Decoded<number> =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max
    ? E.right(v)
    : E.left(
        max === Number.MAX_SAFE_INTEGER
          ? `${path} must be an integer ≥ ${min}`
          : `${path} must be an integer from ${min} to ${max}`,
      );

const text = (path: string, v: unknown): Decoded<string> =>
  typeof v === "string" && v.length > 0 && !/[\r\n]/.test(v)
    ? E.right(v)
    : E.left(`${path} must be a non-empty one-line string`);

/** Decodes each element with `f`, stopping at the first error. */
const each = <A>(
  path: string,
  v: unknown,
  f: (p: string, x: unknown) => Decoded<A>,
): Decoded<ReadonlyArray<A>> => {
  if (!Array.isArray(v)) return E.left(`${path} must be an array`);
  const out: A[] = [];
  for (const [i, x] of v.entries()) {
    const r = f(`${path}[${i}]`, x);
    if (E.isLeft(r)) return r;
    out.push(r.right);
  }
  return E.right(out);
};

/** A system operation, but not the clock: time is the action's `tick`. */
const op = (path: string, v: unknown): Decoded<SystemOp> =>
  isRecord(v) && v.type === "tick"
    ? E.left(`${path}.type tick is not an action: time passes by itself; give the action's tick instead`)
    : decodeSystemOp(path, v);

const pacedRestart = (path: string, v: unknown): Decoded<PacedRestart> => {
  const o = fields(path, v, ["frontends", "everyTicks"], ["first", "perStep"]);
  if (E.isLeft(o)) return o;
  const r = o.right;
  const first = int(`${path}.first`, r.first ?? 0, 0);
  const frontends = int(`${path}.frontends`, r.frontends, 1);
  const perStep = int(`${path}.perStep`, r.perStep ?? 1, 1);
  const everyTicks = int(`${path}.everyTicks`, r.everyTicks, 1);
  for (const x of [first, frontends, perStep, everyTicks]) if (E.isLeft(x)) return x;
  return E.right({
    first: (first as E.Right<number>).right,
    frontends: (frontends as E.Right<number>).right,
    perStep: (perStep as E.Right<number>).right,
    everyTicks: (everyTicks as E.Right<number>).right,
  });
};

const deploy = (path: string, v: unknown): Decoded<NonNullable<ScenarioAction["deploy"]>> => {
  const o = fields(path, v, [], ["remediations", "threadLimit"]);
  if (E.isLeft(o)) return o;
  const names = each(`${path}.remediations`, o.right.remediations ?? [], (p, x) =>
    (DEPLOYABLE as ReadonlyArray<unknown>).includes(x)
      ? E.right(x as RemediationName | DependentRemediationName)
      : E.left(`${p} must be one of ${DEPLOYABLE.join(", ")}`),
  );
  if (E.isLeft(names)) return names;
  if (o.right.remediations !== undefined && names.right.length === 0)
    return E.left(`${path}.remediations must not be empty`);
  if (o.right.threadLimit === undefined)
    return names.right.length === 0
      ? E.left(`${path} must switch on a remediation or set threadLimit`)
      : E.right({ remediations: names.right });
  const limit = int(`${path}.threadLimit`, o.right.threadLimit, 1);
  return E.isLeft(limit) ? limit : E.right({ remediations: names.right, threadLimit: limit.right });
};

const action =
  (endTick: number) =>
  (path: string, v: unknown): Decoded<ScenarioAction> => {
    const o = fields(path, v, ["tick"], ["record", "ops", "pacedRestart", "deploy"]);
    if (E.isLeft(o)) return o;
    const a = o.right;
    const kinds = ["ops", "pacedRestart", "deploy"].filter((k) => k in a);
    if (kinds.length > 1)
      return E.left(`${path} must have at most one of ops, pacedRestart, deploy (has ${kinds.join(", ")})`);
    const tick = int(`${path}.tick`, a.tick, 0, endTick - 1);
    if (E.isLeft(tick)) return tick;
    const record = a.record === undefined ? E.right(undefined) : text(`${path}.record`, a.record);
    if (E.isLeft(record)) return record;
    const base = { tick: tick.right, ...(record.right === undefined ? {} : { record: record.right }) };
    if ("ops" in a)
      return E.map((ops: ReadonlyArray<SystemOp>) => ({ ...base, ops }))(each(`${path}.ops`, a.ops, op));
    if ("pacedRestart" in a)
      return E.map((r: PacedRestart) => ({ ...base, pacedRestart: r }))(
        pacedRestart(`${path}.pacedRestart`, a.pacedRestart),
      );
    if ("deploy" in a)
      return E.map((d: NonNullable<ScenarioAction["deploy"]>) => ({ ...base, deploy: d }))(
        deploy(`${path}.deploy`, a.deploy),
      );
    return E.right(base);
  };

const background = (path: string, v: unknown): Decoded<Background> => {
  const o = fields(path, v, ["fromTick", "everyTicks", "ops"]);
  if (E.isLeft(o)) return o;
  const fromTick = int(`${path}.fromTick`, o.right.fromTick, 0);
  if (E.isLeft(fromTick)) return fromTick;
  const everyTicks = int(`${path}.everyTicks`, o.right.everyTicks, 1);
  if (E.isLeft(everyTicks)) return everyTicks;
  const ops = each(`${path}.ops`, o.right.ops, op);
  return E.isLeft(ops)
    ? ops
    : E.right({ fromTick: fromTick.right, everyTicks: everyTicks.right, ops: ops.right });
};

/** Decodes a scenario file (`$schema` is allowed and ignored, for editors). */
export const decodeScenarioFile = (v: unknown): Decoded<ScenarioFile> => {
  const o = fields(
    "scenario",
    v,
    ["name", "startMinute", "endTick", "actions"],
    ["$schema", "description", "background"],
  );
  if (E.isLeft(o)) return o;
  const f = o.right;
  const name = text("scenario.name", f.name);
  if (E.isLeft(name)) return name;
  const description = f.description === undefined ? E.right("") : text("scenario.description", f.description);
  if (E.isLeft(description)) return description;
  const startMinute = int("scenario.startMinute", f.startMinute, 0, 24 * 60 - 1);
  if (E.isLeft(startMinute)) return startMinute;
  const endTick = int("scenario.endTick", f.endTick, 1, MAX_END_TICK);
  if (E.isLeft(endTick)) return endTick;
  const bg = each("scenario.background", f.background ?? [], background);
  if (E.isLeft(bg)) return bg;
  const actions = each("scenario.actions", f.actions, action(endTick.right));
  if (E.isLeft(actions)) return actions;
  return E.right({
    name: name.right,
    description: description.right,
    startMinute: startMinute.right,
    endTick: endTick.right,
    background: bg.right,
    actions: actions.right,
  });
};
