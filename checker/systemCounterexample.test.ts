import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import {
  encodeSystemCounterexample,
  loadSystemCounterexample,
  parseSystemCounterexample,
  systemCorpusFiles,
} from "./systemCounterexample.ts";
import { replaySystemCounterexample } from "./systemReplay.ts";

const committed = systemCorpusFiles(join(import.meta.dirname, "..", "counterexamples"));

describe("the committed system counterexample corpus", () => {
  test("holds a counterexample for every dependent invariant under as-was", () => {
    const names = committed.map((f) => f.split("/").pop() ?? "");
    for (const inv of [
      "CognitoNeverBlocksOnKinesisBuffer",
      "CloudWatchLosesNoDatapoint",
      "AlarmsHaveData",
      "AutoScalingReactsWithin",
      "LambdaUnaffectedByCloudWatch",
      "ProvisioningCompletesWithin",
      "StatusPostedWithin",
      "CustomerIngestionSurvivesRegionalImpairment",
    ])
      expect(names.some((n) => n.startsWith(`${inv}--as-was--`))).toBe(true);
  });

  test.each(committed.map((f) => [f.split("/").pop(), f]))(
    "%s still reproduces under its own config",
    (_n, file) => {
      const loaded = loadSystemCounterexample(file as string);
      if (E.isLeft(loaded)) throw new Error(loaded.left);
      const r = replaySystemCounterexample(loaded.right);
      expect(r.detail).toMatch(/fails at step/);
      expect(r.reproduces).toBe(true);
    },
  );

  test("a file round-trips to the same bytes", () => {
    const file = committed[0] as string;
    const loaded = loadSystemCounterexample(file);
    if (E.isLeft(loaded)) throw new Error(loaded.left);
    const again = parseSystemCounterexample(encodeSystemCounterexample(loaded.right));
    expect(E.isRight(again) && encodeSystemCounterexample(again.right)).toBe(
      encodeSystemCounterexample(loaded.right),
    );
  });
});

describe("decoding a bad system counterexample names what is wrong", () => {
  const good = (): Record<string, unknown> => {
    const loaded = loadSystemCounterexample(committed[0] as string);
    if (E.isLeft(loaded)) throw new Error(loaded.left);
    return JSON.parse(encodeSystemCounterexample(loaded.right)) as Record<string, unknown>;
  };
  const error = (v: unknown): string => {
    const d = parseSystemCounterexample(JSON.stringify(v));
    return E.isLeft(d) ? d.left : "decoded";
  };
  test("an unknown dependent op field", () => {
    const v = good();
    expect(error({ ...v, ops: [{ type: "clusterRequested", service: "ecr" }] })).toBe(
      "ops[0].service must be ecs or eks",
    );
  });
  test("a missing dependents parameter", () => {
    const v = good();
    const config = v.config as Record<string, Record<string, unknown>>;
    const { cognito: _gone, ...rest } = config.dependents as Record<string, unknown>;
    expect(error({ ...v, config: { ...config, dependents: rest } })).toBe(
      "config: missing key dependents.cognito",
    );
  });
  test("a negative buffer size", () => {
    const v = good();
    const config = v.config as { dependents: { cognito: Record<string, unknown> } };
    const bad = {
      ...config,
      dependents: { ...config.dependents, cognito: { ...config.dependents.cognito, bufferRecords: -1 } },
    };
    expect(error({ ...v, config: bad })).toBe(
      "config: dependents.cognito.bufferRecords must be an integer ≥ 0",
    );
  });
  test("truncated JSON", () => {
    expect(E.isLeft(parseSystemCounterexample('{"kind": "system", "ops": ['))).toBe(true);
  });
});
