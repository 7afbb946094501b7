// Planted bug, above `small` only: a restart sizes its peer threads as if each peer took one thread.
import { frontendRestarted } from "../../model/fleet.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/**
 * K5 says "threads for each of the other servers" and no more; reading it as one thread per peer is the slip.
 * The restarted frontend opens threads for min(peers, limit − base) peers, the room counted in threads and not
 * divided by threads per peer. With one thread per peer (`small`, `as-was`) that is the same number.
 */
export const restartOpensOneThreadPerPeer: PlantedBug = {
  name: "restartOpensOneThreadPerPeer",
  description:
    "frontendRestarted opens threads for as many peers as there are threads of room under the limit, as if each peer took one thread",
  source: 'domain.md K5 ("threads for each of the other servers": how many per peer is not stated), K7, K12',
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    frontendRestarted: (config, state, op) =>
      frontendRestarted({ ...config, threads: { ...config.threads, threadsPerPeer: 1 } }, state, op),
  }),
};
