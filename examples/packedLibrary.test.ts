// The package as a user gets it: `npm pack`, installed into a project of their own (examples/library/, in a
// temporary folder outside this repository), whose tests then run against the tarball's compiled JavaScript
// and whose `tsc` checks its declarations, with none of our sources in reach.
//
// The install needs no network: the tarball is extracted into node_modules/kinesis-outage-model, as npm
// would, and each other package the two package.json files declare (the tarball's dependencies and peer
// dependencies, the example's devDependencies) is a symlink to ours. Only declared packages are linked, so a
// dependency the tarball forgets to declare fails here. (`npm install --offline` was tried: it depends on
// what npm's cache happens to hold and failed to resolve vitest from it.)
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = join(import.meta.dirname, "..");
const example = join(import.meta.dirname, "library");
const dir = mkdtempSync(join(tmpdir(), "packed-library-"));
const project = join(dir, "project");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PackageJson {
  readonly name: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

const readPackageJson = (folder: string): PackageJson =>
  JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as PackageJson;

/** The child processes' environment: not told they run inside a vitest, and without colours. */
const childEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith("VITEST") && k !== "TEST" && k !== "FORCE_COLOR",
    ),
  ),
  NO_COLOR: "1",
});

/** Runs `node args` in the project; its exit code and everything it printed. */
const nodeIn = (args: ReadonlyArray<string>): { readonly code: number | null; readonly output: string } => {
  const r = spawnSync(process.execPath, args, { cwd: project, encoding: "utf8", env: childEnv() });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
};

let packedFiles: ReadonlyArray<string> = [];

beforeAll(() => {
  // The build is current (the global setup builds when stale); --if-stale costs milliseconds when it is.
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs"), "--if-stale"], { cwd: root });
  // --ignore-scripts: `prepare` would rebuild what is already built.
  const out = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [packed] = JSON.parse(out) as ReadonlyArray<{
    filename: string;
    files: ReadonlyArray<{ path: string }>;
  }>;
  if (packed === undefined) throw new Error("npm pack printed no package");
  packedFiles = packed.files.map((f) => f.path);

  cpSync(example, project, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|counterexamples)([/\\]|$)/.test(src.slice(example.length)),
  });
  const installed = join(project, "node_modules", "kinesis-outage-model");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, packed.filename), "-C", installed, "--strip-components=1"]);

  const tarball = readPackageJson(installed);
  const user = readPackageJson(project);
  const declared = new Set(
    [tarball.dependencies, tarball.peerDependencies, user.devDependencies].flatMap((d) =>
      Object.keys(d ?? {}),
    ),
  );
  declared.delete(tarball.name);
  for (const name of declared) {
    const ours = join(root, "node_modules", name);
    if (!existsSync(ours)) throw new Error(`${name} is declared but not in this repository's node_modules`);
    const link = join(project, "node_modules", name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(ours, link, "dir");
  }
}, 120_000);

describe("the packed tarball, installed into the example project", () => {
  test("holds the compiled entries with their type declarations, and the saved corpus", () => {
    for (const f of [
      "dist/index.js",
      "dist/index.d.ts",
      "dist/testing/vitest.js",
      "dist/testing/vitest.d.ts",
      "dist/testing/newFailures.d.ts",
      "counterexamples/ThreadBudget--as-was--ebffbf949d.json",
    ])
      expect(packedFiles).toContain(f);
  });

  test("loads under plain Node, both entries, without vitest in the process", () => {
    const r = nodeIn([
      "-e",
      `Promise.all([import("kinesis-outage-model"), import("kinesis-outage-model/vitest")]).then(([m, v]) =>
         console.log(typeof m.fleetSpec.step, typeof m.searchInvariant, typeof v.invariantProperty))`,
    ]);
    expect(r).toEqual({ code: 0, output: "function function function\n" });
  });

  test("the example type-checks against the package's declarations under its own tsconfig", () => {
    const r = nodeIn([join("node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."]);
    expect(r).toEqual({ code: 0, output: "" });
  });

  test("the example's tests pass: its own invariant by test.prop, the matchers, the saved corpus", () => {
    const r = nodeIn([join("node_modules", "vitest", "vitest.mjs"), "run", "--reporter=verbose"]);
    expect(r.output).toMatch(/Test Files {2}3 passed \(3\)/);
    for (const title of [
      "no cell of our fleet holds more than 40 % of it",
      "doubling it keeps every cell within 40 % of the fleet",
      "the package's saved ThreadBudget counterexamples still reproduce",
      "with larger servers, ThreadBudget holds, the known failures first",
      "a counterexample the CLI saved fails again under plain fc.assert, from what its file records",
    ])
      expect(r.output).toContain(title);
    expect(r.code).toBe(0);
  });
});
