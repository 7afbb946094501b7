// ---------------------------------------------------------------------------------------------------------
// properties: ThreadBudget. K5/K7 [AWS-v]: the fleet broke when its size made every frontend need more
// threads than the OS limit. R1/R7 state the fix as `base + k·(N − 1) ≤ T_MAX` for the planned N.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import { frontendName, type State } from "../model/state.ts";
import { threadsNeeded } from "../model/threads.ts";
import type { Invariant } from "./invariant.ts";

/** The live frontend whose view of the fleet needs the most threads, and that need. */
const worstDemand = (config: Config, state: State) =>
  state.frontends
    .filter((f) => f.status !== "stopped")
    .reduce<{ readonly name: string; readonly need: number; readonly peers: number } | undefined>(
      (worst, f) => {
        const need = threadsNeeded(config, f);
        return worst === undefined || need > worst.need
          ? { name: frontendName(f), need, peers: f.knownPeers }
          : worst;
      },
      undefined,
    );

export const threadBudget: Invariant = {
  name: "ThreadBudget",
  sentence:
    "No frontend needs more threads than the OS limit: base threads + threads per peer × the peers it knows of ≤ the limit.",
  source:
    'domain.md K5, K7, R1; [AWS-v] 09:39 "exceed the maximum number of threads allowed by an operating system configuration"',
  check: (config, state) => {
    const worst = worstDemand(config, state);
    const { threadLimit, baseThreads, threadsPerPeer } = config.threads;
    return worst !== undefined && worst.need > threadLimit
      ? O.some({
          invariant: "ThreadBudget",
          message: `${worst.name} knows ${worst.peers} peers and needs ${baseThreads} + ${threadsPerPeer} × ${worst.peers} = ${worst.need} threads, over the OS limit of ${threadLimit}`,
          source: threadBudget.source,
        })
      : O.none;
  },
  closeness: (config, state) => (worstDemand(config, state)?.need ?? 0) / config.threads.threadLimit,
  closenessMeaning: "highest thread demand of any frontend, as a fraction of the OS limit",
};
