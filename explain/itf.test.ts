// `explain --format itf`: the Informal Trace Format of every committed counterexample, fleet and system, is
// valid ITF and decodes back to the model's states.
import { basename } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "../cli/main.ts";
import type { Config } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { behindFor } from "../model/lag.ts";
import { initialState, type State } from "../model/state.ts";
import { initialSystemState } from "../model/system.ts";
import { fleetCorpus, loadedFleet, loadedSystem, named, systemCorpus } from "../test/savedCorpus.ts";
import { explainCounterexample, explainSystemCounterexample } from "./frames.ts";
import { encodeItf, ITF_SYSTEM_VARS, ITF_VARS, toItf } from "./itf.ts";

const corpus = fleetCorpus;

/** The errors that make `v` not an ITF value (Apalache ADR-015): plain numbers, null, bad #-forms. */
const itfErrors = (v: unknown, at: string): ReadonlyArray<string> => {
  if (typeof v === "string" || typeof v === "boolean") return [];
  if (typeof v === "number") return [`${at}: plain JSON number ${v} (ITF integers are {"#bigint": "..."})`];
  if (v === null || v === undefined) return [`${at}: ${v} is not an ITF value`];
  if (Array.isArray(v)) return v.flatMap((x, i) => itfErrors(x, `${at}[${i}]`));
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if ("#bigint" in o)
    return keys.length === 1 && typeof o["#bigint"] === "string" && /^-?\d+$/.test(o["#bigint"])
      ? []
      : [`${at}: malformed #bigint`];
  for (const form of ["#set", "#tup"])
    if (form in o)
      return keys.length === 1 && Array.isArray(o[form])
        ? (o[form] as unknown[]).flatMap((x, i) => itfErrors(x, `${at}.${form}[${i}]`))
        : [`${at}: malformed ${form}`];
  const odd = keys.find((k) => k.startsWith("#"));
  if (odd !== undefined) return [`${at}: unknown ITF form ${odd}`];
  return keys.flatMap((k) => itfErrors(o[k], `${at}.${k}`));
};

/** ITF back to the model's plain values: big integers to numbers, a stale-shard set to its bitmask, an Option to a value or null. */
const decode = (v: unknown, key = ""): unknown => {
  if (Array.isArray(v)) return v.map((x) => decode(x));
  if (typeof v !== "object" || v === null) return v;
  const o = v as Record<string, unknown>;
  if ("#bigint" in o) return Number(o["#bigint"]);
  if (o.tag === "None" && Object.keys(o).length === 2) return null;
  if (o.tag === "Some" && Object.keys(o).length === 2) return decode(o.value);
  if ("#set" in o && key === "staleShards")
    return (o["#set"] as unknown[]).reduce<number>((m, s) => m | (1 << (decode(s) as number)), 0);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x, k)]));
};

/** The model's state as ITF writes it: each frontend's lag (derived, `behindFor`) in place of its stamp. */
const withLags = (config: Config, s: State | undefined) =>
  s === undefined
    ? undefined
    : {
        ...s,
        frontends: s.frontends.map(({ behindSince: _stamp, ...f }) => ({
          ...f,
          behindFor: behindFor(config, s, { ...f, behindSince: _stamp }),
        })),
      };

describe("--format itf", () => {
  test("vars are the model's state variables plus Quint's mbt::actionTaken", () => {
    expect(ITF_VARS.filter((v) => v !== "mbt::actionTaken")).toEqual(Object.keys(initialState(asWas)));
  });

  test.each(named(corpus))("%s is valid ITF and decodes to the model's states", (_n, f) => {
    const c = loadedFleet(f);
    const e = explainCounterexample(c);
    const itf = JSON.parse(JSON.stringify(toItf(e, "x.json"))) as {
      "#meta": Record<string, unknown>;
      vars: string[];
      states: Array<Record<string, unknown>>;
    };
    expect(itf["#meta"]).toMatchObject({
      format: "ITF",
      status: "violation",
      invariant: c.invariant,
    });
    expect(itf.vars).toEqual([...ITF_VARS]);
    expect(itf.states).toHaveLength(c.ops.length + 1);
    for (const [i, s] of itf.states.entries()) {
      const { "#meta": meta, ...vars } = s;
      expect(meta).toMatchObject({ index: i });
      expect(Object.keys(vars)).toEqual(itf.vars);
      expect(itfErrors(vars, `states[${i}]`)).toEqual([]);
      const { "mbt::actionTaken": action, ...state } = vars;
      expect(action).toBe(i === 0 ? "init" : c.ops[i - 1]?.type);
      expect(decode(state)).toEqual(withLags(e.config, e.frames[i]?.state));
    }
    expect(itf.states[c.violationStep]?.["#meta"]).toMatchObject({
      violation: c.message,
    });
  });

  test("the validity check catches what ITF forbids", () => {
    expect(itfErrors({ x: 1 }, "s")).toEqual([
      's.x: plain JSON number 1 (ITF integers are {"#bigint": "..."})',
    ]);
    expect(itfErrors({ x: { "#bigint": 1 } }, "s")).toHaveLength(1);
    expect(itfErrors({ x: [null] }, "s")).toHaveLength(1);
  });

  test("npx outage explain FILE --format itf prints the same ITF, byte-identical across runs", () => {
    const file = corpus[0] as string;
    const a = run(["explain", file, "--format", "itf"]);
    const b = run(["explain", file, "--format", "itf"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(encodeItf(explainCounterexample(loadedFleet(file)), basename(file)));
    expect(JSON.parse(a.stdout).vars).toEqual([...ITF_VARS]);
  });
});

describe("--format itf for a system counterexample (counterexamples/system/)", () => {
  test("vars are the fleet's, then one per dependent, then mbt::actionTaken", () => {
    const s = initialSystemState(asWasSystem);
    expect(ITF_SYSTEM_VARS.filter((v) => v !== "mbt::actionTaken")).toEqual([
      ...Object.keys(s.core),
      ...Object.keys(s.dependents),
    ]);
  });

  test.each(named(systemCorpus))("%s is valid ITF and decodes to the model's system states", (_n, f) => {
    const c = loadedSystem(f);
    const e = explainSystemCounterexample(c);
    const itf = JSON.parse(JSON.stringify(toItf(e, "x.json"))) as {
      "#meta": Record<string, unknown>;
      vars: string[];
      states: Array<Record<string, unknown>>;
    };
    expect(itf["#meta"]).toMatchObject({
      format: "ITF",
      status: "violation",
      invariant: c.invariant,
    });
    expect(itf.vars).toEqual([...ITF_SYSTEM_VARS]);
    expect(itf.states).toHaveLength(c.ops.length + 1);
    for (const [i, s] of itf.states.entries()) {
      const { "#meta": meta, ...vars } = s;
      expect(meta).toMatchObject({ index: i });
      expect(Object.keys(vars)).toEqual(itf.vars);
      expect(itfErrors(vars, `states[${i}]`)).toEqual([]);
      const { "mbt::actionTaken": action, ...state } = vars;
      expect(action).toBe(i === 0 ? "init" : c.ops[i - 1]?.type);
      const frame = e.frames[i];
      expect(decode(state)).toEqual({ ...withLags(e.config, frame?.state), ...frame?.system?.dependents });
    }
    expect(itf.states[c.violationStep]?.["#meta"]).toMatchObject({
      violation: c.message,
    });
    // an empty optional field is Quint's None variant, never null
    expect(JSON.stringify(itf.states[0])).toContain('"pendingSince":{"tag":"None","value":{"#tup":[]}}');
  });
});
