// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: what the encoding claims of each concrete operation, frontend by frontend, for the
// agreement property (agreement.ts): the formula of the operation f takes part in, or "unchanged".
// ---------------------------------------------------------------------------------------------------------

import { match } from "ts-pattern";
import type { Bool } from "z3-solver";
import type { Op } from "../../../model/ops.ts";
import { type Frontend, positionOf, type State } from "../../../model/state.ts";
import {
  type Abstract,
  capacityAdded,
  type Enc,
  frontendCrashed,
  frontendRemoved,
  frontendRestarted,
  peerLearned,
  tick,
} from "./encoding.ts";

type Relation = (e: Enc, pre: Abstract, post: Abstract) => Bool;

/** The claim for frontend f: the formula of the operation it takes part in, or "nothing f's Inv reads moves". */
export interface Claim {
  readonly name: string;
  readonly relation: Relation;
}

/** Every field of f's abstract state unchanged: the operations the proofs discharge with no query. */
const unchanged: Claim = {
  name: "unchanged (the operation acts on another frontend and moves nothing f's invariant reads)",
  relation: (e, pre, post) =>
    e.z.And(...(Object.keys(pre) as Array<keyof Abstract>).map((k) => (pre[k] as Bool).eq(post[k] as Bool))),
};

const named = (name: string, relation: Relation): Claim => ({ name, relation });

/** The id of the frontend an operation's position names in `state`, if it names one. */
const target = (state: State, position: number): number | undefined =>
  state.frontends[positionOf(state, position)]?.id;

/** The claim for the frontend `id` (a member before, or a newcomer) when `op` is taken in `before`. */
export const claimFor = (op: Op, before: State, id: number): Claim => {
  const isMember = before.frontends.some((f) => f.id === id);
  const onIt = (c: Claim, position: number): Claim => (target(before, position) === id ? c : unchanged);
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
    .with({ type: "tick" }, () => named("tick (f due or not)", tick))
    .with({ type: "shardMoved" }, { type: "requestRouted" }, () => unchanged)
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
    .with({ type: "tick" }, { type: "shardMoved" }, { type: "requestRouted" }, () => undefined)
    .exhaustive();

/** The frontend the refusal check asks about: the one the operation names, else the first member. */
export const enablingFrontend = (op: Op, state: State): Frontend | undefined =>
  match(op)
    .returnType<Frontend | undefined>()
    .with(
      { type: "frontendRestarted" },
      { type: "frontendCrashed" },
      { type: "peerLearned" },
      (o) => state.frontends[positionOf(state, o.frontend)],
    )
    .otherwise(() => state.frontends[0]);
