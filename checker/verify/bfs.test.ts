import { assert, describe, expect, it } from "vitest";
import { REMEDIATION_NAMES, withAllRemediations, withRemediations } from "../../model/config.ts";
import { asWas, small } from "../../model/configs/index.ts";
import { smallSystem } from "../../model/configs/smallDependents.ts";
import { withDependentRemediations } from "../../model/dependents/config.ts";
import { systemInvariantNamed } from "../../properties/dependents/index.ts";
import { INVARIANTS, invariantNamed } from "../../properties/index.ts";
import { fleetSpec, systemSpec } from "../../specs/index.ts";
import { DEFAULT_SEED } from "../defaults.ts";
import type { BfsVerdict } from "../exploration.ts";
import { searchInvariant } from "../search.ts";
import type { Spec } from "../spec.ts";
import type { SpecInvariant } from "../specInvariant.ts";
import { runTrace } from "../trace.ts";
import { exploreBreadthFirst } from "./bfs.ts";

const threadBudget = invariantNamed("ThreadBudget");
if (threadBudget === undefined) throw new Error("ThreadBudget is registered");
/** Each remediation's own limit (docs/remediation-limits.md): holds with its remediation off, so checked under it below. */
const OWN_LIMITS: ReadonlyArray<string> = [
  "MemoryBudget",
  "MetadataStoreWithinCapacity",
  "CacheFleetWithinThreadLimit",
];
const CORE = INVARIANTS.filter((i) => i.name !== "WellFormed" && !OWN_LIMITS.includes(i.name));
const registered = (name: string) => invariantNamed(name) ?? assert.fail(`${name} is registered`);

const systemInvariant = (name: string) => {
  const inv = systemInvariantNamed(name);
  if (inv === undefined) throw new Error(`no invariant ${name}`);
  return inv;
};

/** The one verdict of an exploration of one invariant. */
const verdictOf = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  inv: SpecInvariant<C, S>,
  bounds: { readonly maxDepth: number; readonly maxStates: number },
): BfsVerdict<Op> => {
  const v = exploreBreadthFirst(spec, config, [inv], bounds).verdicts[0]?.verdict;
  if (v === undefined) throw new Error("one verdict per invariant");
  return v;
};

/**
 * What breadth-first search promises for any spec: a violation's trace replays to the violation at its last
 * step, with no refused operation, and is no longer than the random search's shrunk one; a state or depth
 * bound gives "bounded" where the whole space gives "proved".
 */
const bfsContract = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  violated: ReadonlyArray<SpecInvariant<C, S>>,
  proved: { readonly config: C; readonly inv: SpecInvariant<C, S> },
  bounds: { readonly maxDepth: number; readonly maxStates: number },
  search: { readonly runs: number; readonly maxSteps: number },
): void => {
  describe(`breadth-first verification of the ${spec.id}`, () => {
    it.each(violated.map((inv) => [inv.name, inv] as const))(
      "%s: the trace found replays to the violation at its last step, and random search finds none shorter",
      (_name, inv) => {
        const verdict = verdictOf(spec, config, inv, bounds);
        if (verdict.status !== "violated") throw new Error(`expected a violation, got ${verdict.status}`);
        expect(verdict.depth).toBe(verdict.ops.length);
        const replay = runTrace(spec, config, verdict.ops, [inv]);
        expect(replay.violation?.step).toBe(verdict.ops.length);
        expect(replay.violation?.violation.message).toBe(verdict.message);
        expect(replay.steps.every((s) => s.refused === undefined)).toBe(true);
        const random = searchInvariant(spec, config, inv, { seed: DEFAULT_SEED, ...search });
        if (random.status === "violated")
          expect(random.found.ops.length).toBeGreaterThanOrEqual(verdict.depth);
      },
    );

    it(`a state bound gives 'bounded' with the depth fully explored, never 'proved' (${proved.inv.name})`, () => {
      const full = verdictOf(spec, proved.config, proved.inv, bounds);
      const cut = verdictOf(spec, proved.config, proved.inv, { ...bounds, maxStates: 100 });
      expect(full.status).toBe("proved");
      expect(cut).toMatchObject({ status: "bounded", bound: "max-states", states: 100 });
      expect(cut.depth).toBeLessThan(full.depth);
    });

    it(`a depth bound gives 'bounded' at exactly that depth (${proved.inv.name})`, () => {
      const cut = verdictOf(spec, proved.config, proved.inv, { ...bounds, maxDepth: 3 });
      expect(cut).toMatchObject({ status: "bounded", bound: "max-depth", depth: 3 });
    });
  });
};

const [wellFormed] = INVARIANTS;
if (wellFormed === undefined) throw new Error("an invariant is registered");
bfsContract(
  fleetSpec,
  small,
  CORE,
  { config: small, inv: wellFormed },
  { maxDepth: 100, maxStates: 50_000 },
  { runs: 100, maxSteps: 40 },
);

// R1's, R8's, R3's and R5's own limits, each on small with its remediation on.
for (const [remediation, name] of [
  ["largerServers", "MemoryBudget"],
  ["bootstrapFromAuthoritative", "MetadataStoreWithinCapacity"],
  ["testedHigherLimit", "MemoryBudget"],
  ["cacheOnDedicatedFleet", "CacheFleetWithinThreadLimit"],
] as const)
  bfsContract(
    fleetSpec,
    withRemediations(small, [remediation]),
    [registered(name)],
    { config: small, inv: registered(name) },
    { maxDepth: 100, maxStates: 50_000 },
    { runs: 100, maxSteps: 40 },
  );

const provisioning = systemInvariant("ProvisioningCompletesWithin");
const eventbridgeFleet = withDependentRemediations(smallSystem, ["eventbridgePartitionedFleet"]);
bfsContract(
  systemSpec,
  smallSystem,
  [
    systemInvariant("CognitoNeverBlocksOnKinesisBuffer"),
    systemInvariant("AlarmsHaveData"),
    provisioning,
    systemInvariant("CustomerIngestionSurvivesRegionalImpairment"),
  ],
  { config: eventbridgeFleet, inv: provisioning },
  { maxDepth: 1000, maxStates: 50_000 },
  { runs: 50, maxSteps: 60 },
);

describe("breadth-first verification of the fleet, all invariants in one search", () => {
  const bounds = { maxDepth: 100, maxStates: 50_000 };

  it("on as-was, ThreadBudget is violated by a one-step trace that replays", () => {
    const r = exploreBreadthFirst(fleetSpec, asWas, [threadBudget], bounds);
    const v = r.verdicts[0]?.verdict;
    expect(v?.status).toBe("violated");
    if (v?.status !== "violated") return;
    expect(v.depth).toBe(1);
    expect(runTrace(fleetSpec, asWas, v.ops, [threadBudget]).violation?.step).toBe(1);
  });

  it("on small with every remediation, every invariant is proved over the whole reachable state space (R5 leaves a larger server its base threads, so R1's memory holds)", () => {
    const r = exploreBreadthFirst(fleetSpec, withAllRemediations(small), INVARIANTS, bounds);
    expect(r.complete).toBe(true);
    expect(r.verdicts.map((v) => v.verdict.status)).toEqual(INVARIANTS.map(() => "proved"));
  });

  it("on small with every remediation but R5, R1's own limit, MemoryBudget, is broken", () => {
    const allButR5 = withRemediations(
      small,
      REMEDIATION_NAMES.filter((n) => n !== "cacheOnDedicatedFleet"),
    );
    const r = exploreBreadthFirst(fleetSpec, allButR5, [registered("MemoryBudget")], bounds);
    expect(r.verdicts[0]?.verdict.status).toBe("violated");
  });
});

describe("breadth-first verification of the system, one invariant at a time", () => {
  const bounds = { maxDepth: 1000, maxStates: 50_000 };

  it("proves ProvisioningCompletesWithin once EventBridge has its own fleet, exploring the fleet and EventBridge only", () => {
    const r = exploreBreadthFirst(systemSpec, eventbridgeFleet, [provisioning], bounds);
    expect(r.verdicts[0]?.cone).toEqual(["eventbridge"]);
    expect(r.verdicts[0]?.verdict.status).toBe("proved");
    expect(r.complete).toBe(true);
  });

  it("gives each invariant of a joint exploration the verdict and cone it gets alone, and sums the states", () => {
    const invariants = [systemInvariant("AlarmsHaveData"), provisioning];
    const joint = exploreBreadthFirst(systemSpec, smallSystem, invariants, bounds);
    const alone = invariants.map((inv) => exploreBreadthFirst(systemSpec, smallSystem, [inv], bounds));
    expect(joint.verdicts).toEqual(alone.flatMap((r) => r.verdicts));
    expect(joint.states).toBe(alone.reduce((n, r) => n + r.states, 0));
    expect(joint.transitions).toBe(alone.reduce((n, r) => n + r.transitions, 0));
  });
});
