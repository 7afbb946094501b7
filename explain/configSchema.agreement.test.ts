// One definition per input format (issue 16): the published docs/config.schema.json and the decoder of
// `--config FILE` come from the same valibot format, so on any edit of a real config file they agree, except
// where the schema's description says the decoder checks more (one field against another).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "@fast-check/vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { run } from "../cli/main.ts";
import { decodeConfigFile } from "../model/dependents/configDecoder.ts";
import { FUZZ_RUNS, mutatedJson } from "../test/jsonMutations.ts";
import { CONFIG_SCHEMA_PATH } from "./configSchema.ts";

const root = join(import.meta.dirname, "..");
const validate = new Ajv2020({ strict: true }).compile(
  JSON.parse(readFileSync(join(root, CONFIG_SCHEMA_PATH), "utf8")),
);
const asWas: unknown = JSON.parse(run(["config", "as-was"]).stdout);

/** The decoder's errors that relate two fields, which no JSON Schema says (configDecoder.ts `consistent`). */
const CROSS_FIELD = /^(threads\.threadLimit \(\d+\) is below|fleet\.maxSize \(\d+\) is below)/;

describe("docs/config.schema.json and the config decoder, one format", () => {
  test.prop({ c: mutatedJson(asWas) }, { numRuns: FUZZ_RUNS })(
    "accept and reject the same edits of `npx outage config as-was`, but for the cross-field checks",
    ({ c }) => {
      const decoded = decodeConfigFile(c);
      const valid = validate(c);
      if (E.isLeft(decoded) && CROSS_FIELD.test(decoded.left)) expect(valid).toBe(true);
      else expect(valid, E.isLeft(decoded) ? decoded.left : "decoded").toBe(E.isRight(decoded));
    },
  );
});
