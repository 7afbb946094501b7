// Trace labels for the dependents' events read like the post-mortem (style habit 15: `actor/event` plus what
// it is), and core operations keep their core labels. Written for issue 7: StrykerJS showed the dependents'
// labels were checked only through the CLI (which the mutation run leaves out).
import { describe, expect, test } from "vitest";
import { asWasSystem } from "./configs/asWasDependents.ts";
import type { SystemConfig } from "./dependents/config.ts";
import { initialSystemState, type SystemOp } from "./system.ts";
import { systemOpLabel } from "./systemOpLabel.ts";

const s = initialSystemState(asWasSystem);

describe("systemOpLabel", () => {
  test.each<[SystemOp, string]>([
    // C2: a user's sign-in goes through Cognito.
    [{ type: "authRequested" }, "user/authRequested (a sign-in through Cognito)"],
    // C3: as-was adds 9 records of room (model/configs/asWasDependents.ts, illustrative).
    [{ type: "cognitoCapacityAdded" }, "cognito/cognitoCapacityAdded (+9 records of buffer)"],
    // A1.
    [{ type: "loadChanged" }, "customer/loadChanged on an Auto Scaling group"],
    // L1.
    [{ type: "functionInvoked" }, "client/functionInvoked on a Lambda host"],
    // E2.
    [{ type: "clusterRequested", service: "ecs" }, "customer/clusterRequested on ECS"],
    [{ type: "clusterRequested", service: "eks" }, "customer/clusterRequested on EKS"],
    // H1.
    [{ type: "statusPostStarted" }, "operator/statusPostStarted to the Service Health Dashboard"],
    // A core operation keeps the core label (model/opLabel.ts).
    [{ type: "tick" }, "clock/tick to t=1"],
    [{ type: "capacityAdded", count: 2 }, "operator/capacityAdded 2 servers"],
  ])("%j reads %s", (op, label) => {
    expect(systemOpLabel(asWasSystem, s, op)).toBe(label);
  });

  test("C3's label gives the configured amount of added room, not a fixed one", () => {
    const config: SystemConfig = {
      ...asWasSystem,
      dependents: {
        ...asWasSystem.dependents,
        cognito: { ...asWasSystem.dependents.cognito, addedCapacityRecords: 40 },
      },
    };
    expect(systemOpLabel(config, s, { type: "cognitoCapacityAdded" })).toBe(
      "cognito/cognitoCapacityAdded (+40 records of buffer)",
    );
  });
});
