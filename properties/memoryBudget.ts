// ---------------------------------------------------------------------------------------------------------
// properties: MemoryBudget. R1's and R3's own limit. AWS's first remediation moves the fleet to "larger CPU and
// memory servers" so that there are fewer servers and fewer threads per server ([AWS-v]; domain.md R1). Seed 001
// warns that the remediations "may trigger future outages or surface other limits": a larger server serves
// several 2020 servers' worth of requests, so it holds their request buffers too, and its thread stacks
// (K5: one set per peer) share the same memory. R3 raises the OS thread limit once a higher value is tested
// (domain.md R3): the OS then lets a 2020-size server create more threads, and their stacks share that
// server's memory with its buffers. Either way the limit is the server's memory, not the OS thread limit.
// All the numbers are illustrative (not in the public record; docs/remediation-limits.md).
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import { type Frontend, frontendName, type State } from "../model/state.ts";
import { threadsHeld } from "../model/threads.ts";
import type { Invariant } from "./invariant.ts";

/** The memory a server has and what it must hold besides thread stacks, when R1 or R3 asks about it. */
export interface ServerMemory {
  /** Which remediation's server: a larger one (R1), or a 2020-size one under a higher limit (R3). */
  readonly server: "larger" | "2020-size";
  readonly memoryMiB: number;
  readonly threadStackMiB: number;
  /** Capacity units it serves, each with its request buffers. */
  readonly units: number;
  readonly bufferMiBPerUnit: number;
}

/**
 * The server memory MemoryBudget checks: a larger server's under R1, a 2020-size server's under R3 alone (when
 * the config names `serverMemoryMiB`), else undefined: the config models no such limit, or neither is on.
 */
export const serverMemory = (config: Config): ServerMemory | undefined => {
  const m = config.remediationLimits;
  if (m === undefined) return undefined;
  const stacks = { threadStackMiB: m.threadStackMiB, bufferMiBPerUnit: m.bufferMiBPerUnit };
  if (config.remediations.largerServers)
    return {
      server: "larger",
      memoryMiB: m.largerServerMemoryMiB,
      units: config.remediationParameters.largerServerFactor,
      ...stacks,
    };
  if (config.remediations.testedHigherLimit && m.serverMemoryMiB !== undefined)
    return { server: "2020-size", memoryMiB: m.serverMemoryMiB, units: 1, ...stacks };
  return undefined;
};

/** R1/R3: MiB a live server uses: its thread stacks plus the request buffers of the capacity it serves. */
export const memoryUsedMiB = (config: Config, s: ServerMemory, f: Frontend): number =>
  threadsHeld(config, f) * s.threadStackMiB + s.units * s.bufferMiBPerUnit;

/** One frontend's share of the invariant: a live server whose memory use exceeds its memory. */
const overMemory = (config: Config, s: ServerMemory | undefined, f: Frontend): boolean =>
  s !== undefined && f.status !== "stopped" && memoryUsedMiB(config, s, f) > s.memoryMiB;

export const memoryBudget: Invariant = {
  name: "MemoryBudget",
  sentence:
    "No larger server (R1), nor 2020-size server under a higher thread limit (R3), uses more memory than it has: thread stacks × threads held + request buffers × the capacity it serves ≤ its memory.",
  source:
    'domain.md R1, R3, K5; seed 001 "may trigger future outages or surface other limits"; numbers illustrative',
  check: (config, state) => {
    const s = serverMemory(config);
    const first = state.frontends.find((f) => overMemory(config, s, f));
    if (first === undefined || s === undefined) return O.none;
    const what = s.server === "larger" ? `a larger server of ${s.units} units` : "a 2020-size server (R3)";
    return O.some({
      invariant: "MemoryBudget",
      message: `${frontendName(first)}, ${what}, holds ${threadsHeld(config, first)} threads × ${s.threadStackMiB} MiB + ${s.units} × ${s.bufferMiBPerUnit} MiB of buffers = ${memoryUsedMiB(config, s, first)} MiB, over its ${s.memoryMiB} MiB`,
      source: memoryBudget.source,
    });
  },
  closeness: (config, state: State) => {
    const s = serverMemory(config);
    if (s === undefined) return 0;
    let most = 0;
    for (const f of state.frontends)
      if (f.status !== "stopped") most = Math.max(most, memoryUsedMiB(config, s, f));
    return most / s.memoryMiB;
  },
  closenessMeaning:
    "highest memory use of any server, as a fraction of its memory (0 without R1 or R3, or without remediationLimits)",
  // Exact: `check` fails iff some frontend is over memory, which reads only that frontend and the config.
  fleetwise: {
    offends: (config, _state, f) => overMemory(config, serverMemory(config), f),
    contextChanged: () => false,
  },
};
