import type { Config } from "../config.ts";
import { asWas } from "./asWas.ts";
import { small } from "./small.ts";

/** The built-in configurations, by the name `--config` accepts. */
export const BUILTIN_CONFIGS: Readonly<Record<string, Config>> = {
  "as-was": asWas,
  small,
};

export { asWas, small };
