// ---------------------------------------------------------------------------------------------------------
// properties: ThreadBudget. K5/K7 [AWS-v]: the fleet broke when its size made every frontend need more
// threads than the OS limit. R1/R7 state the fix as `base + k·(N − 1) ≤ T_MAX` for the planned N.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import { type Frontend, frontendName, type State } from "../model/state.ts";
import { perPeerThreads, threadLimitInForce } from "../model/threadFormula.ts";
import { threadsNeeded } from "../model/threads.ts";
import type { Invariant } from "./invariant.ts";

/**
 * The live frontend whose view of the fleet needs the most threads (the first such, in fleet order), or
 * undefined when none is live. One pass, no allocation: it runs after every step (docs/performance.md).
 */
const worstDemand = (config: Config, state: State): Frontend | undefined => {
  let worst: Frontend | undefined;
  for (const f of state.frontends)
    if (
      f.status !== "stopped" &&
      (worst === undefined || threadsNeeded(config, f) > threadsNeeded(config, worst))
    )
      worst = f;
  return worst;
};

/** One frontend's share of the invariant: it is live and needs more threads than the limit. */
const overBudget = (config: Config, f: Frontend): boolean =>
  f.status !== "stopped" && threadsNeeded(config, f) > threadLimitInForce(config);

export const threadBudget: Invariant = {
  name: "ThreadBudget",
  sentence:
    "No frontend needs more threads than the OS limit: base threads + threads per peer × the peers it knows of ≤ the limit.",
  source:
    'domain.md K5, K7, R1; [AWS-v] 09:39 "exceed the maximum number of threads allowed by an operating system configuration"',
  check: (config, state) => {
    const { baseThreads } = config.threads;
    const threadLimit = threadLimitInForce(config);
    const threadsPerPeer = perPeerThreads(config);
    const over = state.frontends.some((f) => overBudget(config, f));
    const worst = over ? worstDemand(config, state) : undefined;
    return worst !== undefined
      ? O.some({
          invariant: "ThreadBudget",
          message: `${frontendName(worst)} knows ${worst.knownPeers} peers and needs ${baseThreads} + ${threadsPerPeer} × ${worst.knownPeers} = ${threadsNeeded(config, worst)} threads, over the OS limit of ${threadLimit}`,
          source: threadBudget.source,
        })
      : O.none;
  },
  closeness: (config, state) => {
    const worst = worstDemand(config, state);
    return (worst === undefined ? 0 : threadsNeeded(config, worst)) / threadLimitInForce(config);
  },
  closenessMeaning: "highest thread demand of any frontend, as a fraction of the OS limit",
  // Exact: `check` fails iff some frontend is over budget (then one is live, so `worstDemand` finds one), and
  // that reads nothing of the state but the frontend itself.
  fleetwise: { offends: (config, _state, f) => overBudget(config, f), contextChanged: () => false },
};
