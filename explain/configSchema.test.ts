// docs/config.schema.json, the published schema of a config file: generated from the code (explain/docs.test.ts
// compares the committed file), it accepts every built-in config as `npx outage config` prints it and the
// shipped examples, and rejects what the decoder rejects.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, test } from "vitest";
import { loadConfigFile } from "../cli/input.ts";
import { run } from "../cli/main.ts";
import { BUILTIN_CONFIGS } from "../model/configs/index.ts";
import { CONFIG_SCHEMA_PATH, CONFIG_SCHEMA_REF } from "./configSchema.ts";

const root = join(import.meta.dirname, "..");
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
  JSON.parse(readFileSync(join(root, CONFIG_SCHEMA_PATH), "utf8")),
);
const dir = mkdtempSync(join(tmpdir(), "outage-config-schema-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;

/** Whether the CLI's loader (`--config FILE`) accepts `v`. */
const loads = (v: unknown): boolean => {
  const file = join(dir, "mine.json");
  writeFileSync(file, JSON.stringify(v));
  try {
    loadConfigFile(file);
    return true;
  } catch {
    return false;
  }
};

const printed = (name: string): Json => JSON.parse(run(["config", name]).stdout);
const asWas = (): Json => printed("as-was");

describe("docs/config.schema.json", () => {
  test.each([...Object.keys(BUILTIN_CONFIGS), "small-system"])(
    "accepts `npx outage config %s`, which points to it in $schema, and so does the decoder",
    (name) => {
      const c = printed(name);
      expect(c.$schema).toBe(CONFIG_SCHEMA_REF);
      expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
      expect(loads(c)).toBe(true);
    },
  );

  test("accepts the shipped 3,000-frontend example, a config without dependents, and one without $schema", () => {
    const example = JSON.parse(readFileSync(join(root, "examples", "configs", "fleet-3000.json"), "utf8"));
    const { dependents: _d, $schema: _s, ...bare } = asWas();
    for (const c of [example, bare]) {
      expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
      expect(loads(c)).toBe(true);
    }
  });

  const set =
    (path: ReadonlyArray<string>, value: unknown) =>
    (c: Json): Json => {
      const copy = structuredClone(c);
      let o = copy;
      for (const k of path.slice(0, -1)) o = o[k] as Json;
      const last = path[path.length - 1] as string;
      if (value === undefined) delete o[last];
      else o[last] = value;
      return copy;
    };

  test.each([
    ["a missing section", set(["threads"], undefined)],
    ["a missing field", set(["threads", "threadLimit"], undefined)],
    ["an unknown key", set(["threadz"], 1)],
    ["an unknown dependents key", set(["dependents", "cognito", "bufferSize"], 1)],
    ["a negative number", set(["threads", "baseThreads"], -1)],
    ["a fraction", set(["threads", "threadsPerPeer"], 1.5)],
    ["a string for a number", set(["fleet", "initialSize"], "8")],
    ["31 shards", set(["shards", "shardCount"], 31)],
    ["a fleet over 100,000", set(["fleet", "maxSize"], 100_001)],
    ["a flag that is not a boolean", set(["remediations", "preflightGuard"], 1)],
    ["a $schema that is not a string", set(["$schema"], 7)],
    ["a two-line name", set(["name"], "a\nb")],
  ])("rejects %s, as the decoder does", (_what, mutate) => {
    const c = mutate(asWas());
    expect(validate(c)).toBe(false);
    expect(loads(c)).toBe(false);
  });

  test("the decoder alone rejects what relates two fields (documented in the schema's description)", () => {
    const c = set(["fleet", "maxSize"], 4)(asWas());
    expect(validate(c)).toBe(true);
    expect(loads(c)).toBe(false);
  });
});
