// ---------------------------------------------------------------------------------------------------------
// properties: PeersLearnedWithin, a bounded-liveness check. K6 [AWS-v]: "it takes up to an hour for any
// existing front-end fleet member to learn of new participants". Learning a peer means holding its threads
// (K5); a frontend that the OS refuses threads never catches up.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import { behindFor, inStep } from "../model/lag.ts";
import { type Frontend, frontendName, type State } from "../model/state.ts";
import type { Invariant } from "./invariant.ts";

/** How many ticks `f` has been out of step with the membership. */
const lagOf = (config: Config, state: State, f: Frontend): number => behindFor(config, state, f);

/** One frontend's share of the invariant: it serves and has lagged past the deadline. */
const lateToLearn = (config: Config, state: State, f: Frontend): boolean =>
  f.status === "serving" && lagOf(config, state, f) > config.membership.propagationDelayTicks;

/**
 * The first tick at which `f` is `lateToLearn` if nothing but the clock changes: a serving frontend out of step
 * is late once its lag, the ticks since `behindSince`, passes the deadline; one in step or not serving stays
 * on time until its record or its cell changes.
 */
const lateFrom = (config: Config, state: State, f: Frontend): number =>
  f.status === "serving" && !inStep(state, f)
    ? f.behindSince + config.membership.propagationDelayTicks + 1
    : Number.POSITIVE_INFINITY;

export const peersLearnedWithin: Invariant = {
  name: "PeersLearnedWithin",
  sentence:
    "Every serving frontend is connected to every member of its fleet (or cell) within the propagation delay of a change.",
  source: 'domain.md K6 ("up to an hour"), K5',
  check: (config, state) => {
    const deadline = config.membership.propagationDelayTicks;
    const late = state.frontends.find((f) => lateToLearn(config, state, f));
    return late === undefined
      ? O.none
      : O.some({
          invariant: "PeersLearnedWithin",
          message: `${frontendName(late)} has been out of step with the membership for more than ${deadline} ticks (${deadline * config.tickMinutes} min): it holds threads for ${late.connectedPeers} of ${late.knownPeers} known peers`,
          source: peersLearnedWithin.source,
        });
  },
  closeness: (config, state) =>
    state.frontends.reduce(
      (most, f) => (f.status === "serving" ? Math.max(most, lagOf(config, state, f)) : most),
      0,
    ) / config.membership.propagationDelayTicks,
  closenessMeaning:
    "longest lag of a serving frontend behind the membership, as a fraction of the propagation delay",
  // Exact: `check` fails iff some frontend is `lateToLearn`, which reads the frontend and, through `lagOf`, at
  // most the clock and the cell sizes (a lag derived from them): new cell sizes are a new context, and the clock
  // is accounted for by `lateFrom`, so a tick re-reads only the records it replaced.
  fleetwise: {
    offends: lateToLearn,
    contextChanged: (_config, before, after) => before.cellSizes !== after.cellSizes,
    dueAt: (config, state, f) => lateFrom(config, state, f),
  },
};
