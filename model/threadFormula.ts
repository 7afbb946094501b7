// ---------------------------------------------------------------------------------------------------------
// model: the one formula of the outage, and its inverse. K5 [AWS-v]: a frontend creates OS threads "for each
// of the other servers in the front-end fleet", so it needs `baseThreads + threadsPerPeer × peers`; K7: the OS
// caps the threads a process may create. Every count of threads in model/, properties/ and analyses/ goes
// through these two functions (the compiled search in specs/fleet/compiled/ inlines them for speed and is
// tested equal to the model).
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";

/** K5: the threads a frontend needs to talk to `peers` other frontends. */
export const threadsFor = (config: Config, peers: number): number =>
  config.threads.baseThreads + config.threads.threadsPerPeer * peers;

/** K5/K7: the most peers a frontend can hold threads for before thread creation fails at the OS limit. */
export const maxPeerThreads = (config: Config): number =>
  Math.floor((config.threads.threadLimit - config.threads.baseThreads) / config.threads.threadsPerPeer);
