// ---------------------------------------------------------------------------------------------------------
// specs/prove: Z3's releases held back while Z3 works on a thread of its own. z3-solver runs each check on a
// WebAssembly thread and frees its objects from JavaScript finalizers, which run on the main thread whenever the
// garbage collector has found a dead wrapper, in the middle of a check too. Z3's context is single-threaded: a
// term freed from the main thread while the check walks Z3's term table corrupts the table. The likely cause of
// this project's flaky Z3 tests (a check that never returned, its worker's event loop blocked so the 120 s test
// timeout never fired; a wrong PROVED); `npm run stress:z3` (bench/z3Stress.ts), which collects garbage every
// 2 ms during checks, shows it as `memory access out of bounds` in `ast_manager::compact_memory`, a hang, or a
// wrong answer (docs/trust.md).
// (Z3_enable_concurrent_dec_ref, Z3's own answer for bindings whose finalizers run on another thread, did not
// stop the crash there.)
// ---------------------------------------------------------------------------------------------------------

/** Z3's functions that free an object: a reference count's decrement, or a context's or a number's deletion. */
const RELEASE = /(^|_)dec_ref$|^del_context$|^rcf_del$/;

/**
 * `api` (z3-solver's low-level functions) with every release made while an asynchronous call (a check, which runs
 * on a Z3 thread) is in flight held back, and made, in order, when the last such call has ended.
 */
export const gateReleases = <Api extends object>(api: Api): Api => {
  let inFlight = 0;
  const held: Array<() => void> = [];
  const releaseHeld = () => {
    inFlight -= 1;
    if (inFlight === 0) for (const release of held.splice(0)) release();
  };
  const gated = Object.entries(api).map(([name, value]: [string, unknown]) => {
    if (typeof value !== "function") return [name, value];
    const call = value as (...args: ReadonlyArray<unknown>) => unknown;
    if (RELEASE.test(name))
      return [
        name,
        (...args: ReadonlyArray<unknown>) => {
          if (inFlight > 0) held.push(() => call(...args));
          else call(...args);
        },
      ];
    return [
      name,
      (...args: ReadonlyArray<unknown>) => {
        const result = call(...args);
        if (!(result instanceof Promise)) return result;
        inFlight += 1;
        return result.finally(releaseHeld);
      },
    ];
  });
  return Object.fromEntries(gated) as Api;
};
