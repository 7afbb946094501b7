// ---------------------------------------------------------------------------------------------------------
// bench: the facts about the machine a result was measured on, recorded with every result.
// ---------------------------------------------------------------------------------------------------------
import { availableParallelism, cpus, platform, release, totalmem } from "node:os";

export interface Machine {
  readonly cores: number;
  readonly cpuModel: string;
  readonly nodeVersion: string;
  readonly v8Version: string;
  readonly platform: string;
  readonly totalMemoryBytes: number;
}

export const machine = (): Machine => ({
  cores: availableParallelism(),
  cpuModel: cpus()[0]?.model.trim() ?? "unknown",
  nodeVersion: process.version,
  v8Version: process.versions.v8,
  platform: `${platform()} ${release()} ${process.arch}`,
  totalMemoryBytes: totalmem(),
});
