// CognitoNeverBlocksOnKinesisBuffer (C1, C2, R9) on Cognito's own steps (cognitoTick, authRequested) from the
// as-was numbers: a blocked sign-in is never forgiven, and the near miss is the buffer's fill.
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import {
  authRequested,
  type CognitoState,
  cognitoTick,
  initialCognito,
} from "../../model/dependents/cognito.ts";
import { accepted, brokenName, downFor, systemWith } from "../../test/dependents.ts";
import { cognitoNeverBlocks } from "./cognitoNeverBlocks.ts";

describe("CognitoNeverBlocksOnKinesisBuffer (C1, C2, R9; as-was buffer of 12 records)", () => {
  const tick = (c: CognitoState, up: boolean): CognitoState => cognitoTick(asWasSystem, c, up).next;
  const afterDown = (n: number): CognitoState => downFor(n).reduce(tick, initialCognito(asWasSystem));

  test("a sign-in that failed on the full buffer breaks it even after the webservers unblock", () => {
    const full = afterDown(12);
    const failed = accepted(authRequested(asWasSystem, full, false));
    expect(failed).toMatchObject({ blocked: true, blockedRequests: 1 });
    const unblocked = tick(failed, true);
    expect(unblocked).toMatchObject({ blocked: false, blockedRequests: 1 });
    expect(brokenName(cognitoNeverBlocks, asWasSystem, systemWith(asWasSystem, { cognito: unblocked }))).toBe(
      "CognitoNeverBlocksOnKinesisBuffer",
    );
    expect(
      brokenName(cognitoNeverBlocks, asWasSystem, systemWith(asWasSystem, { cognito: full })),
    ).toBeUndefined();
  });

  test("closeness is the buffer's fill as a fraction of its capacity: 6 of 12 is 0.5, 12 of 12 is 1", () => {
    expect(
      cognitoNeverBlocks.closeness(asWasSystem, systemWith(asWasSystem, { cognito: afterDown(6) })),
    ).toBe(0.5);
    expect(
      cognitoNeverBlocks.closeness(asWasSystem, systemWith(asWasSystem, { cognito: afterDown(12) })),
    ).toBe(1);
  });
});
