// ---------------------------------------------------------------------------------------------------------
// model: Amazon Cognito (domain.md C1–C4, R9; seeds 001, 003).
// C1: Cognito's webservers stream API usage records to Kinesis through a local buffer, a best-effort path
// meant to ride out Kinesis latency or short unavailability. C2: a latent bug: during a prolonged Kinesis
// problem, the webservers "began to block on the backlogged KDS buffers", so sign-ins and credential requests
// failed. C3: adding capacity to buffer more delayed the exhaustion but did not prevent it. R9: webservers
// absorb Kinesis errors without exhausting their buffers: here, a full buffer drops (and counts) records.
// ---------------------------------------------------------------------------------------------------------

import * as E from "fp-ts/lib/Either.js";
import type { SystemConfig } from "./config.ts";
import { type EventResult, eventRefused, type Stepped, stepped } from "./effects.ts";

export interface CognitoState {
  /** C1: usage records in the buffer waiting for Kinesis. */
  readonly buffered: number;
  /** C1/C3: the buffer's room, in records. */
  readonly capacity: number;
  /** C3: whether the one-off capacity addition has been made. */
  readonly capacityAdded: boolean;
  /** C2: whether the webservers are blocked on the full buffer (every request fails while they are). */
  readonly blocked: boolean;
  /** C2: sign-in and credential requests that failed because they blocked on the buffer. */
  readonly blockedRequests: number;
  /** R9: records dropped because the buffer was full (the price of not blocking). */
  readonly dropped: number;
  /** Requests served. */
  readonly served: number;
}

export const initialCognito = (config: SystemConfig): CognitoState => ({
  buffered: 0,
  capacity: config.dependents.cognito.bufferRecords,
  capacityAdded: false,
  blocked: false,
  blockedRequests: 0,
  dropped: 0,
  served: 0,
});

/** C1/C2/R9: `records` more usage records arrive while Kinesis is down. */
const emit = (config: SystemConfig, c: CognitoState, records: number): Stepped<CognitoState> => {
  const room = c.capacity - c.buffered;
  // R9/C4: with the non-blocking buffer the webservers never wait on it, so webservers blocked before the
  // change was deployed mid-event (C4, 10:15) are released (from the start, `blocked` is never set).
  const nonBlocking = config.dependents.remediations.cognitoNonBlockingBuffer;
  if (records <= room)
    return stepped(
      { ...c, buffered: c.buffered + records, blocked: nonBlocking ? false : c.blocked },
      { _tag: "Buffered", service: "cognito", count: records },
    );
  const buffered = { _tag: "Buffered", service: "cognito", count: room } as const;
  if (nonBlocking)
    return stepped(
      { ...c, buffered: c.capacity, blocked: false, dropped: c.dropped + records - room },
      buffered,
      {
        _tag: "Dropped",
        service: "cognito",
        count: records - room,
      },
    );
  return stepped({ ...c, buffered: c.capacity, blocked: true }, buffered, {
    _tag: "Blocked",
    service: "cognito",
  });
};

/** One tick: the buffer drains when Kinesis is available (and the webservers unblock); otherwise it fills. */
export const cognitoTick = (
  config: SystemConfig,
  c: CognitoState,
  kinesisUp: boolean,
): Stepped<CognitoState> =>
  kinesisUp
    ? stepped(
        { ...c, buffered: 0, blocked: false },
        { _tag: "Drained", service: "cognito", count: c.buffered },
      )
    : emit(config, c, config.dependents.cognito.recordsPerTick);

/**
 * C2: a user signs in. It emits a usage record (buffered, or with the buffer full dropped under R9 or blocking
 * without it); a blocked sign-in fails. Always enabled.
 */
export const authRequested = (
  config: SystemConfig,
  c: CognitoState,
  kinesisUp: boolean,
): EventResult<CognitoState> => {
  if (kinesisUp) return E.right(stepped({ ...c, served: c.served + 1 }));
  const { next: after, effects } = emit(config, c, 1);
  return E.right(
    stepped(
      after.blocked
        ? { ...after, blockedRequests: after.blockedRequests + 1 }
        : { ...after, served: after.served + 1 },
      ...effects,
    ),
  );
};

/** C3: Cognito adds capacity to buffer more calls; enabled once. */
export const cognitoCapacityAdded = (config: SystemConfig, c: CognitoState): EventResult<CognitoState> =>
  c.capacityAdded
    ? eventRefused("Cognito's buffer capacity was already added")
    : E.right(
        stepped({
          ...c,
          capacityAdded: true,
          capacity: c.capacity + config.dependents.cognito.addedCapacityRecords,
        }),
      );

/** Whether Cognito fails its users now (C2). */
export const cognitoFailing = (c: CognitoState): boolean => c.blocked;
