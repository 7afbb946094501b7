import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { withAllRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { INVARIANTS } from "../properties/index.ts";
import { opArb } from "../specs/fleet/arbitraries.ts";
import { acceptedOps, acceptedUntilViolation, runTrace } from "./trace.ts";

describe("acceptedUntilViolation, the shrinker's fast path", () => {
  test.prop({
    config: fc.constantFrom(asWas, withAllRemediations(asWas)),
    inv: fc.constantFrom(...INVARIANTS),
    ops: fc.array(opArb(asWas), { maxLength: 60, size: "max" }),
  })(
    "decides exactly what runTrace decides, and keeps the same accepted operations",
    ({ config, inv, ops }) => {
      const trace = runTrace(config, ops, [inv]);
      const fast = acceptedUntilViolation(config, ops, [inv]);
      expect(fast.violated).toBe(trace.violation !== undefined);
      expect(fast.accepted).toEqual(acceptedOps(trace));
    },
  );
});
