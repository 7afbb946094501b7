// ---------------------------------------------------------------------------------------------------------
// bench: the facts about the machine a result was measured on, recorded with every result.
// ---------------------------------------------------------------------------------------------------------
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from "node:os";

export interface Machine {
  readonly cores: number;
  readonly cpuModel: string;
  readonly nodeVersion: string;
  readonly v8Version: string;
  readonly platform: string;
  readonly totalMemoryBytes: number;
  /** 1-minute load average when the bench started: other work on the machine depresses every figure. */
  readonly loadAverage1m: number;
}

export const machine = (): Machine => ({
  cores: availableParallelism(),
  cpuModel: cpus()[0]?.model.trim() ?? "unknown",
  nodeVersion: process.version,
  v8Version: process.versions.v8,
  platform: `${platform()} ${release()} ${process.arch}`,
  totalMemoryBytes: totalmem(),
  loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
});
