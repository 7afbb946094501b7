// ---------------------------------------------------------------------------------------------------------
// properties: counting without allocating. The invariants run after every step of every search, so they
// count with one pass instead of `filter(...).length`, which builds an array of the fleet to throw away.
// ---------------------------------------------------------------------------------------------------------

/** How many of `xs` satisfy `pred`. */
export const countWhere = <T>(xs: ReadonlyArray<T>, pred: (x: T) => boolean): number =>
  xs.reduce((n, x) => (pred(x) ? n + 1 : n), 0);
