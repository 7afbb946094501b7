// z3-solver's Emscripten module factory, which its own entry point passes to the low-level `init` untyped.
declare module "z3-solver/build/z3-built.js" {
  const initZ3: unknown;
  export default initZ3;
}
