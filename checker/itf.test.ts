// The engine's ITF, on the toy spec (test/toySpec.ts) so that no domain word is needed: a counterexample
// written as a trace reads back as itself, its states agree with `step`, a changed state or a bad field is
// named, and the values are ITF's forms both ways.
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { type ToyOp, tight, toySpec } from "../test/toySpec.ts";
import { counterexampleFrom } from "./counterexample.ts";
import { decodeItf, firstDifference, fromItfValue, isItf, itfInt, itfOption, toItfValue } from "./itf.ts";
import { counterexampleItf, loadItf } from "./itfTrace.ts";

const codec = toySpec.itf as NonNullable<typeof toySpec.itf>;
const inv = toySpec.invariants[0] as (typeof toySpec.invariants)[number];
const ops: ReadonlyArray<ToyOp> = [
  { type: "stopped", frontend: 1 }, // refused: it is already down; the trace repeats the state
  { type: "started", frontend: 1 },
  { type: "peerLearned", frontend: 0 },
];
const c = counterexampleFrom(
  toySpec,
  tight,
  inv,
  { seed: 7, path: "3:1", ops, violationStep: 3, message: "frontend-0 needs 2 of 1 threads" },
  [],
  { maxSteps: 10 },
);
/** The trace as a file holds it (JSON text parsed back). */
const written = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(counterexampleItf(toySpec, codec, c)));

describe("ITF traces of a counterexample", () => {
  test("each state after the first carries the operation as mbt::actionTaken and mbt::nondetPicks", () => {
    const t = written() as { vars: string[]; states: Array<Record<string, unknown>> };
    expect(t.vars).toEqual(["frontends", "mbt::actionTaken", "mbt::nondetPicks"]);
    expect(t.states).toHaveLength(ops.length + 1);
    expect(t.states[0]?.["mbt::actionTaken"]).toBe("init");
    expect(t.states[0]?.["mbt::nondetPicks"]).toEqual({ frontend: itfOption(undefined) });
    expect(t.states[3]?.["mbt::actionTaken"]).toBe("peerLearned");
    expect(t.states[3]?.["mbt::nondetPicks"]).toEqual({ frontend: itfOption(itfInt(0)) });
    expect(t.states[1]).toEqual({
      ...t.states[0],
      "#meta": { index: 1 },
      "mbt::actionTaken": "stopped",
      "mbt::nondetPicks": { frontend: itfOption(itfInt(1)) },
    });
  });

  test("a written trace reads back as the same counterexample, its states agreeing with step", () => {
    const r = loadItf(toySpec, written(), undefined);
    expect(r).toEqual(
      E.right({ config: tight, ops, counterexample: { ...c, steps: [] }, disagreement: undefined }),
    );
  });

  test("a state that differs from step's is named by its field", () => {
    const t = written() as { states: Array<{ frontends: Array<{ knowsPeer: boolean }> }> };
    (t.states[2]?.frontends[1] as { knowsPeer: boolean }).knowsPeer = true;
    const r = loadItf(toySpec, t, undefined);
    expect(E.isRight(r) && r.right.disagreement).toBe(
      "states[2] (after toy/started frontend-1): frontends[1].knowsPeer is true in the trace, false by step",
    );
  });

  test("a trace that records no config needs one given; with it, it reads as another tool's trace", () => {
    const { "#meta": _meta, ...bare } = written();
    expect(loadItf(toySpec, bare, undefined)).toEqual(
      E.left(expect.stringMatching(/^#meta\.config: missing/)),
    );
    const r = loadItf(toySpec, bare, tight);
    expect(E.isRight(r) && r.right.counterexample).toBeUndefined();
    expect(E.isRight(r) && r.right.disagreement).toBeUndefined();
  });

  test.each([
    ["states", (t: Record<string, unknown>) => ({ ...t, states: [] }), "states must be a non-empty array"],
    [
      "an action",
      (t: Record<string, unknown>) => withState(t, 2, { "mbt::actionTaken": 3 }),
      "states[2].mbt::actionTaken must be a string naming the operation (run quint with --mbt)",
    ],
    [
      "an unknown action",
      (t: Record<string, unknown>) => withState(t, 2, { "mbt::actionTaken": "fly" }),
      "states[2].mbt::actionTaken must be started, peerLearned or stopped",
    ],
    [
      "a pick",
      (t: Record<string, unknown>) =>
        withState(t, 2, { "mbt::nondetPicks": { frontend: itfOption(itfInt(5)) } }),
      "states[2].mbt::nondetPicks.frontend must be 0 or 1",
    ],
    [
      "a plain number",
      (t: Record<string, unknown>) => withState(t, 1, { frontends: 1 }),
      'states[1].frontends: plain number 1; ITF writes integers as {"#bigint": "..."}',
    ],
    [
      "the invariant",
      (t: Record<string, unknown>) => ({ ...t, "#meta": { ...(t["#meta"] as object), invariant: "Nope" } }),
      "#meta.invariant must be one of NeedsWithinLimit",
    ],
  ])("bad %s is a one-line error naming the field", (_what, corrupt, message) => {
    expect(loadItf(toySpec, corrupt(written()), undefined)).toEqual(E.left(message));
  });
});

const withState = (
  t: Record<string, unknown>,
  i: number,
  patch: Record<string, unknown>,
): Record<string, unknown> => ({
  ...t,
  states: (t.states as Array<Record<string, unknown>>).map((s, j) => (j === i ? { ...s, ...patch } : s)),
});

describe("ITF values", () => {
  test("integers, Options, tuples and sets read back as plain values", () => {
    expect(fromItfValue("v", toItfValue({ a: [1, 2], b: "x", c: true }))).toEqual(
      E.right({ a: [1, 2], b: "x", c: true }),
    );
    expect(fromItfValue("v", itfOption(undefined))).toEqual(E.right(null));
    expect(fromItfValue("v", itfOption(itfInt(4)))).toEqual(E.right(4));
    expect(fromItfValue("v", { "#tup": [itfInt(1), "a"] })).toEqual(E.right([1, "a"]));
    expect(fromItfValue("v", { "#set": [itfInt(3)] })).toEqual(E.right([3]));
    expect(fromItfValue("v", { "#bigint": "99999999999999999999" })).toEqual(
      E.left("v.#bigint 99999999999999999999 is too large"),
    );
    expect(fromItfValue("v", { x: null })).toEqual(E.left("v.x: null is not an ITF value"));
  });

  test("a trace is told from our counterexample JSON by #meta or states", () => {
    expect(isItf({ "#meta": {} })).toBe(true);
    expect(isItf({ states: [] })).toBe(true);
    expect(isItf({ spec: "fleet", ops: [] })).toBe(false);
  });

  test("states are compared on the fields both have; list lengths must match", () => {
    expect(firstDifference("", { a: 1, only: 2 }, { a: 1, other: 3 })).toBeUndefined();
    expect(firstDifference("", { l: [1, 2] }, { l: [1] })).toBe("l has 1 elements in the trace, 2 by step");
    expect(firstDifference("", { l: [{ x: 1 }] }, { l: [{ x: 2 }] })).toBe(
      "l[0].x is 2 in the trace, 1 by step",
    );
  });

  test("Quint's instance-qualified variables (small::fleet::frontends) are read by their own names", () => {
    const t = written() as { states: Array<Record<string, unknown>> };
    const qualified = {
      ...t,
      states: t.states.map(({ frontends, ...s }) => ({ ...s, "mc::toy::frontends": frontends })),
    };
    const r = decodeItf(codec, qualified);
    expect(E.isRight(r) && r.right.states[1]).toEqual({
      frontends: [
        { up: true, knowsPeer: false },
        { up: false, knowsPeer: false },
      ],
    });
  });

  test("decodeItf drops the picks an action did not take (None), as quint --mbt records every nondet", () => {
    const t = written();
    const r = decodeItf(codec, t);
    expect(E.isRight(r) && r.right.ops).toEqual(ops);
  });
});
