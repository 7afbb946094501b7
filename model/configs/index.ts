// ---------------------------------------------------------------------------------------------------------
// model: the built-in configurations, all in this folder: the fleet's (`as-was`, the 2020 fleet; `small`, for
// exhaustive search; `three-to-eight`, a larger one for measuring it) and the dependents' numbers that complete
// them into system configs (asWasDependents.ts, smallDependents.ts).
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../config.ts";
import { asWas } from "./asWas.ts";
import { small } from "./small.ts";
import { threeToEight } from "./threeToEight.ts";

/** The built-in configurations, by the name `--config` accepts. */
export const BUILTIN_CONFIGS: Readonly<Record<string, Config>> = {
  "as-was": asWas,
  small,
  "three-to-eight": threeToEight,
};

export { asWas, small, threeToEight };
