// ---------------------------------------------------------------------------------------------------------
// checker: what changed in one step, in domain words, for traces and saved counterexamples. Only what
// changed is listed, so a reviewer reads the story, not a state dump.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import { actualPeers, type Frontend, frontendName, type State } from "../model/state.ts";
import { threadsNeeded } from "../model/threads.ts";

const frontendChanges = (
  config: Config,
  after: State,
  before: Frontend | undefined,
  f: Frontend,
): string[] => {
  const name = frontendName(f);
  const limit = config.threads.threadLimit;
  if (before === undefined)
    return [
      `${name} joined (cell ${f.cell}); it knows ${f.knownPeers} peers and needs ${threadsNeeded(config, f)} of ${limit} threads`,
    ];
  const out: string[] = [];
  if (before.status !== f.status) out.push(`${name} is now ${f.status}`);
  if (before.knownPeers !== f.knownPeers || before.connectedPeers !== f.connectedPeers)
    out.push(
      `${name} knows ${f.knownPeers} of ${actualPeers(after, f)} peers, holds threads for ${f.connectedPeers}, needs ${threadsNeeded(config, f)} of ${limit} threads`,
    );
  if (before.map !== f.map) out.push(`${name}'s shard-map is ${f.map}`);
  return out;
};

/** Names of the frontends for which `pred(before, after)` holds, as one sentence, or undefined. */
const group = (
  after: State,
  before: State,
  pred: (b: Frontend, f: Frontend) => boolean,
  what: string,
): string | undefined => {
  const byId = new Map(before.frontends.map((f) => [f.id, f]));
  const names = after.frontends.filter((f) => {
    const b = byId.get(f.id);
    return b !== undefined && pred(b, f);
  });
  if (names.length === 0) return undefined;
  const list = names.length <= 3 ? names.map(frontendName).join(", ") : `${names.length} frontends`;
  return `${list} ${names.length === 1 ? what.replace(/^hold /, "holds ").replace(/^applied/, "applied") : what}`;
};

/** K6: how long the most-lagging live frontend has been behind the membership, when that changed. */
const lag = (config: Config, before: State, after: State): string | undefined => {
  const worst = (s: State) =>
    Math.max(0, ...s.frontends.filter((f) => f.status !== "stopped").map((f) => f.behindFor));
  const a = worst(after);
  if (a === worst(before) || a === 0) return undefined;
  const behind = after.frontends.filter((f) => f.status !== "stopped" && f.behindFor === a).length;
  return `${behind} frontend${behind === 1 ? " has" : "s have"} been behind the membership for ${a} of at most ${config.membership.propagationDelayTicks} ticks`;
};

/** Sentences for what `op` changed between `before` and `after`. */
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
  const grouped = [
    group(
      after,
      before,
      (b, f) => b.staleShards === 0 && f.staleShards !== 0,
      "hold a stale shard-map entry",
    ),
    group(
      after,
      before,
      (b, f) => b.staleShards !== 0 && f.staleShards === 0,
      "applied the pending shard moves",
    ),
    lag(config, before, after),
  ].filter((s): s is string => s !== undefined);
  const owners = after.owners.flatMap((c, s) =>
    before.owners[s] === c ? [] : [`shard-${s} moved from cluster-${before.owners[s]} to cluster-${c}`],
  );
  const r = after.requests;
  const b = before.requests;
  const requests =
    r === b
      ? []
      : [
          r.misrouted > b.misrouted
            ? "the request went to the shard's former owner"
            : r.failed > b.failed
              ? "the request failed"
              : "the request succeeded",
        ];
  const serving = after.frontends.filter((f) => f.status === "serving").length;
  const fleet =
    before.frontends.length !== after.frontends.length
      ? [`fleet: ${after.frontends.length} frontends, ${serving} serving`]
      : [];
  return [...removed, ...changed, ...grouped, ...owners, ...requests, ...fleet];
};
