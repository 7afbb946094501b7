// ---------------------------------------------------------------------------------------------------------
// specs/prove: Z3 (z3-solver, Z3 compiled to WebAssembly) started once per process. `init` loads and
// compiles the WebAssembly module, about half a second; every proof after that shares the one context. Node
// exits after the last proof without help (checked: no worker thread keeps it alive).
// ---------------------------------------------------------------------------------------------------------
import type { Context, Solver } from "z3-solver";

/** The one Z3 context the proofs build their formulas in. */
export type Z3 = Context<"main">;

let started: Promise<Z3> | undefined;

/** The process's Z3 context, started on first use. */
export const z3Context = (): Promise<Z3> => {
  started ??= import("z3-solver").then(async ({ init }) => {
    const { Context } = await init();
    return Context("main");
  });
  return started;
};

/**
 * Runs `use` on a fresh solver and releases the solver when it is done. Z3's WebAssembly heap stops at 2 GB and
 * a solver left to the garbage collector is freed only when a finalizer runs, which a tight loop of proofs may
 * never give time to: `prove --matrix` with the necessity queries ran out of heap (5 Dec 2026).
 */
export const withSolver = async <T>(z: Z3, use: (solver: Solver<"main">) => Promise<T>): Promise<T> => {
  const solver = new z.Solver();
  try {
    return await use(solver);
  } finally {
    solver.release();
  }
};
