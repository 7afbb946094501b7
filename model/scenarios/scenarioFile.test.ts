// Scenario files: the decoder accepts the shipped files and gives back exactly the values they were written
// from; every error is one line naming the field; compiling places each action at its tick.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { NOV25, NOV25_FILE, NOV25_IN_EVENT_FIXES_FILE } from "./nov25.ts";
import { decodeScenarioFile } from "./scenarioDecoder.ts";
import { compileScenario, type ScenarioFile } from "./scenarioFile.ts";

const root = join(import.meta.dirname, "..", "..");
const shipped = (name: string): unknown =>
  JSON.parse(readFileSync(join(root, "examples", "scenarios", `${name}.json`), "utf8"));

const minimal = { name: "mine", startMinute: 0, endTick: 20, actions: [] };
const errorOf = (v: unknown): string => {
  const r = decodeScenarioFile(v);
  return E.isLeft(r) ? r.left : "accepted";
};

describe("scenario files", () => {
  test.each([NOV25_FILE, NOV25_IN_EVENT_FIXES_FILE])(
    "the shipped $name decodes to the value it was written from",
    (f) => {
      expect(decodeScenarioFile(shipped(f.name))).toEqual(E.right(f));
    },
  );

  test("the built-in day compiles to one clock step per tick and the record's notes in tick order", () => {
    expect(NOV25.ops.filter((o) => o.type === "tick")).toHaveLength(NOV25_FILE.endTick);
    expect(NOV25.notes.map((n) => n.tick)).toEqual([...NOV25.notes.map((n) => n.tick)].sort((a, b) => a - b));
    expect(NOV25.deployments).toEqual([]);
  });

  test("a paced restart places perStep restarts every everyTicks ticks, after the tick's background", () => {
    const f: ScenarioFile = {
      name: "x",
      description: "",
      startMinute: 0,
      endTick: 8,
      background: [{ fromTick: 1, everyTicks: 3, ops: [{ type: "loadChanged" }] }],
      actions: [{ tick: 1, pacedRestart: { first: 2, frontends: 3, perStep: 2, everyTicks: 3 } }],
    };
    const perTick: string[][] = [[]];
    for (const op of compileScenario(f).ops)
      if (op.type === "tick") perTick.push([]);
      else perTick[perTick.length - 1]?.push(JSON.stringify(op));
    expect(perTick.slice(0, 8)).toEqual([
      [],
      [
        '{"type":"loadChanged"}',
        '{"type":"frontendRestarted","frontend":2}',
        '{"type":"frontendRestarted","frontend":3}',
      ],
      [],
      [],
      ['{"type":"loadChanged"}', '{"type":"frontendRestarted","frontend":4}'],
      [],
      [],
      ['{"type":"loadChanged"}'],
    ]);
  });

  test.each([
    [[], "scenario must be an object"],
    [{ ...minimal, extra: 1 }, "unknown key scenario.extra"],
    [{ ...minimal, endTick: 0 }, "scenario.endTick must be an integer from 1 to 2016"],
    [{ ...minimal, actions: [{ tick: 20 }] }, "scenario.actions[0].tick must be an integer from 0 to 19"],
    [
      { ...minimal, actions: [{ tick: 1, ops: [{ type: "tick" }] }] },
      "scenario.actions[0].ops[0].type tick is not an action: time passes by itself; give the action's tick instead",
    ],
    [
      { ...minimal, actions: [{ tick: 1, ops: [{ type: "capacityAdded", count: 0 }] }] },
      "scenario.actions[0].ops[0].count must be an integer ≥ 1",
    ],
    [
      { ...minimal, actions: [{ tick: 1, ops: [], deploy: { threadLimit: 3 } }] },
      "scenario.actions[0] must have at most one of ops, pacedRestart, deploy (has ops, deploy)",
    ],
    [
      { ...minimal, actions: [{ tick: 1, deploy: {} }] },
      "scenario.actions[0].deploy must switch on a remediation or set threadLimit",
    ],
    [
      { ...minimal, actions: [{ tick: 1, ops: [{ type: "tock" }] }] },
      "scenario.actions[0].ops[0].type must be one of capacityAdded, frontendRemoved, frontendRestarted, frontendCrashed, peerLearned, shardMoved, requestRouted, authRequested,",
    ],
    [
      { ...minimal, actions: [{ tick: 1, deploy: { remediations: [] } }] },
      "scenario.actions[0].deploy.remediations must not be empty",
    ],
    [
      { ...minimal, actions: [{ tick: 1, deploy: { remediations: ["faster"] } }] },
      "scenario.actions[0].deploy.remediations[0] must be one of",
    ],
    [
      { ...minimal, actions: [{ tick: 1, pacedRestart: { frontends: 2 } }] },
      "missing key scenario.actions[0].pacedRestart.everyTicks",
    ],
    [
      { ...minimal, actions: [{ tick: 1, record: "two\nlines" }] },
      "scenario.actions[0].record must be a non-empty one-line string",
    ],
    [
      { ...minimal, background: [{ fromTick: 0, everyTicks: 0, ops: [] }] },
      "scenario.background[0].everyTicks must be an integer ≥ 1",
    ],
  ])("%j is refused: %s", (v, message) => {
    const e = errorOf(v);
    expect(e.startsWith(message)).toBe(true);
    expect(e.split("\n")).toHaveLength(1);
  });
});
