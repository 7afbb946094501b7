// ---------------------------------------------------------------------------------------------------------
// model: the built-in configurations' names alone, as `--config` accepts them (model/configs/index.ts), for
// the help text, which `outage --help` prints without loading the configs (issue 17's start-up target).
// names.test.ts holds them equal to BUILTIN_CONFIGS' keys.
// ---------------------------------------------------------------------------------------------------------

export const BUILTIN_CONFIG_NAMES: ReadonlyArray<string> = ["as-was", "small", "three-to-eight"];
