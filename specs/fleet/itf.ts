// ---------------------------------------------------------------------------------------------------------
// specs: the fleet in the Informal Trace Format (checker/itf.ts is the file format; this is what a fleet state
// and operation look like in it). Every integer is {"#bigint": "..."}, records are objects, lists are arrays,
// a frontend's stale shard entries are a {"#set": [...]}, the fleet's `lastRequest` is Quint's Option. A
// frontend's lag is written as `behindFor`, the number of ticks model/lag.ts derives from the stamp the model
// stores (`behindSince`): the lag is the state variable of the specification (spec/fleet.qnt keeps it so),
// the stamp only how the TypeScript model keeps it cheaply. An operation is its `type` as the action and its
// other fields as the picks, the names spec/fleet.qnt's `nondet` bindings use.
// ---------------------------------------------------------------------------------------------------------
import {
  type ItfCodec,
  type ItfRecord,
  type ItfValue,
  itfInt,
  itfOption,
  taggedOps,
  toItfValue,
} from "../../checker/itf.ts";
import type { Config } from "../../model/config.ts";
import { frontendWithLag } from "../../model/lag.ts";
import { decodeOp, OP_FIELDS } from "../../model/opDecoder.ts";
import type { Op } from "../../model/ops.ts";
import type { Frontend, State } from "../../model/state.ts";

/** The shards set in a bitmask, as an ITF set (sorted). */
const shardSet = (mask: number): ItfValue => ({
  "#set": Array.from({ length: 31 }, (_, s) => s)
    .filter((s) => (mask & (1 << s)) !== 0)
    .map(itfInt),
});

/** A frontend's record as ITF: every field of `Frontend` in order, its lag in place of its stamp. */
const frontendVar = (config: Config, s: State, f: Frontend): ItfValue => ({
  ...(toItfValue(frontendWithLag(config, s, f)) as ItfRecord),
  staleShards: shardSet(f.staleShards),
});

/**
 * How each state variable (model/state.ts `State`, in declaration order) is written: keyed by field, so a field
 * added to State does not compile until it is given an encoding here.
 */
const ENCODE: { readonly [K in keyof State]: (config: Config, s: State) => ItfValue } = {
  frontends: (config, s) => s.frontends.map((f) => frontendVar(config, s, f)),
  cellSizes: (_, s) => toItfValue(s.cellSizes),
  nextId: (_, s) => itfInt(s.nextId),
  capacityUnits: (_, s) => itfInt(s.capacityUnits),
  owners: (_, s) => toItfValue(s.owners),
  tick: (_, s) => itfInt(s.tick),
  requests: (_, s) => toItfValue(s.requests),
  sinceMoved: (_, s) => toItfValue(s.sinceMoved),
  lastRequest: (_, s) => itfOption(s.lastRequest === null ? undefined : toItfValue(s.lastRequest)),
};

/** The model's state variables, in declaration order. */
export const FLEET_ITF_VARS = Object.keys(ENCODE) as ReadonlyArray<keyof State>;

/** A fleet state's ITF variables, in FLEET_ITF_VARS order. */
export const fleetStateVars = (config: Config, s: State): ItfRecord =>
  Object.fromEntries(FLEET_ITF_VARS.map((k) => [k, ENCODE[k](config, s)]));

export const fleetItf: ItfCodec<Config, State, Op> = {
  vars: FLEET_ITF_VARS,
  encodeState: fleetStateVars,
  ...taggedOps<Op>(decodeOp, {
    fieldsOf: (type) => (type in OP_FIELDS ? OP_FIELDS[type as Op["type"]] : undefined),
    // spec/fleet.qnt's clock action: Quint cannot name an action after its state variable `tick`.
    aliases: { clockTicked: "tick" },
  }),
};
