// The layers docs/architecture.md draws, as facts about the imports: the engine (checker/) imports nothing of
// the domain (model/, properties/, specs/; model/oneLine.ts and model/format.ts, generic helpers, aside), model/ and properties/
// import nothing of the rest, and no module reaches itself through its imports (no cycle, type imports too).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, test } from "vitest";

const root = join(import.meta.dirname, "..");
const FOLDERS = ["model", "properties", "checker", "specs", "analyses", "explain", "cli", "testing"];

const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });

/** Each source file (relative to the root) and the relative `.ts` files it imports. */
const graph: ReadonlyMap<string, ReadonlyArray<string>> = new Map(
  FOLDERS.flatMap((folder) => sources(join(root, folder))).map((file) => {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"(\.{1,2}\/[^"]+\.ts)"/gm)].map(
      (m) => relative(root, normalize(join(dirname(file), m[1] as string))),
    );
    return [relative(root, file), targets] as const;
  }),
);

const importsOf = (folder: string) =>
  [...graph.entries()].filter(([file]) => file.startsWith(`${folder}/`)).flatMap(([, to]) => to);

/** The model's generic helpers the engine may use: a string helper, and the input-format helpers (no domain word). */
const GENERIC_HELPERS = ["model/oneLine.ts", "model/format.ts"];

describe("the layers", () => {
  test("the engine imports nothing of the domain", () => {
    const domain = importsOf("checker").filter(
      (to) => /^(model|properties|specs)\//.test(to) && !GENERIC_HELPERS.includes(to),
    );
    expect(domain).toEqual([]);
  });

  test("the model and its invariants import nothing of the engine, the specs, the words or the CLI", () => {
    const outward = [...importsOf("model"), ...importsOf("properties")].filter((to) =>
      /^(checker|specs|analyses|explain|cli)\//.test(to),
    );
    expect(outward).toEqual([]);
  });

  test("no module reaches itself through its imports", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: ReadonlyArray<string>): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" -> "));
        return;
      }
      state.set(file, "open");
      for (const to of graph.get(file) ?? []) visit(to, [...path, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
