// The light name lists the help text reads are the registries' names, in the registries' order.
import { describe, expect, test } from "vitest";
import { BUILTIN_CONFIGS } from "../model/configs/index.ts";
import { BUILTIN_CONFIG_NAMES } from "../model/configs/names.ts";
import { SYSTEM_INVARIANTS } from "./dependents/index.ts";
import { INVARIANTS } from "./index.ts";
import { INVARIANT_NAMES, SYSTEM_INVARIANT_NAMES } from "./names.ts";

describe("the name lists without the things they name", () => {
  test("INVARIANT_NAMES are the fleet invariants' names, in checking order", () => {
    expect(INVARIANT_NAMES).toEqual(INVARIANTS.map((i) => i.name));
  });
  test("SYSTEM_INVARIANT_NAMES are the dependents' invariants' names, in checking order", () => {
    expect(SYSTEM_INVARIANT_NAMES).toEqual(SYSTEM_INVARIANTS.map((i) => i.name));
  });
  test("BUILTIN_CONFIG_NAMES are the built-in configs --config accepts", () => {
    expect(BUILTIN_CONFIG_NAMES).toEqual(Object.keys(BUILTIN_CONFIGS));
  });
});
