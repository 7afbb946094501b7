// ---------------------------------------------------------------------------------------------------------
// test: a toy third spec, to show that a spec plugs into the engine without touching it (docs/architecture.md).
// Two frontends; a frontend that learns of its peer opens threads for it, `base + perPeer` in all, and the
// invariant says no frontend needs more than the limit. With limit 1 and one thread per peer it breaks in two
// steps: the second frontend starts, the first learns of it. Everything a spec must give, and nothing more
// (no incremental check, no packed key, no compiled search).
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { match } from "ts-pattern";
import { taggedOps, toItfValue } from "../checker/itf.ts";
import type { Spec } from "../checker/spec.ts";

export interface ToyConfig {
  readonly name: string;
  readonly limit: number;
  readonly perPeer: number;
}

interface ToyFrontend {
  readonly up: boolean;
  /** Whether it knows of the other frontend (and holds threads for it). */
  readonly knowsPeer: boolean;
}

export interface ToyState {
  readonly frontends: readonly [ToyFrontend, ToyFrontend];
}

export type ToyOp =
  | { readonly type: "started"; readonly frontend: 0 | 1 }
  | { readonly type: "peerLearned"; readonly frontend: 0 | 1 }
  | { readonly type: "stopped"; readonly frontend: 0 | 1 };

const BASE = 1;
const needs = (config: ToyConfig, f: ToyFrontend): number => BASE + (f.knowsPeer ? config.perPeer : 0);

const withFrontend = (s: ToyState, i: 0 | 1, f: ToyFrontend): ToyState => ({
  frontends: i === 0 ? [f, s.frontends[1]] : [s.frontends[0], f],
});

const toyStep = (
  _config: ToyConfig,
  s: ToyState,
  op: ToyOp,
): E.Either<{ readonly reason: string }, ToyState> => {
  const f = s.frontends[op.frontend];
  const other = s.frontends[op.frontend === 0 ? 1 : 0];
  return match(op)
    .returnType<E.Either<{ readonly reason: string }, ToyState>>()
    .with({ type: "started" }, (o) =>
      f.up
        ? E.left({ reason: "already up" })
        : E.right(withFrontend(s, o.frontend, { up: true, knowsPeer: false })),
    )
    .with({ type: "peerLearned" }, (o) =>
      !f.up || !other.up || f.knowsPeer
        ? E.left({ reason: "nothing to learn" })
        : E.right(withFrontend(s, o.frontend, { up: true, knowsPeer: true })),
    )
    .with({ type: "stopped" }, (o) =>
      f.up
        ? E.right(withFrontend(s, o.frontend, { up: false, knowsPeer: false }))
        : E.left({ reason: "already down" }),
    )
    .exhaustive();
};

const frontendArb = fc.constantFrom<0 | 1>(0, 1);
const opArb: fc.Arbitrary<ToyOp> = fc.oneof(
  fc.record({ type: fc.constant("started" as const), frontend: frontendArb }),
  fc.record({ type: fc.constant("peerLearned" as const), frontend: frontendArb }),
  fc.record({ type: fc.constant("stopped" as const), frontend: frontendArb }),
);

const decodeToyOp = (path: string, v: unknown): E.Either<string, ToyOp> => {
  if (typeof v !== "object" || v === null) return E.left(`${path} must be an object`);
  const { type, frontend } = v as { readonly type?: unknown; readonly frontend?: unknown };
  if (type !== "started" && type !== "peerLearned" && type !== "stopped")
    return E.left(`${path}.type must be started, peerLearned or stopped`);
  if (frontend !== 0 && frontend !== 1) return E.left(`${path}.frontend must be 0 or 1`);
  return E.right({ type, frontend });
};

const decodeToyConfig = (v: unknown): E.Either<string, ToyConfig> => {
  const c = v as Partial<ToyConfig> | null;
  return c !== null &&
    typeof c === "object" &&
    typeof c.name === "string" &&
    typeof c.limit === "number" &&
    typeof c.perPeer === "number"
    ? E.right({ name: c.name, limit: c.limit, perPeer: c.perPeer })
    : E.left("config must be {name, limit, perPeer}");
};

export const tight: ToyConfig = { name: "tight", limit: 1, perPeer: 1 };
export const roomy: ToyConfig = { name: "roomy", limit: 2, perPeer: 1 };

export const toySpec: Spec<ToyConfig, ToyState, ToyOp> = {
  id: "toy",
  title: "two frontends, each opening threads for the other",
  corpusFolder: "toy",
  configs: { builtin: { tight, roomy }, decode: decodeToyConfig, nameOf: (c) => c.name },
  init: () => ({
    frontends: [
      { up: true, knowsPeer: false },
      { up: false, knowsPeer: false },
    ],
  }),
  step: toyStep,
  opsArb: (_, maxSteps) => fc.array(opArb, { maxLength: maxSteps }),
  defaultMaxSteps: 10,
  decodeOp: decodeToyOp,
  invariants: [
    {
      name: "NeedsWithinLimit",
      sentence: "No frontend needs more threads than the limit.",
      source: "a toy",
      check: (config, s) => {
        const i = s.frontends.findIndex((f) => f.up && needs(config, f) > config.limit);
        return i === -1
          ? O.none
          : O.some({
              message: `frontend-${i} needs ${needs(config, s.frontends[i] as ToyFrontend)} of ${config.limit} threads`,
            });
      },
      closeness: (config, s) =>
        Math.max(...s.frontends.map((f) => (f.up ? needs(config, f) / config.limit : 0))),
      closenessMeaning: "the highest need as a fraction of the limit",
    },
  ],
  narration: {
    label: (_, __, op) => `toy/${op.type} frontend-${op.frontend}`,
    changes: (config, before, op, after) => {
      const f = after.frontends[op.frontend];
      return f === before.frontends[op.frontend]
        ? []
        : [`frontend-${op.frontend} ${f.up ? "is up" : "is down"} and needs ${needs(config, f)} threads`];
    },
  },
  itf: {
    vars: ["frontends"],
    encodeState: (_, s) => ({ frontends: toItfValue(s.frontends) }),
    ...taggedOps<ToyOp>(decodeToyOp),
  },
  exploration: {
    candidates: () => () =>
      (["started", "peerLearned", "stopped"] as const).flatMap((type) =>
        [0, 1].map((frontend) => ({ type, frontend: frontend as 0 | 1 })),
      ),
    key: () => (s) => JSON.stringify(s),
  },
};
