// properties: CognitoNeverBlocksOnKinesisBuffer. C1/C2/R9: a best-effort dependency must never become a
// blocking one: authentication must not wait on the buffer of records bound for Kinesis.
import * as O from "fp-ts/lib/Option.js";
import type { SystemInvariant } from "./systemInvariant.ts";

export const cognitoNeverBlocks: SystemInvariant = {
  name: "CognitoNeverBlocksOnKinesisBuffer",
  sentence: "Cognito authentication never blocks on the buffer of usage records bound for Kinesis.",
  source: "domain.md C1, C2, R9 (MP9); seeds 001, 003",
  remediedBy: [["cognitoNonBlockingBuffer"]],
  check: (_config, s) => {
    const c = s.dependents.cognito;
    return c.blocked || c.blockedRequests > 0
      ? O.some({
          invariant: "CognitoNeverBlocksOnKinesisBuffer",
          message: `Cognito's webservers are blocked on a full Kinesis buffer (${c.buffered}/${c.capacity} records); ${c.blockedRequests} sign-in request(s) failed`,
          source: cognitoNeverBlocks.source,
        })
      : O.none;
  },
  closeness: (_config, s) => s.dependents.cognito.buffered / Math.max(1, s.dependents.cognito.capacity),
  closenessMeaning: "fill of Cognito's Kinesis buffer, as a fraction of its capacity",
};
