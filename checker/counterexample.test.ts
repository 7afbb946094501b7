import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test as it } from "vitest";
import { narrate, savedSteps } from "../explain/narrate.ts";
import { asWas } from "../model/configs/asWas.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { committedOf, counterexampleArb, parseAs } from "../test/counterexamples.ts";
import {
  type Counterexample,
  counterexampleFrom,
  decodeCounterexample,
  encodeCounterexample,
  SCHEMA_VERSION,
} from "./counterexample.ts";
import { DEFAULT_SEED } from "./defaults.ts";
import { searchInvariant } from "./search.ts";
import type { Spec } from "./spec.ts";

/** The fleet's ThreadBudget counterexample under as-was, as the search saves it. */
const fleetFound = (() => {
  const r = searchInvariant(fleetSpec, asWas, threadBudget, { seed: DEFAULT_SEED, runs: 100, maxSteps: 40 });
  if (r.status !== "violated") throw new Error("as-was must violate ThreadBudget");
  return counterexampleFrom(
    fleetSpec,
    asWas,
    threadBudget,
    r.found,
    savedSteps(narrate(fleetSpec, asWas, r.found.trace)),
  );
})();

/** A committed system counterexample (the system's search is too slow to run here for a fixture). */
const systemFound = (() => {
  const [first] = committedOf(systemSpec);
  if (first === undefined) throw new Error("the corpus holds system counterexamples");
  return first.c;
})();

/** The decoder's error for a file holding `v`, or "decoded". */
const errorOf = <C, S, Op>(spec: Spec<C, S, Op>, v: unknown): string => {
  const d = parseAs(spec, JSON.stringify(v));
  return E.isLeft(d) ? d.left : "decoded";
};

/** A saved file's JSON, as a record to edit. */
const jsonOf = <C, Op>(c: Counterexample<C, Op>): Record<string, unknown> =>
  JSON.parse(encodeCounterexample(c, 1)) as Record<string, unknown>;

/** The codec's contract, for any spec: what is written reads back equal, and a damaged file is rejected. */
const codecTests = <C, S, Op>(spec: Spec<C, S, Op>, config: C, found: Counterexample<C, Op>): void => {
  describe(`counterexample files of the ${spec.id}`, () => {
    test.prop({ c: counterexampleArb(spec, config) })("read back equal to what was written", ({ c }) => {
      expect(parseAs(spec, encodeCounterexample(c, 1))).toEqual(E.right(c));
    });

    test.prop({ cut: fc.nat() })("a truncated file is rejected, not half-read", ({ cut }) => {
      const text = encodeCounterexample(found, 1);
      const at = cut % (text.trimEnd().length - 1);
      expect(E.isLeft(parseAs(spec, text.slice(0, at)))).toBe(true);
    });

    it("name their spec and the current schema version", () => {
      expect(jsonOf(found)).toMatchObject({ spec: spec.id, schemaVersion: SCHEMA_VERSION });
    });

    it("are rejected, naming the field, when the schema version is not one the decoder knows", () => {
      expect(errorOf(spec, { ...jsonOf(found), schemaVersion: 3 })).toBe(
        `schemaVersion must be ${SCHEMA_VERSION}, got 3`,
      );
      const { spec: _gone, ...unnamed } = jsonOf(found);
      expect(errorOf(spec, unnamed)).toBe("spec must be a string naming the spec");
    });

    it("are rejected when the file names another spec, even by a decoder called directly", () => {
      const other = spec.id === fleetSpec.id ? systemSpec.id : fleetSpec.id;
      const { $schema: _s, spec: _id, schemaVersion: _v, ...fields } = jsonOf(found);
      expect(
        E.isLeft(decodeCounterexample(spec, { ...fields, spec: other, schemaVersion: SCHEMA_VERSION })),
      ).toBe(true);
      expect(decodeCounterexample(spec, { ...fields, spec: other })).toEqual(
        E.left(`the file is a counterexample of spec "${other}", not of ${spec.id}`),
      );
    });

    it("are rejected, naming the field, when an invariant is not the spec's", () => {
      expect(errorOf(spec, { ...jsonOf(found), invariant: "NoSuchInvariant" })).toMatch(
        /^invariant must be one of /,
      );
    });
  });
};

codecTests(fleetSpec, asWas, fleetFound);
codecTests(systemSpec, asWasSystem, systemFound);

describe("decoding a bad fleet counterexample names what is wrong", () => {
  it("an operation is corrupted", () => {
    const text = encodeCounterexample(fleetFound, 1).replace(
      '"type": "capacityAdded"',
      '"type": "capacityRemoved"',
    );
    expect(parseAs(fleetSpec, text)).toEqual(E.left(expect.stringMatching(/^ops\[0\]\.type must be one of/)));
  });

  it("the embedded config is bad", () => {
    const text = encodeCounterexample(fleetFound, 1).replace('"threadLimit": 11', '"threadLimit": -11');
    expect(parseAs(fleetSpec, text)).toEqual(E.left(expect.stringMatching(/^config: threads\.threadLimit/)));
  });
});

describe("decoding a bad system counterexample names what is wrong", () => {
  it("an unknown dependent op field", () => {
    expect(
      errorOf(systemSpec, { ...jsonOf(systemFound), ops: [{ type: "clusterRequested", service: "ecr" }] }),
    ).toBe("ops[0].service must be ecs or eks");
  });

  it("a missing dependents parameter", () => {
    const v = jsonOf(systemFound);
    const config = v.config as Record<string, Record<string, unknown>>;
    const { cognito: _gone, ...rest } = config.dependents as Record<string, unknown>;
    expect(errorOf(systemSpec, { ...v, config: { ...config, dependents: rest } })).toBe(
      "config: missing key dependents.cognito",
    );
  });

  it("a negative buffer size", () => {
    const v = jsonOf(systemFound);
    const config = v.config as { dependents: { cognito: Record<string, unknown> } };
    const bad = {
      ...config,
      dependents: { ...config.dependents, cognito: { ...config.dependents.cognito, bufferRecords: -1 } },
    };
    expect(errorOf(systemSpec, { ...v, config: bad })).toBe(
      "config: dependents.cognito.bufferRecords must be an integer ≥ 0, got -1",
    );
  });

  it("truncated JSON", () => {
    expect(E.isLeft(parseAs(systemSpec, '{"spec": "system", "ops": ['))).toBe(true);
  });
});
