// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: the operations as relations between f before and after (encoding.ts explains the
// abstraction). Each is `(e, pre, post) => Bool`, an over-approximation of the model function it names: every
// successor the model can produce satisfies it. Guards are the model's (a disabled operation has no successor).
// The tick and a routed request choose internal values (the tick's intermediate records, the routed shard's
// stale bit): they are existential, free variables of the relation named after the operation.
// ---------------------------------------------------------------------------------------------------------
import type { Arith, Bool } from "z3-solver";
import {
  type Abstract,
  abstractIn,
  BUILDING,
  behind,
  COMPLETE,
  connectable,
  type Enc,
  fits,
  min,
  serving,
  USELESS,
  unitsPerServer,
} from "./encoding.ts";

/** f's own fields (status, map, peers, threads, staleness, bootstrap work). */
const FRONTEND_FIELDS = ["k", "c", "live", "booting", "map", "stale", "age", "left"] as const;

type FrontendField = (typeof FRONTEND_FIELDS)[number];

/** f's own fields unchanged, but for `except`. */
const sameFrontend = (
  e: Enc,
  pre: Abstract,
  post: Abstract,
  except: ReadonlyArray<FrontendField> = [],
): Bool => e.z.And(...FRONTEND_FIELDS.filter((x) => !except.includes(x)).map((x) => e.z.Eq(post[x], pre[x])));

/** f's group and the fleet unchanged. */
const sameFleet = (e: Enc, pre: Abstract, post: Abstract): Bool =>
  e.z.And(post.g.eq(pre.g), post.n.eq(pre.n), post.s.eq(pre.s), post.r.eq(pre.r));

/** No request routed by this step: the counts kept, `lastRequest` cleared (model/state.ts `stateWith`). */
const noRequest = (e: Enc, pre: Abstract, post: Abstract): Bool =>
  e.z.And(
    post.succeeded.eq(pre.succeeded),
    post.failed.eq(pre.failed),
    post.misrouted.eq(pre.misrouted),
    e.z.Not(post.lastStale),
  );

/**
 * model/lag.ts at a step that does not move the clock: a member that falls behind is stamped now (lag 0), one
 * already behind keeps its stamp (the same lag while it stays behind), one in step or stopped has lag 0.
 */
const lagAtSameTick = (e: Enc, pre: Abstract, post: Abstract): Bool =>
  post.lag.eq(e.z.If(e.z.And(behind(e, pre), behind(e, post)), pre.lag, 0) as Arith);

/**
 * model/shardMap.ts `leaveServiceIfMapIncomplete`, applied to f (status and bootstrap work from `from`) whose
 * map is now `map`: under waitForCompleteMap a serving frontend with an incomplete map bootstraps afresh.
 */
const leaveIfIncomplete = (e: Enc, from: Abstract, map: Arith, to: Abstract): Bool => {
  const { z } = e;
  const leaves = e.flags.waitForCompleteMap
    ? z.And(serving(e, from), z.Not(map.eq(COMPLETE)))
    : z.Bool.val(false);
  return z.If(
    leaves,
    z.And(to.live, to.booting, to.map.eq(BUILDING), to.left.eq(e.p.bootstrapTicks)),
    z.And(to.live.eq(from.live), to.booting.eq(from.booting), to.map.eq(map), to.left.eq(from.left)),
  ) as Bool;
};

// ---------------------------------------------------------------------------------------------------------
// operator: model/fleet.ts
// ---------------------------------------------------------------------------------------------------------

/** The group after f's cell may have received members: no cell grows past cellSize (`placeMembers`). */
const groupAfterAddition = (e: Enc, pre: Abstract, post: Abstract, newcomer: boolean): Bool => {
  const { z, p } = e;
  if (!e.flags.cellularization) return post.g.eq(post.n);
  return newcomer
    ? z.And(post.g.ge(1), post.g.le(p.cellSize), post.g.le(post.n))
    : z.And(
        post.g.ge(pre.g),
        post.g.sub(pre.g).le(post.n.sub(pre.n)),
        z.Or(post.g.le(p.cellSize), post.g.eq(pre.g)),
      );
};

/**
 * model/fleet.ts `capacityAdded`: `count ≥ 1` units within the plan, serversFor(U + count) − serversFor(U)
 * newcomers; under the preflight guard, enabled only if the largest group after placement fits, so (as the
 * largest is at least f's) f's group fits. f is an existing member (its fields unchanged, its lag stamped by
 * `membersAfter` if its cell changed) or a newcomer: bootstrapping, building its map, knowing every member of
 * its group (K4(a)) with as many threads as the OS allows, nothing stale, its stamp now.
 */
export const capacityAdded = (e: Enc, pre: Abstract, post: Abstract, newcomer: boolean): Bool => {
  const { z } = e;
  return z.And(
    // More units (u′ > u, lexicographically on (s, r)), within the plan: ⌈·⌉ is monotone, so s′ ≤ the plan's.
    z.Or(post.s.gt(pre.s), z.And(post.s.eq(pre.s), post.r.gt(pre.r))),
    post.r.ge(1),
    post.r.le(unitsPerServer(e)),
    post.s.le(e.planServers),
    post.n.eq(pre.n.add(post.s.sub(pre.s))),
    groupAfterAddition(e, pre, post, newcomer),
    e.flags.preflightGuard ? fits(e, post.g.sub(1)) : z.Bool.val(true),
    newcomer
      ? z.And(
          post.n.gt(pre.n),
          post.live,
          post.booting,
          post.map.eq(BUILDING),
          post.k.eq(post.g.sub(1)),
          connectable(e, post.g.sub(1), post.c),
          z.Not(post.stale),
          post.age.eq(0),
          post.left.eq(e.p.bootstrapTicks),
          post.lag.eq(0),
        )
      : z.And(sameFrontend(e, pre, post), lagAtSameTick(e, pre, post)),
    noRequest(e, pre, post),
  );
};

/** model/fleet.ts `frontendRemoved` of another member: one server fewer, its units returned (at least 0). */
export const frontendRemoved = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  return z.And(
    pre.n.ge(2),
    post.n.eq(pre.n.sub(1)),
    // u − factor = factor × (s − 2) + r: one server fewer, the same remainder (u > factor as n ≤ s, n ≥ 2).
    post.s.eq(pre.s.sub(1)),
    post.r.eq(pre.r),
    e.flags.cellularization
      ? z.And(post.g.le(post.n), z.Or(post.g.eq(pre.g), z.And(pre.g.ge(2), post.g.eq(pre.g.sub(1)))))
      : post.g.eq(post.n),
    sameFrontend(e, pre, post),
    lagAtSameTick(e, pre, post),
    noRequest(e, pre, post),
  );
};

/**
 * model/fleet.ts `frontendRestarted` of f (enabled unless it is bootstrapping): it reads its group afresh,
 * opens as many peer threads as the OS allows, bootstraps with an empty stale set, its stamp now (lag 0).
 */
export const frontendRestarted = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  return z.And(
    z.Not(pre.booting),
    sameFleet(e, pre, post),
    post.live,
    post.booting,
    post.k.eq(pre.g.sub(1)),
    connectable(e, pre.g.sub(1), post.c),
    post.map.eq(BUILDING),
    z.Not(post.stale),
    post.age.eq(0),
    post.left.eq(e.p.bootstrapTicks),
    post.lag.eq(0),
    noRequest(e, pre, post),
  );
};

/** model/fleet.ts `frontendCrashed` of f (enabled while live): stopped, no threads, its view kept. */
export const frontendCrashed = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  return z.And(
    pre.live,
    sameFleet(e, pre, post),
    z.Not(post.live),
    z.Not(post.booting),
    post.k.eq(pre.k),
    post.c.eq(0),
    post.map.eq(BUILDING),
    z.Not(post.stale),
    post.age.eq(0),
    post.left.eq(0),
    post.lag.eq(0),
    noRequest(e, pre, post),
  );
};

/** Another frontend restarts, crashes or learns a peer: nothing f's invariant reads changes. */
export const anotherActs = (e: Enc, pre: Abstract, post: Abstract): Bool =>
  e.z.And(sameFleet(e, pre, post), sameFrontend(e, pre, post), post.lag.eq(pre.lag), noRequest(e, pre, post));

// ---------------------------------------------------------------------------------------------------------
// frontend: model/membership.ts and model/threads.ts
// ---------------------------------------------------------------------------------------------------------

/**
 * model/threads.ts `learnOneChange` by f with its group's `actual` peers: one peer more (its threads if the OS
 * grants them, else a useless map, K8) or one fewer (threads torn down); K14 self-healing of a useless serving
 * map whose threads are all held; then `leaveServiceIfMapIncomplete`. Exact.
 */
const learnOne = (e: Enc, pre: Abstract, post: Abstract, actual: Arith): Bool => {
  const { z } = e;
  const grows = pre.k.lt(actual);
  const granted = fits(e, pre.c.add(1));
  const k1 = z.If(grows, pre.k.add(1), pre.k.sub(1)) as Arith;
  const c1 = z.If(grows, z.If(granted, pre.c.add(1), pre.c), min(e, pre.c, pre.k.sub(1))) as Arith;
  const map1 = z.If(z.And(grows, z.Not(granted)), USELESS, pre.map) as Arith;
  const heals = z.And(e.selfHeals, map1.eq(USELESS), serving(e, pre), c1.eq(k1));
  const map2 = z.If(heals, COMPLETE, map1) as Arith;
  return z.And(
    post.k.eq(k1),
    post.c.eq(c1),
    z.If(
      heals,
      z.And(z.Not(post.stale), post.age.eq(0)),
      z.And(post.stale.eq(pre.stale), post.age.eq(pre.age)),
    ) as Bool,
    leaveIfIncomplete(e, pre, map2, post),
  );
};

/** model/membership.ts `peerLearned` by f: enabled while live and its view differs from its group. */
export const peerLearned = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const actual = pre.g.sub(1);
  return e.z.And(
    pre.live,
    e.z.Not(pre.k.eq(actual)),
    sameFleet(e, pre, post),
    learnOne(e, pre, post, actual),
    lagAtSameTick(e, pre, post),
    noRequest(e, pre, post),
  );
};

/**
 * model/threads.ts `learnAllChanges` of a live f towards `actual` peers (its fields only). In step already:
 * unchanged. Fewer peers: counts down (no thread is refused). More, all granted: counts up; at most one change
 * alters the map (a K14 heal) or the status (leaving service). More, some refused: the first refusal makes the
 * map useless (then, serving under waitForCompleteMap, it leaves service and may be refused again while
 * bootstrapping), no heal after it; an earlier heal may have cleared its stale entries.
 */
export const learnAll = (e: Enc, pre: Abstract, post: Abstract, actual: Arith): Bool => {
  const { z } = e;
  const d = actual.sub(pre.k);
  const healOrNot = (c: Arith): Bool =>
    z.Or(
      z.And(post.stale.eq(pre.stale), post.age.eq(pre.age), leaveIfIncomplete(e, pre, pre.map, post)),
      z.And(
        e.selfHeals,
        serving(e, pre),
        pre.map.eq(USELESS),
        c.eq(actual),
        z.Not(post.stale),
        post.age.eq(0),
        leaveIfIncomplete(e, pre, z.Int.val(COMPLETE), post),
      ),
    );
  // Some refused: each change opens its peer's threads while they fit, so the count stops at maxPeerThreads
  // (or stays, if it was already past it): exact, which WellFormed's ThreadsMatchConnections needs.
  const refused = z.And(
    post.c.eq(z.If(fits(e, pre.c), e.maxPeers, pre.c) as Arith),
    z.Or(z.And(post.stale.eq(pre.stale), post.age.eq(pre.age)), z.And(z.Not(post.stale), post.age.eq(0))),
    e.flags.waitForCompleteMap
      ? z.If(
          serving(e, pre),
          z.And(
            post.live,
            post.booting,
            post.left.eq(e.p.bootstrapTicks),
            z.Or(post.map.eq(BUILDING), post.map.eq(USELESS)),
          ),
          z.And(
            post.live.eq(pre.live),
            post.booting.eq(pre.booting),
            post.left.eq(pre.left),
            post.map.eq(USELESS),
          ),
        )
      : z.And(
          post.live.eq(pre.live),
          post.booting.eq(pre.booting),
          post.left.eq(pre.left),
          post.map.eq(USELESS),
        ),
  );
  return z.If(
    d.eq(0),
    sameFrontend(e, pre, post),
    z.And(
      post.k.eq(actual),
      z.If(
        d.lt(0),
        z.And(post.c.eq(min(e, pre.c, actual)), healOrNot(min(e, pre.c, actual))),
        z.If(fits(e, pre.c.add(d)), z.And(post.c.eq(pre.c.add(d)), healOrNot(pre.c.add(d))), refused),
      ),
    ),
  ) as Bool;
};

// ---------------------------------------------------------------------------------------------------------
// backend and client: model/shardMap.ts `shardMoved`, model/routing.ts `requestRouted`
// ---------------------------------------------------------------------------------------------------------

/**
 * model/shardMap.ts `shardMoved`: the shard's move age restarts at 0 and every live map goes stale for it, so a
 * live f has a stale entry and its oldest missed move is no older than before (0 if it had none).
 */
export const shardMoved = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  return z.And(
    sameFleet(e, pre, post),
    sameFrontend(e, pre, post, ["stale", "age"]),
    post.stale.eq(z.Or(pre.stale, pre.live)),
    post.age.ge(0),
    post.age.le(pre.age),
    post.lag.eq(pre.lag),
    noRequest(e, pre, post),
  );
};

/**
 * model/routing.ts `requestRouted` through f (enabled while it serves) for a shard whose entry in f is stale
 * or not (`staleBit`, possible only if f has a stale entry): failed without a complete map; succeeded through
 * a current entry; through a stale one, failed under waitForCompleteMap, else misrouted. Counted, and
 * recorded as the last request. (A request routed by another frontend is this obligation with f := it; it
 * leaves f's own fields unchanged.)
 */
export const requestRouted = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  const staleBit = z.Bool.const("requestRouted.staleBit");
  const succeeded = z.And(pre.map.eq(COMPLETE), z.Not(staleBit));
  const misrouted = e.flags.waitForCompleteMap ? z.Bool.val(false) : z.And(pre.map.eq(COMPLETE), staleBit);
  return z.And(
    serving(e, pre),
    z.Implies(staleBit, pre.stale),
    sameFleet(e, pre, post),
    sameFrontend(e, pre, post),
    post.lag.eq(pre.lag),
    post.succeeded.eq(pre.succeeded.add(z.If(succeeded, 1, 0) as Arith)),
    post.failed.eq(pre.failed.add(z.If(succeeded, 0, 1) as Arith)),
    post.misrouted.eq(pre.misrouted.add(z.If(misrouted, 1, 0) as Arith)),
    post.lastStale.eq(z.And(succeeded, staleBit)),
  );
};

// ---------------------------------------------------------------------------------------------------------
// clock: model/clock.ts `tick`
// ---------------------------------------------------------------------------------------------------------

/**
 * model/shardMap.ts `finishBootstrap` at the end of f's bootstrap (`bootstrapOneTick` at 0 left): complete if
 * every known peer has its thread or R8 reads the map from the store, else useless; it then serves with no
 * stale entry, except under waitForCompleteMap with no complete map, when it bootstraps again.
 */
const finishBootstrap = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  const built = e.flags.bootstrapFromAuthoritative ? z.Bool.val(true) : pre.c.eq(pre.k);
  const serves = e.flags.waitForCompleteMap ? built : z.Bool.val(true);
  return z.If(
    serves,
    z.And(
      post.live,
      z.Not(post.booting),
      post.map.eq(z.If(built, COMPLETE, USELESS) as Arith),
      z.Not(post.stale),
      post.age.eq(0),
      post.left.eq(0),
    ),
    z.And(
      post.live,
      post.booting,
      post.map.eq(BUILDING),
      post.left.eq(e.p.bootstrapTicks),
      post.stale.eq(pre.stale),
      post.age.eq(pre.age),
    ),
  ) as Bool;
};

/**
 * Step 4 of the tick for f (`bootstrapOneTick`): a bootstrapping f may progress (the budget
 * maxConcurrentBootstraps is abstracted away) by one tick of construction, finishing at 0.
 */
const bootstrapMaybe = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  const same = sameFrontend(e, pre, post);
  const progresses = z.If(
    pre.left.gt(1),
    z.And(sameFrontend(e, pre, post, ["left"]), post.left.eq(pre.left.sub(1))),
    z.And(post.k.eq(pre.k), post.c.eq(pre.c), finishBootstrap(e, pre, post)),
  ) as Bool;
  return z.If(z.And(pre.live, pre.booting), z.Or(same, progresses), same) as Bool;
};

/** Step 1 (`processOwnershipChanges`): a live f with a complete map and whole peer input clears its stale entries. */
const processOwnership = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z } = e;
  const applies = z.And(pre.live, pre.stale, pre.map.eq(COMPLETE), pre.c.eq(pre.k));
  return z.And(
    sameFrontend(e, pre, post, ["stale", "age"]),
    z.If(
      applies,
      z.And(z.Not(post.stale), post.age.eq(0)),
      z.And(post.stale.eq(pre.stale), post.age.eq(pre.age)),
    ) as Bool,
  );
};

/** The tick's intermediate records of f: after step 1, after step 2, after step 4. */
export const tickMiddles = (e: Enc): readonly [Abstract, Abstract, Abstract] => [
  abstractIn(e.z, "@tick.processed"),
  abstractIn(e.z, "@tick.learned"),
  abstractIn(e.z, "@tick.bootstrapped"),
];

/**
 * model/clock.ts `tick` for f: step 1; step 2, a live f whose lag is at the deadline learns every pending
 * change (`learnAllChanges`); step 4, maybe a tick of bootstrap; step 3, its oldest missed move ages by one
 * (capped at D + 1) and its lag grows by one (capped) while it is still behind, else is 0.
 */
export const tick = (e: Enc, pre: Abstract, post: Abstract): Bool => {
  const { z, p } = e;
  const [processed, learned, booted] = tickMiddles(e);
  const cap = p.propagationDelayTicks.add(1);
  const due = z.And(pre.live, pre.lag.ge(p.propagationDelayTicks));
  return z.And(
    sameFleet(e, pre, post),
    processOwnership(e, pre, processed),
    z.If(due, learnAll(e, processed, learned, pre.g.sub(1)), sameFrontend(e, processed, learned)) as Bool,
    bootstrapMaybe(e, learned, booted),
    sameFrontend(e, booted, post, ["age"]),
    post.age.eq(z.If(booted.stale, min(e, booted.age.add(1), cap), 0) as Arith),
    post.lag.eq(z.If(behind(e, post), min(e, pre.lag.add(1), cap), 0) as Arith),
    noRequest(e, pre, post),
  );
};

/** The operations, each an obligation of its own (one SMT query each) so a failure names the operation. */
export const OPERATIONS: ReadonlyArray<{
  readonly name: string;
  readonly relation: (e: Enc, pre: Abstract, post: Abstract) => Bool;
}> = [
  { name: "capacityAdded (f an existing member)", relation: (e, a, b) => capacityAdded(e, a, b, false) },
  { name: "capacityAdded (f a newcomer)", relation: (e, a, b) => capacityAdded(e, a, b, true) },
  { name: "frontendRemoved (another member)", relation: frontendRemoved },
  { name: "frontendRestarted (f)", relation: frontendRestarted },
  { name: "frontendCrashed (f)", relation: frontendCrashed },
  { name: "peerLearned (f)", relation: peerLearned },
  { name: "tick (f due or not)", relation: tick },
  { name: "shardMoved", relation: shardMoved },
  { name: "requestRouted (through f)", relation: requestRouted },
  { name: "another frontend restarted, crashed or learned", relation: anotherActs },
];
