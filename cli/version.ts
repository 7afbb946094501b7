// ---------------------------------------------------------------------------------------------------------
// cli: `npx outage --version`: the version in the package's package.json, found by walking up from this
// module, so it is the same from dist/cli/ (the published CLI) and from cli/ (the sources, under tsx).
// ---------------------------------------------------------------------------------------------------------
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest package.json above this module's folder: the package's own (dist/ has none). */
const packageJsonPath = (): string => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error("package.json not found above cli/version");
  }
};

/** The package's own folder: the repository, or node_modules/kinesis-outage-model where it is installed. */
export const packageRoot = (): string => dirname(packageJsonPath());

/** The package's version, e.g. "0.1.0" (read when asked, so other commands never read the file). */
export const packageVersion = (): string => {
  const { version } = JSON.parse(readFileSync(packageJsonPath(), "utf8")) as { version?: unknown };
  if (typeof version !== "string") throw new Error("package.json has no version");
  return version;
};
