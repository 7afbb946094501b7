// Test helper: a counterexample at production scale, on the shipped 3,000-frontend config
// (examples/configs/fleet-3000.json, decoded as `--config` decodes it). The operations are the ones
// `npx outage check --config examples/configs/fleet-3000.json --invariant ShardMovesAppliedWithin` finds and
// shrinks (seed 20201125), here built by hand (so seed 0 and no path, as for a trace not drawn at random): a shard moves, one server is added, frontend-0 learns of it and loses its map, and
// 13 ticks later it still routes by the stale entry. At the violation the fleet shows three kinds of frontend
// (frontend-0, the 2,999 others, the newcomer), which is what the explorer's groups are for.
import { join } from "node:path";
import { type Counterexample, counterexampleFrom } from "../checker/counterexample.ts";
import { runTrace } from "../checker/trace.ts";
import { loadConfig } from "../cli/input.ts";
import { narrate, savedSteps } from "../explain/narrate.ts";
import type { Config } from "../model/config.ts";
import type { Op } from "../model/ops.ts";
import { fleetSpec } from "../specs/index.ts";
import { root } from "./savedCorpus.ts";

export const FLEET_3000_FILE = join(root, "examples", "configs", "fleet-3000.json");

/** The shipped config's fleet part, loaded as `--config` loads it (a bad file throws its one-line error). */
export const fleet3000 = (): Config => loadConfig(FLEET_3000_FILE);

const OPS: ReadonlyArray<Op> = [
  { type: "shardMoved", shard: 0 },
  { type: "capacityAdded", count: 1 },
  { type: "peerLearned", frontend: 0 },
  ...Array.from({ length: 13 }, (): Op => ({ type: "tick" })),
];

/** ShardMovesAppliedWithin broken at 3,000 frontends, as a saved counterexample. */
export const counterexample3000 = (): Counterexample<Config, Op> => {
  const config = fleet3000();
  const invariant = fleetSpec.invariants.find((i) => i.name === "ShardMovesAppliedWithin");
  if (invariant === undefined) throw new Error("the fleet spec has no ShardMovesAppliedWithin");
  const trace = runTrace(fleetSpec, config, OPS, [invariant]);
  const v = trace.violation;
  if (v === undefined) throw new Error("the 3,000-frontend trace no longer breaks ShardMovesAppliedWithin");
  const steps = savedSteps(narrate(fleetSpec, config, trace));
  return counterexampleFrom(
    fleetSpec,
    config,
    invariant,
    { seed: 0, path: "", ops: OPS, violationStep: v.step, message: v.violation.message },
    steps,
  );
};
