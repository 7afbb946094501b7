// ---------------------------------------------------------------------------------------------------------
// checker: an invariant of a spec as a fast-check property, for a user's own test suite: `fc.assert` it, or
// hand `invariantArbitrary` and `invariantHolds` to `@fast-check/vitest`'s `test.prop`. It is the property the
// search runs (checker/propertySearch.ts: the same arbitrary, the same verdict per generated case), so a
// saved counterexample's `seed`, `path` and `maxSteps` regenerate its case under plain fast-check:
// `fc.assert(invariantProperty(spec, config, inv, { maxSteps }), { seed, path, endOnFailure: true })`.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import type { Spec } from "./spec.ts";
import type { SpecInvariant } from "./specInvariant.ts";
import { acceptedUntilViolation, runTrace } from "./trace.ts";

export interface InvariantPropertyOptions {
  /** The longest generated operation sequence (default: the spec's). */
  readonly maxSteps?: number;
}

/** The operation sequences the search generates for `config`. */
export const invariantArbitrary = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  options: InvariantPropertyOptions = {},
): fc.Arbitrary<ReadonlyArray<Op>> => spec.opsArb(config, options.maxSteps ?? spec.defaultMaxSteps);

/**
 * Whether `invariant` holds in every state the operations lead to (refused operations change nothing). On a
 * violation it throws, naming the invariant, the step and what is wrong, so fast-check's report says it.
 */
export const invariantHolds =
  <C, S, Op>(spec: Spec<C, S, Op>, config: C, invariant: SpecInvariant<C, S>) =>
  (ops: ReadonlyArray<Op>): true => {
    if (!acceptedUntilViolation(spec, config, ops, [invariant]).violated) return true;
    const v = runTrace(spec, config, ops, [invariant]).violation;
    throw new Error(
      `${invariant.name} violated after step ${v?.step ?? "?"} of ${ops.length}: ${v?.violation.message ?? "(no message)"}`,
    );
  };

/** `invariant` over the operation sequences of `config`, as one fast-check property. */
export const invariantProperty = <C, S, Op>(
  spec: Spec<C, S, Op>,
  config: C,
  invariant: SpecInvariant<C, S>,
  options: InvariantPropertyOptions = {},
): fc.IPropertyWithHooks<[ReadonlyArray<Op>]> =>
  fc.property(invariantArbitrary(spec, config, options), invariantHolds(spec, config, invariant));
