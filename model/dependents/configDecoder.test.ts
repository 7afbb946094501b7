// Decoding an untrusted system config at the boundary (a saved system counterexample's `config`): every error
// is exactly one line naming the field (project brief: "Bad input: one-line error naming what is wrong").
// Written for issue 7: StrykerJS showed the `dependents` section's error messages and type checks were unpinned.
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { asWasDependents, asWasSystem } from "../configs/asWasDependents.ts";
import { decodeDependents, decodeSystemConfig } from "./configDecoder.ts";

/** The as-was `dependents` section as plain JSON data, with one edit. */
const dependentsWith = (edit: (d: Record<string, Record<string, unknown>>) => void): unknown => {
  const d = JSON.parse(JSON.stringify(asWasDependents)) as Record<string, Record<string, unknown>>;
  edit(d);
  return d;
};

const errorOf = (r: E.Either<string, unknown>): string => {
  if (E.isRight(r)) throw new Error("expected an error");
  return r.left;
};

describe("decodeDependents: exact one-line errors", () => {
  test.each<[string, unknown, string]>([
    ["not an object", 3, "dependents must be an object, got 3"],
    ["null", null, "dependents must be an object, got null"],
    ["an array", [], "dependents must be an object, got an array"],
    [
      "a section that is a number",
      dependentsWith((d) => {
        (d as Record<string, unknown>).kinesis = 50;
      }),
      "dependents.kinesis must be an object, got 50",
    ],
    [
      "a section that is null",
      dependentsWith((d) => {
        (d as Record<string, unknown>).cognito = null;
      }),
      "dependents.cognito must be an object, got null",
    ],
    [
      "an unknown key",
      dependentsWith((d) => {
        (d.cognito as Record<string, unknown>).extra = 1;
      }),
      "unknown key dependents.cognito.extra (expected one of: recordsPerTick, bufferRecords, addedCapacityRecords)",
    ],
    [
      "a missing key",
      dependentsWith((d) => {
        delete d.eventbridge?.provisionWithinTicks;
      }),
      "missing key dependents.eventbridge.provisionWithinTicks",
    ],
    [
      "a flag that is a string",
      dependentsWith((d) => {
        (d.remediations as Record<string, unknown>).cognitoNonBlockingBuffer = "yes";
      }),
      'dependents.remediations.cognitoNonBlockingBuffer must be true or false, got "yes"',
    ],
    [
      "a flag that is a number",
      dependentsWith((d) => {
        (d.customer as Record<string, unknown>).changeFreeze = 1;
      }),
      "dependents.customer.changeFreeze must be true or false, got 1",
    ],
    [
      "a count that is a numeric string",
      dependentsWith((d) => {
        (d.cognito as Record<string, unknown>).bufferRecords = "12";
      }),
      'dependents.cognito.bufferRecords must be an integer ≥ 0, got "12"',
    ],
    [
      "a count that is a fraction",
      dependentsWith((d) => {
        (d.cognito as Record<string, unknown>).bufferRecords = 2.5;
      }),
      "dependents.cognito.bufferRecords must be an integer ≥ 0, got 2.5",
    ],
    [
      "a negative count",
      dependentsWith((d) => {
        (d.lambda as Record<string, unknown>).memoryThresholdUnits = -1;
      }),
      "dependents.lambda.memoryThresholdUnits must be an integer ≥ 0, got -1",
    ],
  ])("%s: %j", (_what, input, message) => {
    expect(errorOf(decodeDependents(input))).toBe(message);
  });

  test("accepts 0 for a count (integers ≥ 0), and the as-was section itself", () => {
    const zero = dependentsWith((d) => {
      (d.cognito as Record<string, unknown>).addedCapacityRecords = 0;
    });
    expect(decodeDependents(zero)).toEqual(E.right(zero));
    expect(decodeDependents(JSON.parse(JSON.stringify(asWasDependents)))).toEqual(E.right(asWasDependents));
  });
});

describe("decodeSystemConfig", () => {
  test.each<[string, unknown]>([
    ["null", null],
    ["a string", "as-was"],
    ["a number", 5],
    ["an array", [asWasSystem]],
  ])("rejects %s with one line: the config must be an object", (_what, input) => {
    expect(errorOf(decodeSystemConfig(input))).toMatch(
      /^the config must be an object, got (null|"as-was"|5|an array)$/,
    );
  });

  test("accepts the as-was system printed as JSON, and names a bad dependents field", () => {
    const json = JSON.parse(JSON.stringify(asWasSystem)) as Record<string, unknown>;
    expect(decodeSystemConfig(json)).toEqual(E.right(asWasSystem));
    expect(errorOf(decodeSystemConfig({ ...json, dependents: undefined }))).toBe(
      "dependents must be an object, got undefined",
    );
  });
});

describe("R2's optional fields (alarms, remediations.threadAlarm)", () => {
  test("a section saved before them decodes without them (absent stays absent: saved files keep their hashes)", () => {
    const old = dependentsWith((d) => {
      delete (d as Record<string, unknown>).alarms;
      delete d.remediations?.threadAlarm;
    });
    const r = decodeDependents(old);
    if (E.isLeft(r)) throw new Error(r.left);
    expect(r.right).toEqual(old);
    expect("alarms" in r.right).toBe(false);
    expect("threadAlarm" in r.right.remediations).toBe(false);
  });

  test("α must be a percent from 1 to 100, and the error names the field", () => {
    const bad = dependentsWith((d) => {
      (d.alarms as Record<string, unknown>).threadAlarmPercent = 0;
    });
    expect(errorOf(decodeDependents(bad))).toContain("dependents.alarms.threadAlarmPercent");
    expect(errorOf(decodeDependents(bad)).split("\n")).toHaveLength(1);
  });
});
