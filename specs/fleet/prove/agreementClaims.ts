// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: what the encoding claims of each concrete operation, frontend by frontend, for the
// agreement property (agreement.ts): the formula of the operation f takes part in (operations.ts).
// ---------------------------------------------------------------------------------------------------------

import { match } from "ts-pattern";
import type { Bool } from "z3-solver";
import type { Op } from "../../../model/ops.ts";
import { type Frontend, positionOf, type State } from "../../../model/state.ts";
import type { Abstract, Enc } from "./encoding.ts";
import {
  anotherActs,
  capacityAdded,
  frontendCrashed,
  frontendRemoved,
  frontendRestarted,
  peerLearned,
  requestRouted,
  shardMoved,
  tick,
} from "./operations.ts";

type Relation = (e: Enc, pre: Abstract, post: Abstract) => Bool;

/**
 * The claim for frontend f: the formula of the operation it takes part in. `intermediate`: the relation has
 * variables of its own besides pre and post (the tick's intermediate records), which agreement.ts gives the
 * values of the model's own sub-steps (agreementTick.ts) to make it ground.
 */
export interface Claim {
  readonly name: string;
  readonly relation: Relation;
  readonly intermediate: boolean;
}

const named = (name: string, relation: Relation, intermediate = false): Claim => ({
  name,
  relation,
  intermediate,
});

/** Another frontend restarts, crashes or learns: nothing f's invariant reads moves (`lastRequest` cleared). */
const another = named("another frontend restarted, crashed or learned", anotherActs);

/** The request fields of the fleet, which a request routed by another frontend moves. */
const REQUEST_FIELDS: ReadonlyArray<keyof Abstract> = ["succeeded", "failed", "misrouted", "lastStale"];

/**
 * A request routed by another frontend: f's own fields, its lag, its group and the fleet unchanged (the
 * counts move as the requestRouted claim of the frontend that routed it says).
 */
const anotherRoutes = named(
  "requestRouted (through another frontend): f's fields unchanged",
  (e, pre, post) =>
    e.z.And(
      ...(Object.keys(pre) as Array<keyof Abstract>)
        .filter((k) => !REQUEST_FIELDS.includes(k))
        .map((k) => (pre[k] as Bool).eq(post[k] as Bool)),
    ),
);

/**
 * requestRouted with its one internal variable, the routed shard's stale bit, eliminated: the relation with the
 * bit true, or with it false. Ground once pre and post are, so evaluated without a solver.
 */
const routedEitherWay: Relation = (e, pre, post) => {
  const phi = requestRouted(e, pre, post);
  const bit = e.z.Bool.const("requestRouted.staleBit");
  return e.z.Or(
    e.z.substitute(phi, [bit, e.z.Bool.val(true)]) as Bool,
    e.z.substitute(phi, [bit, e.z.Bool.val(false)]) as Bool,
  );
};

/** The id of the frontend an operation's position names in `state`, if it names one. */
const target = (state: State, position: number): number | undefined =>
  state.frontends[positionOf(state, position)]?.id;

/** The claim for the frontend `id` (a member before, or a newcomer) when `op` is taken in `before`. */
export const claimFor = (op: Op, before: State, id: number): Claim => {
  const isMember = before.frontends.some((f) => f.id === id);
  const onIt = (c: Claim, position: number, otherwise: Claim = another): Claim =>
    target(before, position) === id ? c : otherwise;
  return match(op)
    .returnType<Claim>()
    .with({ type: "capacityAdded" }, () =>
      isMember
        ? named("capacityAdded (f an existing member)", (e, a, b) => capacityAdded(e, a, b, false))
        : named("capacityAdded (f a newcomer)", (e, a, b) => capacityAdded(e, a, b, true)),
    )
    .with({ type: "frontendRemoved" }, () => named("frontendRemoved (another member)", frontendRemoved))
    .with({ type: "frontendRestarted" }, (o) =>
      onIt(named("frontendRestarted (f)", frontendRestarted), o.frontend),
    )
    .with({ type: "frontendCrashed" }, (o) => onIt(named("frontendCrashed (f)", frontendCrashed), o.frontend))
    .with({ type: "peerLearned" }, (o) => onIt(named("peerLearned (f)", peerLearned), o.frontend))
    .with({ type: "tick" }, () => named("tick (f due or not)", tick, true))
    .with({ type: "shardMoved" }, () => named("shardMoved", shardMoved))
    .with({ type: "requestRouted" }, (o) =>
      onIt(named("requestRouted (through f)", routedEitherWay), o.frontend, anotherRoutes),
    )
    .exhaustive();
};

/** The claim whose enabledness the refusal check reads for `op`: its formula for the frontend it names. */
export const enablingClaim = (op: Op): Claim | undefined =>
  match(op)
    .returnType<Claim | undefined>()
    .with({ type: "capacityAdded" }, () =>
      named("capacityAdded (f an existing member)", (e, a, b) => capacityAdded(e, a, b, false)),
    )
    .with({ type: "frontendRemoved" }, () => named("frontendRemoved (another member)", frontendRemoved))
    .with({ type: "frontendRestarted" }, () => named("frontendRestarted (f)", frontendRestarted))
    .with({ type: "frontendCrashed" }, () => named("frontendCrashed (f)", frontendCrashed))
    .with({ type: "peerLearned" }, () => named("peerLearned (f)", peerLearned))
    .with({ type: "requestRouted" }, () => named("requestRouted (through f)", requestRouted))
    .with({ type: "tick" }, { type: "shardMoved" }, () => undefined)
    .exhaustive();

/** The frontend the refusal check asks about: the one the operation names, else the first member. */
export const enablingFrontend = (op: Op, state: State): Frontend | undefined =>
  match(op)
    .returnType<Frontend | undefined>()
    .with(
      { type: "frontendRestarted" },
      { type: "frontendCrashed" },
      { type: "peerLearned" },
      { type: "requestRouted" },
      (o) => state.frontends[positionOf(state, o.frontend)],
    )
    .otherwise(() => state.frontends[0]);
