import { fc, test } from "@fast-check/vitest";
import { expect, it } from "vitest";
import { visitedSet } from "./visitedSet.ts";

test.prop({ keys: fc.array(fc.tuple(fc.nat(20), fc.nat(3), fc.nat(0xffffffff)), { maxLength: 3000 }) })(
  "stores each distinct key once, in order, with its parent and operation, through every growth",
  ({ keys }) => {
    const set = visitedSet(3);
    const seen = new Map<string, number>();
    const scratch = new Uint32Array(3);
    keys.forEach((k, i) => {
      scratch.set(k);
      const id = set.add(scratch, i, i * 7, Number.POSITIVE_INFINITY);
      const known = seen.get(k.join(","));
      if (known === undefined) {
        expect(id).toBe(seen.size);
        seen.set(k.join(","), id);
        expect(set.parentOf(id)).toBe(i);
        expect(set.viaOf(id)).toBe(i * 7);
      } else expect(id).toBe(-1);
    });
    expect(set.size()).toBe(seen.size);
  },
);

it("refuses a new key once the limit is reached, but still recognises stored ones", () => {
  const set = visitedSet(1);
  expect(set.add(Uint32Array.of(5), -1, -1, 1)).toBe(0);
  expect(set.add(Uint32Array.of(6), 0, 0, 1)).toBe(-2);
  expect(set.add(Uint32Array.of(5), 0, 0, 1)).toBe(-1);
  expect(set.size()).toBe(1);
});

it("unkeyed states take indices but never match a key", () => {
  const set = visitedSet(1);
  expect(set.addUnkeyed(-1, -1)).toBe(0);
  for (let i = 0; i < 5000; i++)
    expect(set.add(Uint32Array.of(i), 0, 0, Number.POSITIVE_INFINITY)).toBe(i + 1);
  expect(set.size()).toBe(5001);
  expect(set.bytes()).toBeGreaterThan(5001 * 12);
});

it("never grows its per-state arrays past the search's bound", () => {
  const set = visitedSet(2, 3000);
  for (let i = 0; i < 3000; i++) expect(set.add(Uint32Array.of(i, 7), 0, 0, 3000)).toBe(i);
  // 3000 × (2 key words + parent + operation) × 4 bytes, plus a hash table of 8192 slots (at most half full).
  expect(set.bytes()).toBe(3000 * 16 + 8192 * 4);
});
