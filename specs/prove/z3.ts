// ---------------------------------------------------------------------------------------------------------
// specs/prove: Z3 (z3-solver, Z3 compiled to WebAssembly) started once per process. `init` loads and
// compiles the WebAssembly module, about half a second; every proof after that shares the one context. Node
// exits after the last proof without help (checked: no worker thread keeps it alive).
// ---------------------------------------------------------------------------------------------------------
import type { Context } from "z3-solver";

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
