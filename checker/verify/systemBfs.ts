// ---------------------------------------------------------------------------------------------------------
// checker/verify: exhaustive bounded verification of ONE dependent invariant by breadth-first search over
// `systemStep` (model/system.ts), the system counterpart of bfs.ts. The state explored is the core fleet plus
// the invariant's cone of influence (systemKey.ts): every core operation over its finite domains
// (enabledOps.ts) and every dependent event on a dependent in the cone is tried in every reachable state; a
// visited set on the abstracted key keeps each state once. Level by level, so a violation found is at the least
// depth: its trace is a shortest counterexample by construction. Deterministic for a config and bounds.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type { SystemConfig } from "../../model/dependents/config.ts";
import { CONTAINER_SERVICES } from "../../model/dependents/eventbridge.ts";
import type { OpType } from "../../model/ops.ts";
import {
  DEPENDENT_OP_TYPES,
  type DependentOp,
  type DependentOpType,
  initialSystemState,
  type SystemOp,
  type SystemState,
  systemStep,
} from "../../model/system.ts";
import type { SystemInvariant } from "../../properties/dependents/index.ts";
import type { BfsOptions } from "./bfs.ts";
import { candidateOps } from "./enabledOps.ts";
import { type Component, coneOf, OP_COMPONENT, systemStateKeyFor, WATCHES } from "./systemKey.ts";

export type SystemBfsVerdict =
  /** Every reachable state (of the fleet and the cone) was visited: `states`, the farthest `depth` away. */
  | { readonly status: "proved"; readonly states: number; readonly depth: number }
  /** No violation within `depth` operations of the start; exploration stopped at a bound. */
  | {
      readonly status: "bounded";
      readonly states: number;
      readonly depth: number;
      readonly bound: "max-depth" | "max-states";
    }
  /** A shortest trace to a violating state. */
  | {
      readonly status: "violated";
      readonly states: number;
      readonly depth: number;
      readonly ops: ReadonlyArray<SystemOp>;
      readonly message: string;
    };

export interface SystemBfsResult {
  readonly verdict: SystemBfsVerdict;
  /** The dependents explored with the fleet. */
  readonly cone: ReadonlyArray<Component>;
  readonly transitions: number;
}

/** Each dependent event's finite domain; keyed by type so a new event does not compile until it has one. */
const DEPENDENT_GENERATORS: { readonly [K in DependentOpType]: ReadonlyArray<DependentOp> } = {
  authRequested: [{ type: "authRequested" }],
  cognitoCapacityAdded: [{ type: "cognitoCapacityAdded" }],
  loadChanged: [{ type: "loadChanged" }],
  functionInvoked: [{ type: "functionInvoked" }],
  clusterRequested: CONTAINER_SERVICES.map((service): DependentOp => ({ type: "clusterRequested", service })),
  statusPostStarted: [{ type: "statusPostStarted" }],
};

/** The dependent events on the cone, in a fixed order. */
export const coneDependentOps = (cone: ReadonlyArray<Component>): ReadonlyArray<DependentOp> =>
  DEPENDENT_OP_TYPES.filter((t) => cone.includes(OP_COMPONENT[t])).flatMap((t) => DEPENDENT_GENERATORS[t]);

/**
 * Core operations that change only what no dependent reads (stale shard bits, shard owners, request counts:
 * systemKey.ts), so they are self-loops under the system key and need not be tried (systemKey.test.ts checks it).
 */
export const INVISIBLE_TO_DEPENDENTS: ReadonlySet<OpType> = new Set<OpType>(["shardMoved", "requestRouted"]);

/** The candidate operations in `s`: the core's over their finite domains, then the cone's dependent events. */
export const systemCandidateOps = (
  config: SystemConfig,
  s: SystemState,
  dependentOps: ReadonlyArray<DependentOp>,
): ReadonlyArray<SystemOp> => [
  ...candidateOps(config, s.core).filter((op) => !INVISIBLE_TO_DEPENDENTS.has(op.type)),
  ...dependentOps,
];

interface Node {
  readonly state: SystemState;
  readonly id: number;
}

/** Explores the reachable states of the fleet and `inv`'s cone breadth-first, checking `inv` in every one. */
export const exploreSystemBreadthFirst = (
  config: SystemConfig,
  inv: SystemInvariant,
  options: BfsOptions,
): SystemBfsResult => {
  const cone = coneOf(inv.name);
  const keyOf = systemStateKeyFor(config, cone, WATCHES[inv.name]);
  const dependentOps = coneDependentOps(cone);
  const start = initialSystemState(config);
  const index = new Map<string, number>([[keyOf(start), 0]]);
  const parent: number[] = [-1];
  const via: SystemOp[] = [{ type: "tick" }];
  let transitions = 0;
  const pathTo = (id: number): ReadonlyArray<SystemOp> => {
    const ops: SystemOp[] = [];
    for (let n = id; n > 0; n = parent[n] as number) ops.push(via[n] as SystemOp);
    return ops.reverse();
  };
  const violated = (state: SystemState, id: number): SystemBfsVerdict | undefined => {
    const v = inv.check(config, state);
    if (O.isNone(v)) return undefined;
    const ops = pathTo(id);
    return { status: "violated", states: index.size, depth: ops.length, ops, message: v.value.message };
  };
  const result = (verdict: SystemBfsVerdict): SystemBfsResult => {
    options.onFinish?.(index.size);
    return { verdict, cone, transitions };
  };
  const atStart = violated(start, 0);
  if (atStart !== undefined) return result(atStart);

  let frontier: ReadonlyArray<Node> = [{ state: start, id: 0 }];
  let depth = 0;
  let expanded = 0;
  for (;;) {
    if (depth >= options.maxDepth)
      return result({ status: "bounded", states: index.size, depth, bound: "max-depth" });
    const next: Node[] = [];
    for (const node of frontier) {
      for (const op of systemCandidateOps(config, node.state, dependentOps)) {
        const r = systemStep(config, node.state, op);
        if (E.isLeft(r)) continue;
        transitions += 1;
        const key = keyOf(r.right);
        if (index.has(key)) continue;
        if (index.size >= options.maxStates)
          return result({ status: "bounded", states: index.size, depth, bound: "max-states" });
        const id = parent.length;
        index.set(key, id);
        parent.push(node.id);
        via.push(op);
        const v = violated(r.right, id);
        if (v !== undefined) return result(v);
        next.push({ state: r.right, id });
      }
      expanded += 1;
      if (expanded % 2000 === 0) options.onProgress?.({ states: index.size, depth: depth + 1, transitions });
    }
    if (next.length === 0) return result({ status: "proved", states: index.size, depth });
    depth += 1;
    frontier = next;
  }
};
