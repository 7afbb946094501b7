// CustomerIngestionSurvivesRegionalImpairment (seed 000) on the customer's own tick (customerTick) from the
// as-was numbers: a lost record and an outage longer than N each break it on their own, and the near miss is
// the outage's length as a fraction of N.
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import { type CustomerState, customerTick, initialCustomer } from "../../model/dependents/customer.ts";
import { brokenName, downFor, systemWith } from "../../test/dependents.ts";
import { customerSurvives } from "./customerSurvives.ts";

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

describe("CustomerIngestionSurvivesRegionalImpairment (seed 000; as-was N = resumeWithinTicks = 6)", () => {
  test("a lost record breaks it on its own, even while the outage is still shorter than N", () => {
    const config = withProducerBuffer(2);
    const c = customerAfter(config, downFor(3));
    expect(c).toMatchObject({ lost: 1, failingFor: 3 });
    expect(brokenName(customerSurvives, config, systemWith(config, { customer: c }))).toBe(
      "CustomerIngestionSurvivesRegionalImpairment",
    );
    // ... and it stays broken once ingestion is back: the record is not recovered.
    const back = customerAfter(config, [...downFor(3), true]);
    expect(back).toMatchObject({ lost: 1, failingFor: 0 });
    expect(brokenName(customerSurvives, config, systemWith(config, { customer: back }))).toBe(
      "CustomerIngestionSurvivesRegionalImpairment",
    );
  });

  test("an outage longer than N breaks it on its own, even with no record lost", () => {
    const config = withProducerBuffer(100);
    const at = (n: number) => systemWith(config, { customer: customerAfter(config, downFor(n)) });
    expect(brokenName(customerSurvives, config, at(6))).toBeUndefined();
    expect(at(7).dependents.customer).toMatchObject({ lost: 0, failingFor: 7 });
    expect(brokenName(customerSurvives, config, at(7))).toBe("CustomerIngestionSurvivesRegionalImpairment");
  });

  test("closeness is the outage's length as a fraction of N: 3 ticks of 6 is 0.5, 6 is 1", () => {
    const at = (n: number) => systemWith(asWasSystem, { customer: customerAfter(asWasSystem, downFor(n)) });
    expect(customerSurvives.closeness(asWasSystem, at(3))).toBe(0.5);
    expect(customerSurvives.closeness(asWasSystem, at(6))).toBe(1);
    expect(customerSurvives.closeness(asWasSystem, at(0))).toBe(0);
  });
});
