// ---------------------------------------------------------------------------------------------------------
// model: a customer's pipeline (seed 000). A telemetry producer writes to a Kinesis stream in us-east-1;
// serverless consumers read it for the customer's clients. On the day there was no backup: the telemetry
// team could not send the data to another region's stream because "that week was Thanksgiving holiday and
// all our company changes were on hold", and a switch needing senior management approval "could not be done
// immediately". Options modelled: a standby stream in a second region, and whether switching to it needs a
// human approval (which a change freeze blocks) or is automatic.
// ---------------------------------------------------------------------------------------------------------
import type { SystemConfig } from "./config.ts";
import { type Stepped, stepped } from "./effects.ts";

export interface CustomerState {
  /** Records the producer holds while its stream is unreachable. */
  readonly buffered: number;
  /** Records lost: produced while the producer's buffer was full. */
  readonly lost: number;
  /** Records that reached a stream. */
  readonly delivered: number;
  /** Ticks writes to the current stream have failed in a row (0 while ingestion works). */
  readonly failingFor: number;
  /** The tick at which a human approval to switch regions was asked for (null: not asked). */
  readonly approvalAskedAt: number | null;
  /** Whether the pipeline has switched to the standby stream in the second region. */
  readonly onStandby: boolean;
}

export const initialCustomer: CustomerState = {
  buffered: 0,
  lost: 0,
  delivered: 0,
  failingFor: 0,
  approvalAskedAt: null,
  onStandby: false,
};

/** Whether the switch to the standby happens at `now`: automatic after detection, or once a human approves. */
const switches = (config: SystemConfig, c: CustomerState, now: number): boolean => {
  const r = config.dependents.remediations;
  const p = config.dependents.customer;
  if (!r.customerStandbyStream || c.failingFor < p.detectTicks) return false;
  if (r.customerAutomaticFailover) return true;
  return !p.changeFreeze && c.approvalAskedAt !== null && now - c.approvalAskedAt >= p.approvalTicks;
};

/** One tick of telemetry. `primaryUp`: the us-east-1 stream is reachable. The standby region stays healthy. */
export const customerTick = (
  config: SystemConfig,
  c: CustomerState,
  primaryUp: boolean,
  now: number,
): Stepped<CustomerState> => {
  const produced = config.dependents.customer.recordsPerTick;
  if (c.onStandby || primaryUp)
    return stepped(
      {
        ...c,
        buffered: 0,
        delivered: c.delivered + c.buffered + produced,
        failingFor: 0,
        approvalAskedAt: null,
      },
      { _tag: "Drained", service: "customer", count: c.buffered },
    );
  const held = c.buffered + produced;
  const room = config.dependents.customer.producerBufferRecords;
  const over = Math.max(0, held - room);
  const failing: CustomerState = {
    ...c,
    buffered: Math.min(held, room),
    lost: c.lost + over,
    failingFor: c.failingFor + 1,
    approvalAskedAt:
      c.approvalAskedAt === null && c.failingFor + 1 >= config.dependents.customer.detectTicks
        ? now
        : c.approvalAskedAt,
  };
  const buffered = { _tag: "Buffered", service: "customer", count: produced - over } as const;
  const lost = { _tag: "Lost", service: "customer", count: over } as const;
  return switches(config, failing, now)
    ? stepped({ ...failing, onStandby: true }, buffered, lost, { _tag: "FailedOver", service: "customer" })
    : stepped(failing, buffered, lost);
};

/** Whether the customer's ingestion is down now. */
export const customerFailing = (c: CustomerState): boolean => c.failingFor > 0;
