// ---------------------------------------------------------------------------------------------------------
// properties: MemoryBudget. R1's own limit. AWS's first remediation moves the fleet to "larger CPU and memory
// servers" so that there are fewer servers and fewer threads per server ([AWS-v]; domain.md R1). Seed 001
// warns that the remediations "may trigger future outages or surface other limits": a larger server serves
// several 2020 servers' worth of requests, so it holds their request buffers too, and its thread stacks
// (K5: one set per peer) share the same memory. The limit is the server's memory, not the OS thread limit.
// All three numbers are illustrative (not in the public record; docs/remediation-limits.md).
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config, RemediationLimits } from "../model/config.ts";
import { type Frontend, frontendName, type State } from "../model/state.ts";
import { threadsHeld } from "../model/threads.ts";
import type { Invariant } from "./invariant.ts";

/** R1: MiB a live larger server uses: its thread stacks plus the request buffers of the capacity it serves. */
export const memoryUsedMiB = (config: Config, limits: RemediationLimits, f: Frontend): number =>
  threadsHeld(config, f) * limits.threadStackMiB +
  config.remediationParameters.largerServerFactor * limits.bufferMiBPerUnit;

/** The limits when R1 is on and the config models them (model/config.ts `remediationLimits`), else undefined. */
const r1Limits = (config: Config): RemediationLimits | undefined =>
  config.remediations.largerServers ? config.remediationLimits : undefined;

/** One frontend's share of the invariant: a live larger server whose memory use exceeds its memory. */
const overMemory = (config: Config, f: Frontend): boolean => {
  const limits = r1Limits(config);
  return (
    limits !== undefined &&
    f.status !== "stopped" &&
    memoryUsedMiB(config, limits, f) > limits.largerServerMemoryMiB
  );
};

export const memoryBudget: Invariant = {
  name: "MemoryBudget",
  sentence:
    "No larger server (R1) uses more memory than it has: thread stacks × threads held + request buffers × the capacity it serves ≤ its memory.",
  source:
    'domain.md R1, K5; seed 001 "may trigger future outages or surface other limits"; numbers illustrative',
  check: (config, state) => {
    const first = state.frontends.find((f) => overMemory(config, f));
    const limits = r1Limits(config);
    if (first === undefined || limits === undefined) return O.none;
    const factor = config.remediationParameters.largerServerFactor;
    return O.some({
      invariant: "MemoryBudget",
      message: `${frontendName(first)}, a larger server of ${factor} units, holds ${threadsHeld(config, first)} threads × ${limits.threadStackMiB} MiB + ${factor} × ${limits.bufferMiBPerUnit} MiB of buffers = ${memoryUsedMiB(config, limits, first)} MiB, over its ${limits.largerServerMemoryMiB} MiB`,
      source: memoryBudget.source,
    });
  },
  closeness: (config, state: State) => {
    const limits = r1Limits(config);
    if (limits === undefined) return 0;
    let most = 0;
    for (const f of state.frontends)
      if (f.status !== "stopped") most = Math.max(most, memoryUsedMiB(config, limits, f));
    return most / limits.largerServerMemoryMiB;
  },
  closenessMeaning:
    "highest memory use of any larger server, as a fraction of its memory (0 without R1 or without remediationLimits)",
  // Exact: `check` fails iff some frontend is over memory, which reads only that frontend and the config.
  fleetwise: { offends: (config, _state, f) => overMemory(config, f), contextChanged: () => false },
};
