// ---------------------------------------------------------------------------------------------------------
// model: the services and their dependencies, as data (domain.md §(b), "Dependency graph to encode"; seed 001),
// and the blast radius of a failure: everything that transitively depends on the failed service. A remediation
// that makes a dependency no longer carry failure (a partitioned fleet, a non-blocking buffer, a backup path)
// removes the edge; the radius is computed on the edges that remain.
// ---------------------------------------------------------------------------------------------------------
import type { DependentRemediationName, DependentRemediations } from "./dependents/config.ts";

export const SERVICES = [
  "kinesis",
  "cognito",
  "cloudwatch",
  "autoscaling",
  "lambda",
  "eventbridge",
  "ecs",
  "eks",
  "dashboard",
  "customer",
] as const;

export type Service = (typeof SERVICES)[number];

export interface Dependency<S extends string = Service> {
  /** The service that depends. */
  readonly dependent: S;
  /** What it depends on. */
  readonly on: S;
  /** Why, with the source. */
  readonly why: string;
  /** Remediations that, all on together, stop a failure of `on` from reaching `dependent` (empty: none does). */
  readonly cutBy: ReadonlyArray<DependentRemediationName>;
}

/** The 2020 dependency graph. */
export const DEPENDENCIES: ReadonlyArray<Dependency> = [
  {
    dependent: "cognito",
    on: "kinesis",
    why: "C1/C2: usage records buffered to Kinesis; a full buffer blocked the webservers",
    cutBy: ["cognitoNonBlockingBuffer"],
  },
  {
    dependent: "cloudwatch",
    on: "kinesis",
    why: "W1: PutMetricData and PutLogEvents are processed through Kinesis",
    cutBy: ["cloudwatchPartitionedFleet"],
  },
  {
    dependent: "eventbridge",
    on: "kinesis",
    why: "E1: EventBridge event processing runs through Kinesis",
    cutBy: ["eventbridgePartitionedFleet"],
  },
  {
    dependent: "customer",
    on: "kinesis",
    why: "seed 000: the telemetry pipeline writes to a us-east-1 stream",
    cutBy: ["customerStandbyStream", "customerAutomaticFailover"],
  },
  {
    dependent: "autoscaling",
    on: "cloudwatch",
    why: "A1: reactive scaling policies read CloudWatch metrics",
    cutBy: [],
  },
  {
    dependent: "lambda",
    on: "cloudwatch",
    why: "L1: invocations publish metrics to CloudWatch; the agent's buffer takes host memory",
    cutBy: ["lambdaBoundedMetricBuffer"],
  },
  {
    dependent: "ecs",
    on: "eventbridge",
    why: "E2: cluster and task workflows run on EventBridge events",
    cutBy: [],
  },
  { dependent: "eks", on: "eventbridge", why: "E2: cluster workflows run on EventBridge events", cutBy: [] },
  {
    dependent: "dashboard",
    on: "cognito",
    why: "H1: the SHD posting tool signs in through Cognito",
    cutBy: ["dashboardBackupPath"],
  },
];

/** The dependencies that still carry failure with `remediations` on. */
export const activeDependencies = (
  remediations: DependentRemediations,
  graph: ReadonlyArray<Dependency> = DEPENDENCIES,
): ReadonlyArray<Dependency> =>
  graph.filter((d) => d.cutBy.length === 0 || !d.cutBy.every((r) => remediations[r]));

export interface Reached<S extends string> {
  readonly service: S;
  /** The chain from the failed service to this one: `[failed, …, service]`. */
  readonly path: ReadonlyArray<S>;
}

/**
 * The blast radius of `failed`: every service that transitively depends on it, each with a shortest chain,
 * in breadth-first order (ties in graph order). `failed` itself is included only if it depends on itself
 * through a cycle.
 */
export const blastRadius = <S extends string>(
  graph: ReadonlyArray<Dependency<S>>,
  failed: S,
): ReadonlyArray<Reached<S>> => {
  const reached = new Map<S, ReadonlyArray<S>>();
  let frontier: ReadonlyArray<ReadonlyArray<S>> = [[failed]];
  while (frontier.length > 0) {
    const next: Array<ReadonlyArray<S>> = [];
    for (const path of frontier) {
      const at = path[path.length - 1] as S;
      for (const d of graph) {
        if (d.on !== at || reached.has(d.dependent)) continue;
        const p = [...path, d.dependent];
        reached.set(d.dependent, p);
        next.push(p);
      }
    }
    frontier = next;
  }
  return [...reached].map(([service, path]) => ({ service, path }));
};
