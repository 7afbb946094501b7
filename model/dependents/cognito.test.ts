// Tests aimed at the mutants of model/dependents/cognito.ts that survived the mutation run (issue 7): Cognito's
// usage-record buffer (domain.md C1–C3) and the non-blocking fix (R9), with worked examples and one
// conservation property. `as-was` numbers (model/configs/asWasDependents.ts): 1 record per tick, a 12-record buffer,
// 9 records of room added by C3; `bursty` emits 5 records a tick so that a tick can half fit.

import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { accepted, nextOrUndefined } from "../../test/dependents.ts";
import { asWasSystem } from "../configs/asWasDependents.ts";
import {
  authRequested,
  type CognitoState,
  cognitoCapacityAdded,
  cognitoTick,
  initialCognito,
} from "./cognito.ts";
import { type SystemConfig, withDependentRemediations } from "./config.ts";

const nonBlocking: SystemConfig = withDependentRemediations(asWasSystem, ["cognitoNonBlockingBuffer"]);

/** ILLUSTRATIVE: 5 usage records a tick into the 12-record buffer, so the third tick without Kinesis half fits. */
const bursty = (config: SystemConfig): SystemConfig => ({
  ...config,
  dependents: { ...config.dependents, cognito: { ...config.dependents.cognito, recordsPerTick: 5 } },
});

const ticked = (config: SystemConfig, ups: ReadonlyArray<boolean>): CognitoState =>
  ups.reduce((c, up) => cognitoTick(config, c, up).next, initialCognito(config));

describe("the buffer with Kinesis down (C1, C2, R9)", () => {
  test("R9: 5 records into 2 records of room: 2 are buffered and 3 dropped (counted), then all 5 dropped", () => {
    const config = bursty(nonBlocking);
    const full = ticked(config, [false, false]);
    expect(full.buffered).toBe(10);
    const third = cognitoTick(config, full, false);
    expect(third.effects).toEqual([
      { _tag: "Buffered", service: "cognito", count: 2 },
      { _tag: "Dropped", service: "cognito", count: 3 },
    ]);
    expect(third.next).toEqual({ ...full, buffered: 12, dropped: 3 });
    const fourth = cognitoTick(config, third.next, false);
    expect(fourth.effects).toEqual([{ _tag: "Dropped", service: "cognito", count: 5 }]);
    expect(fourth.next.dropped).toBe(8);
  });

  test("C2 as-was: the same overflow blocks the webservers instead of dropping", () => {
    const config = bursty(asWasSystem);
    const third = cognitoTick(config, ticked(config, [false, false]), false);
    expect(third.effects).toEqual([
      { _tag: "Buffered", service: "cognito", count: 2 },
      { _tag: "Blocked", service: "cognito" },
    ]);
    expect(third.next).toMatchObject({ buffered: 12, blocked: true, dropped: 0 });
  });

  test("C1: when Kinesis is back, the buffer drains in one tick and the webservers unblock", () => {
    const blocked = ticked(
      asWasSystem,
      Array.from({ length: 13 }, () => false),
    );
    expect(blocked).toMatchObject({ buffered: 12, blocked: true });
    const back = cognitoTick(asWasSystem, blocked, true);
    expect(back.effects).toEqual([{ _tag: "Drained", service: "cognito", count: 12 }]);
    expect(back.next).toEqual({ ...blocked, buffered: 0, blocked: false });
  });
});

describe("sign-ins (C2)", () => {
  const three = ticked(asWasSystem, [false, false, false]);

  test("with Kinesis up, a sign-in is served and emits nothing into the buffer", () => {
    expect(accepted(authRequested(asWasSystem, three, true))).toEqual({ ...three, served: 1 });
    expect(accepted(authRequested(asWasSystem, { ...three, served: 4 }, true)).served).toBe(5);
  });

  test("with Kinesis down and room left, a sign-in is served and its usage record is buffered", () => {
    expect(accepted(authRequested(asWasSystem, three, false))).toEqual({ ...three, buffered: 4, served: 1 });
  });

  test("as-was, with the buffer full, a sign-in blocks and fails: counted as blocked, not served", () => {
    const full = ticked(
      asWasSystem,
      Array.from({ length: 12 }, () => false),
    );
    expect(full).toMatchObject({ buffered: 12, blocked: false });
    expect(accepted(authRequested(asWasSystem, full, false))).toEqual({
      ...full,
      blocked: true,
      blockedRequests: 1,
    });
  });

  test("R9, with the buffer full, a sign-in is served and its record dropped", () => {
    const full = ticked(
      nonBlocking,
      Array.from({ length: 12 }, () => false),
    );
    expect(accepted(authRequested(nonBlocking, full, false))).toEqual({ ...full, dropped: 1, served: 1 });
  });

  test("a sign-in returns what happened to its record as data: dropped under R9, blocking without it", () => {
    const fullR9 = ticked(
      nonBlocking,
      Array.from({ length: 12 }, () => false),
    );
    expect(authRequested(nonBlocking, fullR9, false)).toEqual(
      E.right(expect.objectContaining({ effects: [{ _tag: "Dropped", service: "cognito", count: 1 }] })),
    );
    const full = ticked(
      asWasSystem,
      Array.from({ length: 12 }, () => false),
    );
    expect(authRequested(asWasSystem, full, false)).toEqual(
      E.right(expect.objectContaining({ effects: [{ _tag: "Blocked", service: "cognito" }] })),
    );
  });
});

describe("C3: added capacity", () => {
  test("adds the 9 records of room once; a second addition is refused", () => {
    const c = initialCognito(asWasSystem);
    const added = nextOrUndefined(cognitoCapacityAdded(asWasSystem, c));
    expect(added).toEqual({ ...c, capacityAdded: true, capacity: 21 });
    expect(added && cognitoCapacityAdded(asWasSystem, added)).toEqual(
      E.left({ _tag: "NotEnabled", reason: "Cognito's buffer capacity was already added" }),
    );
  });
});

describe("every usage record is accounted for (C1, R9)", () => {
  test.prop({
    steps: fc.array(fc.record({ up: fc.boolean(), signIn: fc.boolean() }), { maxLength: 60 }),
    perTick: fc.integer({ min: 1, max: 6 }),
  })(
    "with the non-blocking buffer, records emitted = drained + still buffered + dropped, and the effects say so",
    ({ steps, perTick }) => {
      const base = bursty(nonBlocking);
      const config: SystemConfig = {
        ...base,
        dependents: { ...base.dependents, cognito: { ...base.dependents.cognito, recordsPerTick: perTick } },
      };
      let c = initialCognito(config);
      let [emitted, drained, droppedSeen, served] = [0, 0, 0, 0];
      for (const { up, signIn } of steps) {
        const r = cognitoTick(config, c, up);
        for (const e of r.effects) {
          if (e._tag === "Drained") drained += e.count;
          if (e._tag === "Dropped") droppedSeen += e.count;
        }
        if (!up) emitted += perTick;
        c = r.next;
        if (signIn) {
          c = accepted(authRequested(config, c, up));
          served += 1;
          if (!up) emitted += 1;
        }
      }
      expect(drained + c.buffered + c.dropped).toBe(emitted);
      expect(c.served).toBe(served);
      expect(c.dropped).toBeGreaterThanOrEqual(droppedSeen);
    },
  );
});
