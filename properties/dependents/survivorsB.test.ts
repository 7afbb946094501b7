// Tests aimed at the mutants of properties/dependents/{customerSurvives,cognitoNeverBlocks,statusPostedWithin}.ts
// that survived the mutation run (issue 7): each disjunct of a check can break the invariant on its own, and
// each closeness is the stated fraction of N. The states are reached with the dependents' own steps on the
// `as-was` numbers (model/dependents/asWas.ts), then placed in a system state.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/dependents/asWas.ts";
import {
  authRequested,
  type CognitoState,
  cognitoTick,
  initialCognito,
} from "../../model/dependents/cognito.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import { type CustomerState, customerTick, initialCustomer } from "../../model/dependents/customer.ts";
import { initialDashboard, statusPostStarted } from "../../model/dependents/dashboard.ts";
import { stateWith } from "../../model/state.ts";
import { type Dependents, initialSystemState, type SystemState } from "../../model/system.ts";
import { cognitoNeverBlocks } from "./cognitoNeverBlocks.ts";
import { customerSurvives } from "./customerSurvives.ts";
import { statusPostedWithin } from "./statusPostedWithin.ts";
import type { SystemInvariant } from "./systemInvariant.ts";

/** The initial `config` system state at tick `tick` with the given dependents' states. */
const system = (config: SystemConfig, d: Partial<Dependents>, tick = 0): SystemState => {
  const s = initialSystemState(config);
  return { core: stateWith(s.core, { tick }), dependents: { ...s.dependents, ...d } };
};

/** The name of the invariant `inv` reports broken in `s`, or undefined when it holds. */
const broken = (inv: SystemInvariant, config: SystemConfig, s: SystemState): string | undefined =>
  O.toUndefined(inv.check(config, s))?.invariant;

/** as-was with the customer's producer buffer replaced (ILLUSTRATIVE sizes, to separate loss from delay). */
const withProducerBuffer = (records: number): SystemConfig => ({
  ...asWasSystem,
  dependents: {
    ...asWasSystem.dependents,
    customer: { ...asWasSystem.dependents.customer, producerBufferRecords: records },
  },
});

/** The customer's pipeline after ticks `now = 0, 1, ...` with the primary stream's availability `ups[now]`. */
const customerAfter = (config: SystemConfig, ups: ReadonlyArray<boolean>): CustomerState =>
  ups.reduce((c, up, now) => customerTick(config, c, up, now).next, initialCustomer);

const downFor = (n: number): ReadonlyArray<boolean> => Array.from({ length: n }, () => false);

describe("CustomerIngestionSurvivesRegionalImpairment (seed 000; as-was N = resumeWithinTicks = 6)", () => {
  test("a lost record breaks it on its own, even while the outage is still shorter than N", () => {
    const config = withProducerBuffer(2);
    const c = customerAfter(config, downFor(3));
    expect(c).toMatchObject({ lost: 1, failingFor: 3 });
    expect(broken(customerSurvives, config, system(config, { customer: c }))).toBe(
      "CustomerIngestionSurvivesRegionalImpairment",
    );
    // ... and it stays broken once ingestion is back: the record is not recovered.
    const back = customerAfter(config, [...downFor(3), true]);
    expect(back).toMatchObject({ lost: 1, failingFor: 0 });
    expect(broken(customerSurvives, config, system(config, { customer: back }))).toBe(
      "CustomerIngestionSurvivesRegionalImpairment",
    );
  });

  test("an outage longer than N breaks it on its own, even with no record lost", () => {
    const config = withProducerBuffer(100);
    const at = (n: number) => system(config, { customer: customerAfter(config, downFor(n)) });
    expect(broken(customerSurvives, config, at(6))).toBeUndefined();
    expect(at(7).dependents.customer).toMatchObject({ lost: 0, failingFor: 7 });
    expect(broken(customerSurvives, config, at(7))).toBe("CustomerIngestionSurvivesRegionalImpairment");
  });

  test("closeness is the outage's length as a fraction of N: 3 ticks of 6 is 0.5, 6 is 1", () => {
    const at = (n: number) => system(asWasSystem, { customer: customerAfter(asWasSystem, downFor(n)) });
    expect(customerSurvives.closeness(asWasSystem, at(3))).toBe(0.5);
    expect(customerSurvives.closeness(asWasSystem, at(6))).toBe(1);
    expect(customerSurvives.closeness(asWasSystem, at(0))).toBe(0);
  });
});

describe("CognitoNeverBlocksOnKinesisBuffer (C1, C2, R9; as-was buffer of 12 records)", () => {
  const tick = (c: CognitoState, up: boolean): CognitoState => cognitoTick(asWasSystem, c, up).next;
  const afterDown = (n: number): CognitoState => downFor(n).reduce(tick, initialCognito(asWasSystem));

  test("a sign-in that failed on the full buffer breaks it even after the webservers unblock", () => {
    const full = afterDown(12);
    const failed = authRequested(asWasSystem, full, false);
    expect(failed).toMatchObject({ blocked: true, blockedRequests: 1 });
    const unblocked = tick(failed, true);
    expect(unblocked).toMatchObject({ blocked: false, blockedRequests: 1 });
    expect(broken(cognitoNeverBlocks, asWasSystem, system(asWasSystem, { cognito: unblocked }))).toBe(
      "CognitoNeverBlocksOnKinesisBuffer",
    );
    expect(broken(cognitoNeverBlocks, asWasSystem, system(asWasSystem, { cognito: full }))).toBeUndefined();
  });

  test("closeness is the buffer's fill as a fraction of its capacity: 6 of 12 is 0.5, 12 of 12 is 1", () => {
    expect(cognitoNeverBlocks.closeness(asWasSystem, system(asWasSystem, { cognito: afterDown(6) }))).toBe(
      0.5,
    );
    expect(cognitoNeverBlocks.closeness(asWasSystem, system(asWasSystem, { cognito: afterDown(12) }))).toBe(
      1,
    );
  });
});

describe("StatusPostedWithin (H1, R12; as-was N = postWithinTicks = 3)", () => {
  test("closeness is the wait of the update in progress as a fraction of N: 2 ticks of 3, then 3 of 3", () => {
    const started = statusPostStarted(initialDashboard, 10) ?? initialDashboard;
    const at = (tick: number) => system(asWasSystem, { dashboard: started }, tick);
    expect(statusPostedWithin.closeness(asWasSystem, at(12))).toBeCloseTo(2 / 3, 12);
    expect(statusPostedWithin.closeness(asWasSystem, at(13))).toBe(1);
    expect(broken(statusPostedWithin, asWasSystem, at(13))).toBeUndefined();
    expect(broken(statusPostedWithin, asWasSystem, at(14))).toBe("StatusPostedWithin");
    expect(statusPostedWithin.closeness(asWasSystem, system(asWasSystem, {}, 12))).toBe(0);
  });
});
