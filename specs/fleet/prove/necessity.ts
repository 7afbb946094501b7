// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: is a side condition also needed? When Z3 shows the argument fails without its side
// condition (a counterexample to induction at a parameter value breaking it), that state may be unreachable.
// This asks the model: Z3 picks a small parameter value breaking the side condition (numbers small enough for
// breadth-first search to finish), the model's own breadth-first search explores that config from its initial
// state, and a violation it finds is a reachable one, with a shortest trace. That shows the side condition
// cannot be dropped (some value breaking it violates the invariant); it is not a proof that EVERY value
// breaking it does (docs/prove.md, "Necessity").
// ---------------------------------------------------------------------------------------------------------
import type { Bool } from "z3-solver";
import { exploreBreadthFirst } from "../../../checker/verify/bfs.ts";
import type { Config } from "../../../model/config.ts";
import { small } from "../../../model/configs/small.ts";
import type { Op } from "../../../model/ops.ts";
import { fleetSpec } from "../../fleet.ts";
import { numberIn } from "../../prove/discharge.ts";
import { withSolver, type Z3 } from "../../prove/z3.ts";
import type { Argument } from "./arguments.ts";
import {
  decoderDomain,
  type Enc,
  encoding,
  maxPeersDefinition,
  type ProofFlags,
  paramServers,
  paramsAre,
} from "./encoding.ts";

/** A violation the model reaches at a parameter value breaking the side condition. */
export interface ReachableViolation {
  /** The parameter value (Z3's choice), as the config's numbers. */
  readonly config: Config;
  /** A shortest trace from the initial state to the violation (breadth-first search). */
  readonly ops: ReadonlyArray<Op>;
  readonly message: string;
}

/**
 * The points tried, each as bounds on the parameters: the plan able to fill a group past what fits, one tick
 * to learn and to bootstrap (the shortest traces), then looser; at most 4 servers, the `small` config's shape.
 */
const POINTS: ReadonlyArray<(e: Enc) => Bool> = [
  (e) =>
    e.z.And(
      e.p.maxSize.eq(4),
      e.p.propagationDelayTicks.eq(1),
      e.p.bootstrapTicks.eq(1),
      e.p.threadsPerPeer.eq(1),
      e.p.largerServerFactor.le(2),
      e.p.cellSize.le(4),
      e.p.threadLimit.le(6),
    ),
  (e) =>
    e.z.And(
      e.p.maxSize.le(4),
      e.p.propagationDelayTicks.le(2),
      e.p.bootstrapTicks.le(2),
      e.p.threadsPerPeer.le(2),
      e.p.largerServerFactor.le(2),
      e.p.cellSize.le(4),
      e.p.threadLimit.le(8),
    ),
];

/**
 * How far each point is searched: the violations found take 2 or 3 operations, and a point where the
 * invariant holds is searched only this far (its cost bounded), which is no claim either way.
 */
const BOUNDS = { maxDepth: 12, maxStates: 10_000 };

/** The config of Z3's point: `small`'s shape (one shard, two clusters, every bootstrap progressing). */
const configAt = (e: Enc, m: InstanceType<Z3["Model"]>, flags: ProofFlags): Config => {
  const n = (x: Parameters<typeof numberIn>[1]) => numberIn(m, x);
  const fleet = { initialSize: n(e.p.initialSize), maxSize: n(e.p.maxSize) };
  return {
    ...small,
    name: "prove-necessity",
    description: "A parameter value breaking a side condition (Z3's choice), explored breadth-first.",
    fleet,
    threads: {
      threadLimit: n(e.p.threadLimit),
      baseThreads: n(e.p.baseThreads),
      threadsPerPeer: n(e.p.threadsPerPeer),
    },
    membership: { propagationDelayTicks: n(e.p.propagationDelayTicks) },
    coldStart: {
      ...small.coldStart,
      bootstrapTicks: n(e.p.bootstrapTicks),
      maxConcurrentBootstraps: fleet.maxSize,
      cacheSelfHealsAfterTriggerRemoval: m.eval(e.selfHeals, true).toString() === "true",
    },
    remediations: { ...small.remediations, ...flags },
    remediationParameters: {
      cellSize: n(e.p.cellSize),
      largerServerFactor: n(e.p.largerServerFactor),
    },
  };
};

/**
 * A small parameter value breaking `argument`'s side condition, for each of `POINTS` (checked again on the
 * exact config, whose servers are the real ⌈units / factor⌉), and breadth-first search of it; the first
 * violation found, undefined if none is (or none of the points breaks it).
 */
export const reachableWithout = async (
  z: Z3,
  flags: ProofFlags,
  argument: Argument,
  timeoutMs: number,
): Promise<ReachableViolation | undefined> => {
  const e = encoding(z, flags);
  const invariant = fleetSpec.invariants.find((i) => i.name === argument.invariant);
  if (invariant === undefined) return undefined;
  for (const point of POINTS) {
    const config = await withSolver(z, async (solver) => {
      solver.set("timeout", timeoutMs);
      solver.add(
        decoderDomain(e),
        paramServers(e),
        maxPeersDefinition(e),
        z.Not(argument.sideCondition(e)),
        point(e),
      );
      return (await solver.check()) === "sat" ? configAt(e, solver.model(), flags) : undefined;
    });
    if (config === undefined) continue;
    if (await holdsAt(z, e, argument, config)) continue;
    const [verdict] = exploreBreadthFirst(fleetSpec, config, [invariant], BOUNDS).verdicts;
    if (verdict?.verdict.status === "violated")
      return { config, ops: verdict.verdict.ops, message: verdict.verdict.message };
  }
  return undefined;
};

/** Whether the exact config satisfies the side condition after all (the abstraction's servers were not exact). */
const holdsAt = async (z: Z3, e: Enc, argument: Argument, config: Config): Promise<boolean> => {
  return withSolver(z, async (solver) => {
    solver.add(paramsAre(e, config), argument.sideCondition(e));
    return (await solver.check()) === "sat";
  });
};
