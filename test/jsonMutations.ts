// Fuzzing helper (issue 7): structural mutations of a valid JSON document. Random JSON almost always fails
// at the first key; mutating one node of a valid file reaches every field's decoder and its error message.
import fc from "fast-check";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = ReadonlyArray<string | number>;

/** Every node's path in `v`, the root first. */
const pathsOf = (v: Json, at: Path = []): ReadonlyArray<Path> =>
  Array.isArray(v)
    ? [at, ...v.flatMap((x, i) => pathsOf(x, [...at, i]))]
    : v !== null && typeof v === "object"
      ? [at, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, k]))]
      : [at];

/** One edit of a node. */
export type Edit =
  | { readonly kind: "replace"; readonly value: Json }
  | { readonly kind: "delete" }
  | { readonly kind: "addKey"; readonly key: string; readonly value: Json };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), value: fc.jsonValue() as fc.Arbitrary<Json> }),
  fc.record({
    kind: fc.constant("replace" as const),
    value: fc.constantFrom<Json>(-1, 0, 1, 0.5, 2 ** 53, -(2 ** 31), 1e308, "", "1", null, true, [], {}),
  }),
  fc.record({ kind: fc.constant("delete" as const) }),
  fc.record({
    kind: fc.constant("addKey" as const),
    key: fc.string(),
    value: fc.jsonValue() as fc.Arbitrary<Json>,
  }),
);

const apply = (v: Json, path: Path, edit: Edit): Json => {
  if (path.length === 0) {
    if (edit.kind === "replace") return edit.value;
    if (edit.kind === "addKey" && v !== null && typeof v === "object" && !Array.isArray(v))
      return { ...v, [edit.key]: edit.value };
    return v;
  }
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    const i = head as number;
    if (rest.length === 0 && edit.kind === "delete") return v.filter((_, j) => j !== i);
    return v.map((x, j) => (j === i ? apply(x, rest, edit) : x));
  }
  if (v !== null && typeof v === "object") {
    const k = head as string;
    if (rest.length === 0 && edit.kind === "delete")
      return Object.fromEntries(Object.entries(v).filter(([key]) => key !== k));
    return { ...v, [k]: apply(v[k] as Json, rest, edit) };
  }
  return v;
};

/** `doc` with one to three nodes edited (replaced, deleted, or given an extra key). */
export const mutatedJson = (doc: unknown): fc.Arbitrary<unknown> => {
  const base = JSON.parse(JSON.stringify(doc)) as Json;
  return fc.array(fc.tuple(fc.nat(), editArb), { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce<Json>((acc, [n, edit]) => {
      const paths = pathsOf(acc);
      return apply(acc, paths[n % paths.length] as Path, edit);
    }, base),
  );
};

/** Cases per fuzz property (docs/trust.md reports the figures). */
export const FUZZ_RUNS = 1000;
