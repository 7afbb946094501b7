// ---------------------------------------------------------------------------------------------------------
// build: `npm run build` (and `npm ci`, through `prepare`): dist/ anew from the sources, in four steps.
//  1. tsc -p tsconfig.build.json emits the JavaScript and .d.ts, every relative `.ts` import rewritten to `.js`.
//  2. The files the code loads at run time by URL that tsc does not emit (explain/vegaWorker.mjs, the
//     chart's worker) are copied beside their compiled neighbours.
//  3. fp-ts is CommonJS (fp-ts/lib; its fp-ts/es6 build has extensionless imports, which Node cannot load).
//     Node imports CommonJS into an ES module by scanning the file's source for its export names, which for
//     fp-ts/lib/Either.js and Option.js (80 kB) cost the CLI about 0.1 s of CPU at every start, more than a
//     third of `outage --help` (docs/performance.md). So each fp-ts module the JavaScript imports gets a small
//     ES module in dist/vendor/fp-ts/ that require()s it (no scan) and re-exports every name it has, and the
//     imports are pointed there: the same objects, no behaviour change. The .d.ts keep importing fp-ts/lib.
//  4. The CLI (dist/cli/outage.js and all it imports, fast-check and ts-pattern included) is bundled by esbuild
//     into dist/bundle/, which bin/outage.js runs: one file for the entry and a few shared chunks instead of
//     about 170 modules, each opened, resolved and linked apart, which was most of a short command's CPU
//     (issue 17; docs/performance.md). Each command's dynamic import stays a chunk of its own (prove's Z3);
//     z3-solver and vega stay external (they load files beside their own code), and vegaWorker.mjs is copied
//     beside the chunks, which find it by URL. `verify --workers`'s worker (specs/fleet/compiled/flatWorker.ts)
//     is a second entry, dist/bundle/flatWorker.js, started through flatWorkerBoot.mjs, copied beside the chunks
//     the same way. The library (package exports) stays the module tree.
// Plain JavaScript; tsc and esbuild (a devDependency) only.
//
// `node scripts/build.mjs --if-stale` builds only when a source is newer than the last build (vitest's
// global setup: the tests that spawn bin/outage.js run dist/).
// ---------------------------------------------------------------------------------------------------------
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const require = createRequire(join(root, "package.json"));
/** Written last, with the time the build started: a source saved during the build is newer, so it rebuilds. */
const stamp = join(dist, ".built");

/** What tsconfig.build.json compiles (specs/ only where present): a change in any of them makes dist/ stale. */
const SOURCE_DIRS = ["model", "properties", "checker", "specs", "analyses", "explain", "cli", "testing"];
/** Files outside those folders that change the output. */
const INPUT_FILES = ["index.ts", "package.json", "tsconfig.json", "tsconfig.build.json", "scripts/build.mjs"];
/** Run-time files that are not TypeScript, copied as they are. */
const isAsset = (name) => name.endsWith(".mjs");

/** Every file and folder under `dir` (folders too: deleting or renaming a file changes its folder's mtime). */
const walk = (dir) =>
  existsSync(dir)
    ? [
        dir,
        ...readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
        ),
      ]
    : [];

const newestInput = () =>
  Math.max(
    ...SOURCE_DIRS.flatMap((d) => walk(join(root, d)))
      .filter((p) => !p.endsWith(".test.ts"))
      .concat(INPUT_FILES.map((f) => join(root, f)).filter((p) => existsSync(p)))
      .map((p) => statSync(p).mtimeMs),
  );

const isStale = () => !existsSync(stamp) || statSync(stamp).mtimeMs < newestInput();

const fail = (message) => {
  console.error(`build: ${message}`);
  process.exit(1);
};

const compile = () => {
  const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) fail(`tsc -p tsconfig.build.json failed (exit ${r.status ?? r.signal})`);
};

const copyAssets = () => {
  for (const file of SOURCE_DIRS.flatMap((d) => walk(join(root, d))).filter(isAsset)) {
    const target = join(dist, relative(root, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
};

/** The ES module that stands for the CommonJS module `specifier`: require() it, export each of its names. */
const esWrapper = (specifier) => {
  const names = Object.keys(require(specifier)).filter((n) => n !== "__esModule" && n !== "default");
  const bad = names.find((n) => !/^[A-Za-z_$][\w$]*$/.test(n));
  if (bad !== undefined) fail(`${specifier} exports ${JSON.stringify(bad)}, which an ES module cannot name`);
  // `export { _0 as let }`: an export may be named by a reserved word (fp-ts's Either has `let`), a binding not.
  return [
    `// Generated by scripts/build.mjs: ${specifier} (CommonJS), loaded with require().`,
    `import { createRequire } from "node:module";`,
    `const m = createRequire(import.meta.url)(${JSON.stringify(specifier)});`,
    ...names.map((n, i) => `const _${i} = m.${n};`),
    `export { ${names.map((n, i) => `_${i} as ${n}`).join(", ")} };`,
    "",
  ].join("\n");
};

const FP_TS_IMPORT = / from "(fp-ts\/lib\/(\w+)\.js)";$/gm;

const wrapFpTs = () => {
  const vendor = join(dist, "vendor", "fp-ts");
  const wrapped = new Set();
  for (const file of walk(dist).filter((p) => p.endsWith(".js"))) {
    const text = readFileSync(file, "utf8");
    const next = text.replace(FP_TS_IMPORT, (_, specifier, name) => {
      wrapped.add(specifier);
      const path = relative(dirname(file), join(vendor, `${name}.js`))
        .split(sep)
        .join("/");
      return ` from "${path.startsWith(".") ? path : `./${path}`}";`;
    });
    if (/["']fp-ts\//.test(next))
      fail(`${relative(root, file)}: an fp-ts import this build does not rewrite`);
    if (next !== text) writeFileSync(file, next);
  }
  mkdirSync(vendor, { recursive: true });
  for (const specifier of wrapped)
    writeFileSync(join(vendor, `${specifier.slice("fp-ts/lib/".length)}`), esWrapper(specifier));
};

/** Packages the bundle leaves to Node: they read files beside their own code (Z3's wasm, vega's worker). */
const EXTERNAL = ["z3-solver", "vega", "vega-lite"];

/** Folders whose run-time .mjs files the bundle's chunks find by URL beside themselves: the chart's worker, verify's worker boot. */
const BUNDLE_ASSET_DIRS = ["explain", join("specs", "fleet", "compiled")];

const bundleCli = async () => {
  const { build: esbuild } = await import(pathToFileURL(require.resolve("esbuild")).href);
  const out = join(dist, "bundle");
  try {
    await esbuild({
      // The CLI, and the entry of verify's worker threads (specs/fleet/compiled/flatWorker.ts), which the
      // CLI's chunk starts by URL, beside itself; the code both use goes into shared chunks.
      entryPoints: {
        outage: join(dist, "cli", "outage.js"),
        flatWorker: join(dist, "specs", "fleet", "compiled", "flatWorker.js"),
      },
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outdir: out,
      external: EXTERNAL,
      logLevel: "warning",
    });
  } catch (e) {
    fail(`esbuild could not bundle the CLI: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  for (const file of BUNDLE_ASSET_DIRS.flatMap((d) => walk(join(root, d))).filter(isAsset))
    cpSync(file, join(out, basename(file)));
};

const build = async () => {
  const started = new Date();
  rmSync(dist, { recursive: true, force: true });
  compile();
  copyAssets();
  wrapFpTs();
  await bundleCli();
  writeFileSync(stamp, "");
  utimesSync(stamp, started, started);
};

if (!process.argv.includes("--if-stale") || isStale()) await build();
