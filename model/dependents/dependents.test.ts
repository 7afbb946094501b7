import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { accepted, nextOrUndefined } from "../../test/dependents.ts";
import { asWasSystem } from "../configs/asWasDependents.ts";
import { autoscalingTick, loadChanged, scalingDelay } from "./autoscaling.ts";
import { cloudwatchTick, initialCloudWatch } from "./cloudwatch.ts";
import { authRequested, cognitoTick, initialCognito } from "./cognito.ts";
import { type DependentRemediationName, type SystemConfig, withDependentRemediations } from "./config.ts";
import { customerTick, initialCustomer } from "./customer.ts";
import { dashboardTick, initialDashboard, statusPostStarted } from "./dashboard.ts";
import { initialLambda, lambdaTick } from "./lambda.ts";

const fixed = (...names: DependentRemediationName[]): SystemConfig =>
  withDependentRemediations(asWasSystem, names);

/** An availability pattern for Kinesis (or CloudWatch), one boolean per tick. */
const upsArb = fc.array(fc.boolean(), { maxLength: 120 });
/** The longest run of `false` in `ups`. */
const longestOutage = (ups: ReadonlyArray<boolean>): number =>
  ups.reduce<{ run: number; max: number }>(
    (a, up) => (up ? { run: 0, max: a.max } : { run: a.run + 1, max: Math.max(a.max, a.run + 1) }),
    { run: 0, max: 0 },
  ).max;

describe("Cognito (C1, C2, R9)", () => {
  test.prop({ ups: upsArb, signIns: fc.array(fc.boolean(), { maxLength: 120 }) })(
    "with the non-blocking buffer, no sign-in ever blocks and the buffer never overflows, whatever Kinesis does",
    ({ ups, signIns }) => {
      const config = fixed("cognitoNonBlockingBuffer");
      let c = initialCognito(config);
      for (const [i, up] of ups.entries()) {
        c = cognitoTick(config, c, up).next;
        if (signIns[i]) c = accepted(authRequested(config, c, up));
        expect(c.blocked).toBe(false);
        expect(c.blockedRequests).toBe(0);
        expect(c.buffered).toBeLessThanOrEqual(c.capacity);
      }
    },
  );

  test.prop({ n: fc.integer({ min: 0, max: 40 }) })(
    "as-was, the webservers block exactly when an outage outlasts the buffer (C2: 'prolonged')",
    ({ n }) => {
      let c = initialCognito(asWasSystem);
      for (let t = 0; t < n; t++) c = cognitoTick(asWasSystem, c, false).next;
      expect(c.blocked).toBe(n > asWasSystem.dependents.cognito.bufferRecords);
    },
  );
});

describe("CloudWatch (W1, R10)", () => {
  test.prop({ ups: upsArb })(
    "with the local store, no datapoint is lost unless an outage outlasts the horizon, and alarms keep their data",
    ({ ups }) => {
      const config = fixed("cloudwatchLocalBuffer");
      const c = ups.reduce((s, up) => cloudwatchTick(config, s, up).next, initialCloudWatch);
      expect(c.alarm).toBe("OK");
      expect(c.lost === 0).toBe(longestOutage(ups) <= config.dependents.cloudwatch.localBufferTicks);
    },
  );

  test.prop({ ups: upsArb })("as-was, every tick of outage loses that tick's datapoints", ({ ups }) => {
    const c = ups.reduce((s, up) => cloudwatchTick(asWasSystem, s, up).next, initialCloudWatch);
    expect(c.lost).toBe(ups.filter((up) => !up).length * asWasSystem.dependents.cloudwatch.datapointsPerTick);
  });
});

describe("Lambda (L1, R11)", () => {
  test.prop({ ups: upsArb })("with the bounded buffer, host memory never passes the threshold", ({ ups }) => {
    const config = fixed("lambdaBoundedMetricBuffer");
    let l = initialLambda;
    for (const up of ups) {
      l = lambdaTick(config, l, up).next;
      expect(l.metricBuffer).toBeLessThanOrEqual(config.dependents.lambda.memoryThresholdUnits);
    }
  });
});

describe("AutoScaling (A1)", () => {
  test.prop({ readable: upsArb })(
    "a load change waits exactly as long as the metrics are unreadable",
    ({ readable }) => {
      let a = accepted(loadChanged({ pendingSince: null, reactions: 0 }, 0));
      let t = 0;
      for (const r of readable) {
        if (a.pendingSince === null) break;
        t += 1;
        a = autoscalingTick(a, r);
      }
      const firstReadable = readable.indexOf(true);
      expect(a.pendingSince === null).toBe(firstReadable !== -1);
      if (a.pendingSince !== null) expect(scalingDelay(a, t)).toBe(readable.length);
    },
  );
});

describe("the dashboard (H1, R12)", () => {
  test("with Cognito down, a post takes the backup tool's time: 12 ticks untrained, 2 trained", () => {
    for (const [config, ticks] of [
      [asWasSystem, 12],
      [fixed("dashboardBackupPath"), 2],
    ] as const) {
      let d = nextOrUndefined(statusPostStarted(initialDashboard, 0)) ?? initialDashboard;
      let t = 0;
      while (d.postStartedAt !== null && t < 100) {
        t += 1;
        d = dashboardTick(config, d, false, t);
      }
      expect(t).toBe(ticks);
      expect(d.viaBackup).toBe(1);
    }
  });
});

describe("the customer's pipeline (seed 000)", () => {
  test.prop({ ups: upsArb })(
    "with a standby stream and automatic failover, no record is lost and ingestion stalls at most the detection time",
    ({ ups }) => {
      const config = fixed("customerStandbyStream", "customerAutomaticFailover");
      let c = initialCustomer;
      for (const [t, up] of ups.entries()) {
        c = customerTick(config, c, up, t).next;
        expect(c.failingFor).toBeLessThanOrEqual(config.dependents.customer.detectTicks);
      }
      expect(c.lost).toBe(0);
    },
  );

  test("with a standby stream but a switch that needs approval, the holiday change freeze keeps it down", () => {
    const config = fixed("customerStandbyStream");
    let c = initialCustomer;
    for (let t = 0; t < 50; t++) c = customerTick(config, c, false, t).next;
    expect(c.onStandby).toBe(false);
    expect(c.failingFor).toBe(50);
    const thawed = {
      ...config,
      dependents: { ...config.dependents, customer: { ...config.dependents.customer, changeFreeze: false } },
    };
    let d = initialCustomer;
    for (let t = 0; t < 50; t++) d = customerTick(thawed, d, false, t).next;
    expect(d.onStandby).toBe(true);
  });
});

describe("effects as data (habit 10)", () => {
  test.prop({ ups: upsArb })(
    "the Dropped and Lost effects a step returns add up to exactly what its state counts as dropped or lost",
    ({ ups }) => {
      const config = fixed("cognitoNonBlockingBuffer", "cloudwatchLocalBuffer");
      let c = initialCognito(config);
      let w = initialCloudWatch;
      let [cognitoDropped, cloudwatchDropped] = [0, 0];
      for (const up of ups) {
        const a = cognitoTick(config, c, up);
        const b = cloudwatchTick(config, w, up);
        cognitoDropped += a.effects.reduce((n, e) => n + (e._tag === "Dropped" ? e.count : 0), 0);
        cloudwatchDropped += b.effects.reduce((n, e) => n + (e._tag === "Dropped" ? e.count : 0), 0);
        for (const e of [...a.effects, ...b.effects]) if ("count" in e) expect(e.count).toBeGreaterThan(0);
        [c, w] = [a.next, b.next];
      }
      expect(cognitoDropped).toBe(c.dropped);
      expect(cloudwatchDropped).toBe(w.lost);
    },
  );

  test("as-was, a full Cognito buffer returns a Blocked effect rather than a silent stall", () => {
    let c = initialCognito(asWasSystem);
    for (let t = 0; t < asWasSystem.dependents.cognito.bufferRecords; t++)
      c = cognitoTick(asWasSystem, c, false).next;
    expect(cognitoTick(asWasSystem, c, false).effects).toContainEqual({
      _tag: "Blocked",
      service: "cognito",
    });
  });
});
