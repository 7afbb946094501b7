// ---------------------------------------------------------------------------------------------------------
// specs/prove: Z3 (z3-solver, Z3 compiled to WebAssembly) started once per process. `init` loads and
// compiles the WebAssembly module, about half a second; every proof after that shares the one context. Node
// exits after the last proof without help (checked: no worker thread keeps it alive). It is started as
// z3-solver's own `init` starts it (build/node.js), with one difference: the high-level API is built over
// low-level functions whose releases wait while a check runs (releaseGate.ts says why).
// ---------------------------------------------------------------------------------------------------------
import type { Context, Solver } from "z3-solver";
import { gateReleases } from "./releaseGate.ts";

/** The one Z3 context the proofs build their formulas in. */
export type Z3 = Context<"main">;

let started: Promise<Z3> | undefined;

/** The process's Z3 context, started on first use. */
export const z3Context = (): Promise<Z3> => {
  started ??= (async () => {
    const [{ default: emscriptenModule }, { init }, { createApi }] = await Promise.all([
      import("z3-solver/build/z3-built.js"),
      import("z3-solver/build/low-level/index.js"),
      import("z3-solver/build/high-level/index.js"),
    ]);
    const { Z3, em } = await init(emscriptenModule);
    return createApi(gateReleases(Z3), em).Context("main");
  })();
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
