// ---------------------------------------------------------------------------------------------------------
// model: a frontend's own view of the membership catching up with the membership service (K6).
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { next, notEnabled, type StepResult } from "./refusal.ts";
import { actualPeers, type Frontend, frontendName, positionOf, type State, withFrontendAt } from "./state.ts";
import { learnOneChange } from "./threads.ts";

/**
 * K6: a live frontend learns of one membership change it had not seen (a joined or a departed peer) and, K5,
 * creates or tears down that peer's threads. Enabled while its view differs from the membership service.
 */
export const peerLearned = (config: Config, state: State, op: { readonly frontend: number }): StepResult => {
  if (state.frontends.length === 0) return notEnabled("the fleet is empty");
  const index = positionOf(state, op.frontend);
  const f = state.frontends[index] as Frontend;
  if (f.status === "stopped") return notEnabled(`${frontendName(f)} is stopped and learns nothing`);
  const actual = actualPeers(state, f);
  if (f.knownPeers === actual)
    return notEnabled(`${frontendName(f)} already knows all ${actual} of its peers`);
  return next(withFrontendAt(state, index, learnOneChange(config, f, actual)));
};
