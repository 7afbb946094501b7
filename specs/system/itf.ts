// ---------------------------------------------------------------------------------------------------------
// specs: the whole system in the Informal Trace Format: the fleet's variables (specs/fleet/itf.ts), then one
// variable per dependent service (model/system.ts `Dependents`). A field that may be empty (`number | null`,
// such as a pending request's start) is Quint's Option variant, {"tag": "Some", "value": ...} or
// {"tag": "None", "value": {"#tup": []}}.
// ---------------------------------------------------------------------------------------------------------
import {
  type ItfCodec,
  type ItfRecord,
  type ItfValue,
  itfOption,
  taggedOps,
  toItfValue,
} from "../../checker/itf.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import type { Dependents, SystemOp, SystemState } from "../../model/system.ts";
import { decodeSystemOp } from "../../model/systemOpDecoder.ts";
import { FLEET_ITF_VARS, fleetStateVars } from "../fleet/itf.ts";
import { COMPONENTS } from "./key.ts";

/** The dependents, one ITF variable each, in the order of model/system.ts `Dependents` (and of its tick). */
export const ITF_DEPENDENT_VARS = COMPONENTS;

/** The dependents' fields that may be empty (`number | null`), encoded as an Option variant. */
export const ITF_OPTIONAL_FIELDS: ReadonlyArray<string> = [
  "autoscaling.pendingSince",
  "eventbridge.pendingSince.ecs",
  "eventbridge.pendingSince.eks",
  "dashboard.postStartedAt",
  "customer.approvalAskedAt",
  "alarms.errorAlarmAt",
  "alarms.threadAlarmAt",
];

/** Like toItfValue, with the fields at ITF_OPTIONAL_FIELDS as Options (`path` is the field's dotted path). */
const toItfValueAt = (v: unknown, path: string): ItfValue => {
  if (ITF_OPTIONAL_FIELDS.includes(path))
    return itfOption(v === null ? undefined : toItfValueAt(v, `${path}?`));
  if (typeof v === "object" && v !== null && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toItfValueAt(x, `${path}.${k}`)]));
  if (v === null) throw new Error(`internal: ${path} is null but not listed in ITF_OPTIONAL_FIELDS`);
  return toItfValue(v);
};

/** The dependents' ITF variables, in ITF_DEPENDENT_VARS order. */
export const dependentVars = (d: Dependents): ItfRecord =>
  Object.fromEntries(ITF_DEPENDENT_VARS.map((k) => [k, toItfValueAt(d[k], k)]));

export const systemItf: ItfCodec<SystemConfig, SystemState, SystemOp> = {
  vars: [...FLEET_ITF_VARS, ...ITF_DEPENDENT_VARS],
  encodeState: (config, s) => ({ ...fleetStateVars(config, s.core), ...dependentVars(s.dependents) }),
  ...taggedOps<SystemOp>(decodeSystemOp),
};
