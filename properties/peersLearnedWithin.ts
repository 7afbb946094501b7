// ---------------------------------------------------------------------------------------------------------
// properties: PeersLearnedWithin, a bounded-liveness check. K6 [AWS-v]: "it takes up to an hour for any
// existing front-end fleet member to learn of new participants". Learning a peer means holding its threads
// (K5); a frontend that the OS refuses threads never catches up.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import { behindFor, frontendName } from "../model/state.ts";
import type { Invariant } from "./invariant.ts";

export const peersLearnedWithin: Invariant = {
  name: "PeersLearnedWithin",
  sentence:
    "Every serving frontend is connected to every member of its fleet (or cell) within the propagation delay of a change.",
  source: 'domain.md K6 ("up to an hour"), K5',
  check: (config, state) => {
    const deadline = config.membership.propagationDelayTicks;
    const late = state.frontends.find(
      (f) => f.status === "serving" && behindFor(config, state, f) > deadline,
    );
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
      (most, f) => (f.status === "serving" ? Math.max(most, behindFor(config, state, f)) : most),
      0,
    ) / config.membership.propagationDelayTicks,
  closenessMeaning:
    "longest lag of a serving frontend behind the membership, as a fraction of the propagation delay",
};
