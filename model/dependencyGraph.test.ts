import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { asWasDependents } from "./configs/asWasDependents.ts";
import {
  activeDependencies,
  blastRadius,
  DEPENDENCIES,
  type Dependency,
  SERVICES,
} from "./dependencyGraph.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediations,
  NO_DEPENDENT_REMEDIATIONS,
} from "./dependents/config.ts";

/**
 * The straightforward reference: the transitive closure of "depends on" by repeated squaring of a boolean
 * matrix (Warshall), then the row of everything that depends on `failed`. No queue, no paths.
 */
const referenceRadius = (
  n: number,
  edges: ReadonlyArray<readonly [number, number]>,
  failed: number,
): number[] => {
  const dep = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => edges.some(([x, y]) => x === a && y === b)),
  );
  for (let k = 0; k < n; k++)
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) if (dep[a]?.[k] && dep[k]?.[b]) (dep[a] as boolean[])[b] = true;
  return Array.from({ length: n }, (_, a) => a).filter((a) => dep[a]?.[failed]);
};

const graphOf = (edges: ReadonlyArray<readonly [number, number]>): ReadonlyArray<Dependency<string>> =>
  edges.map(([a, b]) => ({ dependent: `s${a}`, on: `s${b}`, why: "generated", cutBy: [] }));

const graphArb = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: 20 }),
    failed: fc.nat({ max: n - 1 }),
  }),
);

describe("blast radius against the reference", () => {
  fcTest.prop({ g: graphArb })("equals the transitive closure's set of dependents, on any graph", ({ g }) => {
    const got = blastRadius(graphOf(g.edges), `s${g.failed}`)
      .map((r) => r.service)
      .sort();
    expect(got).toEqual(
      referenceRadius(g.n, g.edges, g.failed)
        .map((a) => `s${a}`)
        .sort(),
    );
  });

  fcTest.prop({ g: graphArb })(
    "gives every service a real chain of dependencies from the failure",
    ({ g }) => {
      const graph = graphOf(g.edges);
      for (const r of blastRadius(graph, `s${g.failed}`)) {
        expect(r.path[0]).toBe(`s${g.failed}`);
        expect(r.path[r.path.length - 1]).toBe(r.service);
        for (let i = 1; i < r.path.length; i++)
          expect(graph.some((d) => d.on === r.path[i - 1] && d.dependent === r.path[i])).toBe(true);
      }
    },
  );

  fcTest.prop({ g: graphArb, drop: fc.nat() })("never grows when a dependency is removed", ({ g, drop }) => {
    const all = new Set(blastRadius(graphOf(g.edges), `s${g.failed}`).map((r) => r.service));
    const fewer = g.edges.filter((_, i) => g.edges.length === 0 || i !== drop % g.edges.length);
    for (const r of blastRadius(graphOf(fewer), `s${g.failed}`)) expect(all.has(r.service)).toBe(true);
  });
});

const radius = (remediations: DependentRemediations): ReadonlyArray<string> =>
  blastRadius(activeDependencies(remediations), "kinesis").map((r) => r.service);

describe("Kinesis's blast radius", () => {
  test("under as-was reaches CloudWatch, Lambda, AutoScaling, ECS, EKS, Cognito and the dashboard", () => {
    expect(asWasDependents.remediations).toEqual(NO_DEPENDENT_REMEDIATIONS);
    const r = radius(asWasDependents.remediations);
    for (const s of [
      "cloudwatch",
      "lambda",
      "autoscaling",
      "eventbridge",
      "ecs",
      "eks",
      "cognito",
      "dashboard",
      "customer",
    ])
      expect(r).toContain(s);
    expect(r).not.toContain("kinesis");
  });

  test("with the partitioned fleet and the dashboard's backup path no longer reaches CloudWatch or the dashboard", () => {
    const r = radius({
      ...NO_DEPENDENT_REMEDIATIONS,
      cloudwatchPartitionedFleet: true,
      dashboardBackupPath: true,
    });
    expect(r).not.toContain("cloudwatch");
    expect(r).not.toContain("dashboard");
    // What CloudWatch shielded is shielded too; Cognito and EventBridge's dependents are still reached.
    expect(r).not.toContain("lambda");
    expect(r).not.toContain("autoscaling");
    expect(r).toEqual(expect.arrayContaining(["cognito", "eventbridge", "ecs", "eks", "customer"]));
  });

  test("every service in the graph is a known service, and every edge cites a source", () => {
    for (const d of DEPENDENCIES) {
      expect(SERVICES).toContain(d.dependent);
      expect(SERVICES).toContain(d.on);
      expect(d.why).toMatch(/^(C\d|W\d|E\d|A\d|L\d|H\d|seed \d{3})/);
    }
  });
});

// Seed 000: a standby stream alone does not shield the customer while switching to it needs a human approval
// frozen for Thanksgiving week; only with automatic failover too does the pipeline stop depending on Kinesis in
// us-east-1.
describe("activeDependencies: an edge with several remediations in its cut is cut only when all of them are on", () => {
  const customerEdge = (r: DependentRemediations) =>
    activeDependencies(r).some((d) => d.dependent === "customer" && d.on === "kinesis");

  test("the customer still depends on Kinesis with only one of standby stream and automatic failover", () => {
    for (const one of ["customerStandbyStream", "customerAutomaticFailover"] as const) {
      const r = { ...NO_DEPENDENT_REMEDIATIONS, [one]: true };
      expect(customerEdge(r)).toBe(true);
      expect(blastRadius(activeDependencies(r), "kinesis").map((x) => x.service)).toContain("customer");
    }
    const both = {
      ...NO_DEPENDENT_REMEDIATIONS,
      customerStandbyStream: true,
      customerAutomaticFailover: true,
    };
    expect(customerEdge(both)).toBe(false);
    expect(blastRadius(activeDependencies(both), "kinesis").map((x) => x.service)).not.toContain("customer");
  });

  const remediationsArb = fc
    .array(fc.boolean(), {
      minLength: DEPENDENT_REMEDIATION_NAMES.length,
      maxLength: DEPENDENT_REMEDIATION_NAMES.length,
    })
    .map(
      (on) =>
        Object.fromEntries(
          DEPENDENT_REMEDIATION_NAMES.map((n, i) => [n, on[i] ?? false]),
        ) as DependentRemediations,
    );

  fcTest.prop({ r: remediationsArb })(
    "an edge stays exactly when its cut is empty or some remediation of its cut is off",
    ({ r }) => {
      for (const d of DEPENDENCIES)
        expect(activeDependencies(r).includes(d)).toBe(d.cutBy.length === 0 || d.cutBy.some((n) => !r[n]));
    },
  );
});
