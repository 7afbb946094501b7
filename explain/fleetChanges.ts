// ---------------------------------------------------------------------------------------------------------
// explain: what changed in one step, in domain words, for traces and saved counterexamples. Only what
// changed is listed, so a reviewer reads the story, not a state dump; frontends that changed the same way
// are named together in one sentence.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import { behindFor } from "../model/lag.ts";
import { actualPeers, type Frontend, frontendName, type State } from "../model/state.ts";
import { threadLimitInForce } from "../model/threadFormula.ts";
import { threadsNeeded } from "../model/threads.ts";

/** One change to one frontend: `text` is the predicate ("knows 8 of 8 peers, …"), the frontend its subject. */
interface FrontendChange {
  readonly f: Frontend;
  readonly text: string;
}

const frontendChanges = (
  config: Config,
  after: State,
  before: Frontend | undefined,
  f: Frontend,
): ReadonlyArray<FrontendChange> => {
  const limit = threadLimitInForce(config);
  const needs = `needs ${threadsNeeded(config, f)} of ${limit} threads`;
  if (before === undefined)
    return [{ f, text: `joined (cell ${f.cell}); it knows ${f.knownPeers} peers and ${needs}` }];
  const peers =
    before.knownPeers !== f.knownPeers || before.connectedPeers !== f.connectedPeers
      ? [
          `knows ${f.knownPeers} of ${actualPeers(after, f)} peers, holds threads for ${f.connectedPeers}, ${needs}`,
        ]
      : [];
  const stale =
    before.staleShards === 0 && f.staleShards !== 0
      ? ["holds a stale shard-map entry"]
      : before.staleShards !== 0 && f.staleShards === 0
        ? ["applied the pending shard moves"]
        : [];
  return [
    ...(before.status !== f.status ? [`is now ${f.status}`] : []),
    ...peers,
    ...(before.map !== f.map ? [`has a ${f.map} shard-map`] : []),
    ...stale,
  ].map((text) => ({ f, text }));
};

/** "frontend-3 knows …", or "frontend-0, frontend-1: each knows …", or "8 frontends (frontend-0 … frontend-7): each …". */
const sentence = (fs: ReadonlyArray<Frontend>, text: string): string => {
  const first = fs[0] as Frontend;
  const last = fs[fs.length - 1] as Frontend;
  if (fs.length === 1) return `${frontendName(first)} ${text}`;
  const names =
    fs.length <= 3
      ? fs.map(frontendName).join(", ")
      : `${fs.length} frontends (${frontendName(first)} … ${frontendName(last)})`;
  return `${names}: each ${text}`;
};

/** Groups changes with the same predicate, keeping the order in which each predicate first appears. */
const grouped = (changes: ReadonlyArray<FrontendChange>): ReadonlyArray<string> => {
  const texts = [...new Set(changes.map((c) => c.text))];
  return texts.map((text) =>
    sentence(
      changes.filter((c) => c.text === text).map((c) => c.f),
      text,
    ),
  );
};

/** K6: how long the most-lagging live frontend has been behind the membership, when that changed. */
const lag = (config: Config, before: State, after: State): ReadonlyArray<string> => {
  const worst = (s: State) =>
    Math.max(0, ...s.frontends.filter((f) => f.status !== "stopped").map((f) => behindFor(config, s, f)));
  const a = worst(after);
  if (a === worst(before) || a === 0) return [];
  const behind = after.frontends.filter(
    (f) => f.status !== "stopped" && behindFor(config, after, f) === a,
  ).length;
  return [
    `${behind} frontend${behind === 1 ? " has" : "s have"} been behind the membership for ${a} of at most ${config.membership.propagationDelayTicks} ticks`,
  ];
};

const requestOutcome = (before: State, after: State): ReadonlyArray<string> => {
  const r = after.requests;
  const b = before.requests;
  if (r === b) return [];
  if (r.misrouted > b.misrouted) return ["the request went to the shard's former owner"];
  return [r.failed > b.failed ? "the request failed" : "the request succeeded"];
};

/** Sentences for what one step changed between `before` and `after`. */
export const changesBetween = (config: Config, before: State, after: State): ReadonlyArray<string> => {
  const byId = new Map(before.frontends.map((f) => [f.id, f]));
  const afterIds = new Set(after.frontends.map((f) => f.id));
  const removed = before.frontends
    .filter((f) => !afterIds.has(f.id))
    .map((f) => `${frontendName(f)} left the fleet`);
  const changed = after.frontends.flatMap((f) => {
    const prev = byId.get(f.id);
    return prev === f ? [] : frontendChanges(config, after, prev, f);
  });
  const owners = after.owners.flatMap((c, s) =>
    before.owners[s] === c ? [] : [`shard-${s} moved from cluster-${before.owners[s]} to cluster-${c}`],
  );
  const serving = after.frontends.filter((f) => f.status === "serving").length;
  const fleet =
    before.frontends.length !== after.frontends.length
      ? [`fleet: ${after.frontends.length} frontends, ${serving} serving`]
      : [];
  return [
    ...removed,
    ...grouped(changed),
    ...lag(config, before, after),
    ...owners,
    ...requestOutcome(before, after),
    ...fleet,
  ];
};
