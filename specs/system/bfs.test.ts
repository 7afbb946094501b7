import { describe, expect, it } from "vitest";
import { DEFAULT_SEED } from "../../checker/search.ts";
import { searchSystemInvariant } from "../../checker/systemSearch.ts";
import { runSystemTrace } from "../../checker/systemTrace.ts";
import { exploreSystemBreadthFirst } from "../../checker/verify/bfs.ts";
import { withDependentRemediations } from "../../model/dependents/config.ts";
import { smallSystem } from "../../model/dependents/small.ts";
import { systemInvariantNamed } from "../../properties/dependents/index.ts";

const bounds = { maxDepth: 1000, maxStates: 50_000 };

const named = (name: string) => {
  const inv = systemInvariantNamed(name);
  if (inv === undefined) throw new Error(`no invariant ${name}`);
  return inv;
};

describe("breadth-first search over the system", () => {
  it.each([
    "CognitoNeverBlocksOnKinesisBuffer",
    "AlarmsHaveData",
    "ProvisioningCompletesWithin",
    "CustomerIngestionSurvivesRegionalImpairment",
  ])(
    "%s on small-system: the trace found replays to the violation at its last step, and random search finds none shorter",
    (name) => {
      const inv = named(name);
      const r = exploreSystemBreadthFirst(smallSystem, inv, bounds);
      if (r.verdict.status !== "violated") throw new Error(`expected a violation, got ${r.verdict.status}`);
      const replay = runSystemTrace(smallSystem, r.verdict.ops, [inv]);
      expect(replay.violation?.step).toBe(r.verdict.ops.length);
      expect(replay.steps.every((s) => s.refused === undefined)).toBe(true);
      const random = searchSystemInvariant(smallSystem, inv, { seed: DEFAULT_SEED, runs: 50, maxSteps: 60 });
      if (random.status === "violated")
        expect(random.found.ops.length).toBeGreaterThanOrEqual(r.verdict.depth);
    },
  );

  it("proves ProvisioningCompletesWithin once EventBridge has its own fleet, exploring the fleet and EventBridge only", () => {
    const inv = named("ProvisioningCompletesWithin");
    const r = exploreSystemBreadthFirst(
      withDependentRemediations(smallSystem, ["eventbridgePartitionedFleet"]),
      inv,
      bounds,
    );
    expect(r.cone).toEqual(["eventbridge"]);
    expect(r.verdict.status).toBe("proved");
  });

  it("stops at the state bound with a bounded verdict", () => {
    const inv = named("ProvisioningCompletesWithin");
    const r = exploreSystemBreadthFirst(
      withDependentRemediations(smallSystem, ["eventbridgePartitionedFleet"]),
      inv,
      { maxDepth: 1000, maxStates: 100 },
    );
    expect(r.verdict).toMatchObject({ status: "bounded", bound: "max-states" });
  });
});
