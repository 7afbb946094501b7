// ---------------------------------------------------------------------------------------------------------
// bench: what the bench runs. The small default config (`as-was`), the same model scaled to larger fleets,
// and random operation sequences drawn once, from a fixed seed, with the checker's own arbitrary, so the
// timed loop measures the model and the invariants and not fast-check's generator.
// ---------------------------------------------------------------------------------------------------------

import fc from "fast-check";
import { DEFAULT_SEED } from "../checker/defaults.ts";
import type { Config } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import type { Op } from "../model/ops.ts";
import { opsArb } from "../specs/fleet/arbitraries.ts";
import { fleetSpec } from "../specs/fleet.ts";

/** The fleet sizes the scaling section measures (issue 6). */
export const FLEET_SIZES: ReadonlyArray<number> = [10, 100, 1000, 5000];

/**
 * `as-was` with `size` frontends. The plan may grow the fleet by a tenth (at least 2 servers), and the thread
 * limit fits the largest planned fleet (base + per-peer × (maxSize − 1)), so the fleet stays healthy and the
 * cost measured is the cost of the model's bookkeeping, not of a fleet falling over. BENCH-ONLY numbers.
 */
export const fleetOf = (size: number): Config => {
  const maxSize = size + Math.max(2, Math.floor(size / 10));
  const { baseThreads, threadsPerPeer } = asWas.threads;
  return {
    ...asWas,
    name: `bench-fleet-${size}`,
    description: `as-was with ${size} frontends and a thread limit that fits ${maxSize} (bench only)`,
    fleet: { initialSize: size, maxSize },
    threads: { ...asWas.threads, threadLimit: baseThreads + threadsPerPeer * (maxSize - 1) },
  };
};

/** `count` random operation sequences of up to `maxSteps` for `config`, the same for the same seed. */
export const tracesFor = (
  config: Config,
  count: number,
  seed = DEFAULT_SEED,
  maxSteps = fleetSpec.defaultMaxSteps,
): ReadonlyArray<ReadonlyArray<Op>> => fc.sample(opsArb(config, maxSteps), { seed, numRuns: count });
