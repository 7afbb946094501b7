// Tests aimed at the mutants of model/dependents/customer.ts that survived the mutation run (issue 7): the
// customer's telemetry pipeline of seed 000 (000_139a6cf1b7a9f00f.txt), with worked examples on the `as-was`
// numbers (model/configs/asWasDependents.ts: 1 record per tick, a producer buffer of 6 records, detection after 2
// ticks, an approval taking 12 ticks, the change freeze on) and one conservation property.
// Not killed, because equivalent: customer.ts:42 `c.approvalAskedAt !== null` -> `true`. `switches` only gets
// past its first guard with failingFor >= detectTicks, and customerTick sets approvalAskedAt (line 73) on the
// tick failingFor reaches detectTicks, so it is never null there.
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { asWasSystem } from "../configs/asWasDependents.ts";
import { type DependentRemediationName, type SystemConfig, withDependentRemediations } from "./config.ts";
import { type CustomerState, customerFailing, customerTick, initialCustomer } from "./customer.ts";
import type { DependentEffect } from "./effects.ts";

const fixed = (...names: DependentRemediationName[]): SystemConfig =>
  withDependentRemediations(asWasSystem, names);

/** Seed 000 outside the Thanksgiving change freeze: a human approval is possible (it takes `approvalTicks`). */
const thawed = (config: SystemConfig): SystemConfig => ({
  ...config,
  dependents: { ...config.dependents, customer: { ...config.dependents.customer, changeFreeze: false } },
});

/** The states after each tick `now = 0, 1, ...` with the primary stream's availability `ups[now]`. */
const run = (
  config: SystemConfig,
  ups: ReadonlyArray<boolean>,
  from: CustomerState = initialCustomer,
): ReadonlyArray<{ readonly state: CustomerState; readonly effects: ReadonlyArray<DependentEffect> }> => {
  const out: { state: CustomerState; effects: ReadonlyArray<DependentEffect> }[] = [];
  let c = from;
  for (const [now, up] of ups.entries()) {
    const r = customerTick(config, c, up, now);
    c = r.next;
    out.push({ state: c, effects: r.effects });
  }
  return out;
};

const down = (n: number): ReadonlyArray<boolean> => Array.from({ length: n }, () => false);

/** The tick at which the pipeline first ran on its standby stream (undefined: never). */
const switchedAt = (config: SystemConfig, ticks: number): number | undefined => {
  const i = run(config, down(ticks)).findIndex((r) => r.state.onStandby);
  return i === -1 ? undefined : i;
};

describe("customerFailing (seed 000: ingestion is down while writes fail)", () => {
  test("false while writes succeed, true from the first failed write", () => {
    expect(customerFailing(initialCustomer)).toBe(false);
    const [first, second] = run(asWasSystem, down(2));
    expect(customerFailing(first?.state ?? initialCustomer)).toBe(true);
    expect(customerFailing(second?.state ?? initialCustomer)).toBe(true);
    const back = run(asWasSystem, [false, false, true]).at(-1)?.state ?? initialCustomer;
    expect(customerFailing(back)).toBe(false);
  });
});

describe("asking for approval (seed 000: the region switch 'needed senior management approval')", () => {
  test("the approval is asked for on the tick the impairment is detected (detectTicks = 2), once", () => {
    // as-was: failingFor 1 at now 0 (not yet detected), 2 at now 1 (detected: asked at 1), then kept.
    const asked = run(asWasSystem, down(5)).map((r) => r.state.approvalAskedAt);
    expect(asked).toEqual([null, 1, 1, 1, 1]);
  });

  test("with detection after 1 tick, it is asked for on the first failed write; a recovery clears it", () => {
    const quick: SystemConfig = {
      ...asWasSystem,
      dependents: {
        ...asWasSystem.dependents,
        customer: { ...asWasSystem.dependents.customer, detectTicks: 1 },
      },
    };
    const asked = run(quick, [true, false, false, true, false]).map((r) => r.state.approvalAskedAt);
    expect(asked).toEqual([null, 1, 1, null, 4]);
  });
});

describe("switching to the standby stream (seed 000)", () => {
  test("as-was (no standby stream), the pipeline never switches, even with automatic failover on", () => {
    expect(switchedAt(asWasSystem, 40)).toBeUndefined();
    expect(switchedAt(fixed("customerAutomaticFailover"), 40)).toBeUndefined();
  });

  test("automatic failover switches exactly when the impairment is detected (failingFor = detectTicks = 2)", () => {
    const rows = run(fixed("customerStandbyStream", "customerAutomaticFailover"), down(4));
    expect(rows.map((r) => r.state.onStandby)).toEqual([false, true, true, true]);
    expect(rows[1]?.effects).toContainEqual({ _tag: "FailedOver", service: "customer" });
    expect(rows[0]?.effects.some((e) => e._tag === "FailedOver")).toBe(false);
  });

  test("with a manual switch outside the freeze, it happens exactly approvalTicks (12) after asking (now 1 → 13)", () => {
    const config = thawed(fixed("customerStandbyStream"));
    expect(switchedAt(config, 40)).toBe(13);
    const rows = run(config, down(14));
    // By then the 6-record buffer is full: this tick's record is lost, and the switch is reported.
    expect(rows[13]?.effects).toEqual([
      { _tag: "Lost", service: "customer", count: 1 },
      { _tag: "FailedOver", service: "customer" },
    ]);
    expect(rows[13]?.state).toEqual({
      buffered: 6,
      lost: 8,
      delivered: 0,
      failingFor: 14,
      approvalAskedAt: 1,
      onStandby: true,
    });
  });

  test("during the change freeze a manual switch never happens", () => {
    expect(switchedAt(fixed("customerStandbyStream"), 60)).toBeUndefined();
  });
});

describe("delivery (seed 000: the producer holds records while its stream is unreachable)", () => {
  test("after 3 failed ticks, the next good tick delivers the 3 held records and its own: 4", () => {
    const rows = run(asWasSystem, [false, false, false, true]);
    expect(rows.map((r) => r.state.buffered)).toEqual([1, 2, 3, 0]);
    expect(rows[3]?.state.delivered).toBe(4);
    expect(rows[3]?.effects).toEqual([{ _tag: "Drained", service: "customer", count: 3 }]);
    // A good tick with nothing held delivers only what it produced, and says nothing was drained.
    const more = run(asWasSystem, [true], rows[3]?.state);
    expect(more[0]?.state.delivered).toBe(5);
    expect(more[0]?.effects).toEqual([]);
  });

  test.prop({ ups: fc.array(fc.boolean(), { maxLength: 80 }) })(
    "every record produced is delivered, held, or lost: delivered + buffered + lost = ticks × recordsPerTick",
    ({ ups }) => {
      for (const config of [asWasSystem, fixed("customerStandbyStream", "customerAutomaticFailover")]) {
        const c = run(config, ups).at(-1)?.state ?? initialCustomer;
        expect(c.delivered + c.buffered + c.lost).toBe(
          ups.length * config.dependents.customer.recordsPerTick,
        );
      }
    },
  );
});
