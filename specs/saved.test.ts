import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, test } from "vitest";
import { type Counterexample, encodeCounterexample } from "../checker/counterexample.ts";
import type { Spec } from "../checker/spec.ts";
import { committedOf } from "../test/counterexamples.ts";
import { fleetSpec, SPEC_IDS, systemSpec } from "./index.ts";
import { loadSaved } from "./saved.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-saved-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `json` to a fresh file and loads it. */
const loadJson = (name: string, json: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return loadSaved(file);
};

/** A counterexample's file as it is written today (schemaVersion 2, with `spec`), as a record to edit. */
const current = <C, Op>(c: Counterexample<C, Op>): Record<string, unknown> =>
  JSON.parse(encodeCounterexample(c, 1)) as Record<string, unknown>;

/** The same file as schemaVersion 1 wrote it: no `spec`; the system's said `"kind": "system"`. */
const legacy = <C, Op>(c: Counterexample<C, Op>, kind: "system" | undefined): Record<string, unknown> => {
  const { spec: _none, ...rest } = current(c);
  return { ...rest, schemaVersion: 1, ...(kind === undefined ? {} : { kind }) };
};

const first = <C, S, Op>(spec: Spec<C, S, Op>): Counterexample<C, Op> => {
  const [one] = committedOf(spec);
  if (one === undefined) throw new Error(`the corpus holds ${spec.id} counterexamples`);
  return one.c;
};

describe("loading a saved counterexample by the spec it names", () => {
  test("a file of today's schema loads with the spec its `spec` field names", () => {
    const fleet = first(fleetSpec);
    const system = first(systemSpec);
    expect(loadJson("fleet.json", current(fleet))).toEqual(E.right({ spec: "fleet", saved: fleet }));
    expect(loadJson("system.json", current(system))).toEqual(E.right({ spec: "system", saved: system }));
  });

  test("a schemaVersion-1 fleet file, which named no spec or kind, still loads as the fleet's", () => {
    const fleet = first(fleetSpec);
    expect(loadJson("fleet-v1.json", legacy(fleet, undefined))).toEqual(
      E.right({ spec: "fleet", saved: fleet }),
    );
  });

  test('a schemaVersion-1 system file, which said "kind": "system", still loads as the system\'s', () => {
    const system = first(systemSpec);
    expect(loadJson("system-v1.json", legacy(system, "system"))).toEqual(
      E.right({ spec: "system", saved: system }),
    );
  });

  test("a file naming a spec this project does not ship is refused, naming the file and the spec", () => {
    const file = join(dir, "toy.json");
    writeFileSync(file, JSON.stringify({ ...current(first(fleetSpec)), spec: "toy" }));
    expect(loadSaved(file)).toEqual(
      E.left(`${file}: spec toy: unknown; expected one of ${SPEC_IDS.join(", ")}`),
    );
  });

  test("a file of one spec that names the other is refused by the other's decoder", () => {
    expect(E.isLeft(loadJson("swapped.json", { ...current(first(systemSpec)), spec: "fleet" }))).toBe(true);
  });

  test("a missing file is a one-line error naming it", () => {
    const file = join(dir, "gone.json");
    expect(loadSaved(file)).toEqual(E.left(`${file}: no such file`));
  });
});
