// docs/scenario.schema.json, the published schema of a scenario file: generated from the scenario format
// (model/scenarios/scenarioFormat.ts; analyses/replayDocs.test.ts compares the committed file); it accepts
// what the decoder accepts and rejects what it rejects, on a sample of files, the rules between an object's
// keys (one kind per action, a deployment that changes something) included.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { decodeScenarioFile } from "../model/scenarios/scenarioDecoder.ts";
import { SCENARIO_SCHEMA_PATH } from "./scenarioSchema.ts";

const root = join(import.meta.dirname, "..");
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
  JSON.parse(readFileSync(join(root, SCENARIO_SCHEMA_PATH), "utf8")),
);
const shipped = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, "examples", "scenarios", `${name}.json`), "utf8"));
const day = shipped("2020-11-25");
const withAction = (a: unknown) => ({ ...day, actions: [a] });

describe("docs/scenario.schema.json", () => {
  test.each(["2020-11-25", "2020-11-25-in-event-fixes"])(
    "accepts the shipped %s, and so does the decoder",
    (name) => {
      const f = shipped(name);
      expect(validate(f), JSON.stringify(validate.errors)).toBe(true);
      expect(E.isRight(decodeScenarioFile(f))).toBe(true);
    },
  );

  test.each([
    withAction({ tick: 3, deploy: { threadLimit: 12 } }),
    withAction({ tick: 3, pacedRestart: { frontends: 4, everyTicks: 2 } }),
    withAction({ tick: 3, record: "a note alone" }),
    { ...day, $schema: "anywhere", background: [] },
  ])("accepts %j, as the decoder does", (v) => {
    expect(validate(v), JSON.stringify(validate.errors)).toBe(true);
    expect(E.isRight(decodeScenarioFile(v))).toBe(true);
  });

  test.each([
    { ...day, endTick: 0 },
    { ...day, surprise: true },
    withAction({ tick: 3, ops: [{ type: "tick" }] }),
    withAction({ tick: 3, ops: [{ type: "frontendRemoved" }] }),
    withAction({ tick: 3, ops: [], deploy: { threadLimit: 12 } }),
    withAction({ tick: 3, deploy: {} }),
    withAction({ tick: 3, deploy: { remediations: [] } }),
    withAction({ tick: 3, deploy: { remediations: ["nope"] } }),
    withAction({ tick: 3, pacedRestart: { frontends: 0, everyTicks: 3 } }),
    withAction({ tick: 3, record: "a\nb" }),
  ])("rejects %j, as the decoder does", (v) => {
    expect(validate(v)).toBe(false);
    expect(E.isLeft(decodeScenarioFile(v))).toBe(true);
  });
});
