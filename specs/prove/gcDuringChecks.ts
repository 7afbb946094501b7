// ---------------------------------------------------------------------------------------------------------
// specs/prove: Z3 against the garbage collector. Checks with known answers, run while JavaScript's collector
// frees dead Z3 terms, so that their finalizers release terms on the main thread during the checks (the hazard
// releaseGate.ts closes). Used by its test and by `npm run stress:z3` (bench/z3Stress.ts), which also runs it
// on an ungated Z3 to show the failure.
// ---------------------------------------------------------------------------------------------------------
import v8 from "node:v8";
import vm from "node:vm";
import type { Context } from "z3-solver";

/** The collector, callable without Node's --expose-gc flag (the flag is set at run time, read by a new context). */
const collector = (): (() => void) => {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
};

/** One round's answers: n + 1 pigeons in n holes (unsat), a point with whole coordinates on a circle (sat). */
export interface StressRound {
  readonly round: number;
  readonly pigeons: string;
  readonly circle: string;
  readonly right: boolean;
}

/** n + 1 pigeons, each in one of n holes, no two in one hole: unsat, and hard enough to take a while (n = 6, 7). */
const pigeons = async (z: Context<"main">, n: number): Promise<string> => {
  const solver = new z.Solver();
  try {
    const ids = Array.from({ length: n + 1 }, (_, p) => p);
    const holes = Array.from({ length: n }, (_, h) => h);
    const at = (p: number, h: number) => z.Bool.const(`p${p}h${h}`);
    for (const p of ids) solver.add(z.Or(...holes.map((h) => at(p, h))));
    for (const h of holes)
      for (const a of ids) for (const b of ids.slice(a + 1)) solver.add(z.Not(z.And(at(a, h), at(b, h))));
    return await solver.check();
  } finally {
    solver.release();
  }
};

/** x² + y² = (5k)² with x, y > 0: sat (3k, 4k). */
const circle = async (z: Context<"main">, k: number): Promise<string> => {
  const solver = new z.Solver();
  try {
    const x = z.Int.const("x");
    const y = z.Int.const("y");
    solver.add(
      x
        .mul(x)
        .add(y.mul(y))
        .eq(25 * k * k),
      x.gt(0),
      y.gt(0),
    );
    return await solver.check();
  } finally {
    solver.release();
  }
};

/** 2,000 terms no one keeps: the collector finds them dead during the next check. */
const deadTerms = (z: Context<"main">): void => {
  for (let i = 0; i < 2000; i++) z.Int.const(`dead${i}`).add(i).mul(2);
};

/**
 * Runs `rounds` rounds of the two checks, dead terms made before each check and the collector run every 2 ms
 * throughout; reports each round as it ends. An ungated Z3 corrupts its term table here within a few rounds.
 */
export const checksUnderCollection = async (
  z: Context<"main">,
  rounds: number,
  onRound: (r: StressRound) => void,
): Promise<ReadonlyArray<StressRound>> => {
  const gc = collector();
  const timer = setInterval(gc, 2);
  const results: StressRound[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      deadTerms(z);
      const p = await pigeons(z, 6 + (round % 2));
      deadTerms(z);
      const c = await circle(z, 1 + (round % 5));
      const r = { round, pigeons: p, circle: c, right: p === "unsat" && c === "sat" };
      results.push(r);
      onRound(r);
    }
  } finally {
    clearInterval(timer);
  }
  return results;
};
