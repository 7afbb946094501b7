// ---------------------------------------------------------------------------------------------------------
// explain: the trace as a story, one entry per step, with only what changed. Runs of clock ticks in which
// nothing happened but waiting are told once ("steps 2–13: 12 ticks pass"), so a reviewer reads the events,
// not the waiting. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { SystemOp } from "../model/system.ts";
import { actorOf } from "./actor.ts";
import { clockTime, type Explained, type Frame } from "./frames.ts";

export interface Chapter {
  /** First and last step told by this entry (equal unless ticks were folded). */
  readonly from: number;
  readonly to: number;
  /** Tick at the start of the first step, and its wall-clock time. */
  readonly tick: number;
  readonly time: string;
  /** Tick after the last step. */
  readonly endTick: number;
  readonly actor: string;
  /** The operation's type (for a folded run of ticks, "tick"). */
  readonly type: SystemOp["type"];
  readonly label: string;
  readonly refused?: string;
  readonly changes: ReadonlyArray<string>;
  readonly violation?: { readonly invariant: string; readonly message: string };
}

/** What a dependent loses or drops in one tick (explain/systemChanges.ts): summed when ticks are folded. */
const COUNT = /^(\d+) (.+ (?:lost|dropped \(counted, not blocking\)))$/;

/**
 * Sentences that only say a wait goes on: frontends still behind the membership (K6), and in a system trace a
 * dependent's buffer filling one more step (C1, R10, L1) or this tick's losses (COUNT).
 */
const WAITING = [
  /have been behind the membership|has been behind the membership/,
  /^Cognito's Kinesis buffer holds \d+\/\d+ records$/,
  /^CloudWatch's local store holds \d+ datapoints$/,
  /^Lambda's metric buffer holds \d+ of \d+ units of host memory$/,
  COUNT,
];

/** A tick whose only news is that things are still waiting, or no news at all. */
const isWaiting = (f: Frame): boolean =>
  f.step?.op.type === "tick" &&
  f.violation === undefined &&
  f.step.changes.every((c) => WAITING.some((w) => w.test(c)));

/** The changes of folded ticks: the latest sentence of each kind, and the losses summed over all of them. */
const foldChanges = (before: ReadonlyArray<string>, latest: ReadonlyArray<string>): ReadonlyArray<string> => {
  const totals = new Map<string, number>();
  for (const c of [...before, ...latest]) {
    const m = COUNT.exec(c);
    if (m !== null) totals.set(m[2] as string, (totals.get(m[2] as string) ?? 0) + Number(m[1]));
  }
  return [
    ...latest.filter((c) => !COUNT.test(c)),
    ...[...totals.entries()].map(([what, n]) => `${n} ${what}`),
  ];
};

const NAME = /^frontend-(\d+)/;

/** "frontend-0 … frontend-7 (8 frontends)" for consecutive ids, else a short list. */
const names = (ids: ReadonlyArray<number>): string => {
  const consecutive = ids.every((id, i) => i === 0 || id === (ids[i - 1] ?? 0) + 1);
  if (consecutive && ids.length > 3)
    return `frontend-${ids[0]} … frontend-${ids[ids.length - 1]} (${ids.length} frontends)`;
  const shown = ids.slice(0, 4).map((id) => `frontend-${id}`);
  return ids.length > 4 ? `${shown.join(", ")} and ${ids.length - 4} more` : shown.join(", ");
};

/**
 * Sentences that differ only in the frontend they start with are told once for the group:
 * "frontend-0 … frontend-7 (8 frontends): shard-map is useless". Order of first appearance is kept.
 */
export const groupChanges = (changes: ReadonlyArray<string>): ReadonlyArray<string> => {
  const groups = new Map<string, number[]>();
  const order: string[] = [];
  for (const c of changes) {
    const m = NAME.exec(c);
    const key = m === null ? c : c.replace(NAME, "{}");
    if (!groups.has(key)) {
      groups.set(key, []);
      order.push(key);
    }
    if (m !== null) groups.get(key)?.push(Number(m[1]));
  }
  return order.map((key) => {
    const ids = groups.get(key) ?? [];
    if (ids.length === 0) return key;
    if (ids.length === 1) return key.replace("{}", `frontend-${ids[0]}`);
    return `${names(ids)}: ${key.replace(/^\{\}('s)?\s*/, "")}`;
  });
};

export const storyOf = (e: Explained): ReadonlyArray<Chapter> => {
  const chapters: Chapter[] = [];
  const frames = e.frames.slice(1);
  for (const [i, f] of frames.entries()) {
    const s = f.step;
    if (s === undefined) continue;
    const tickBefore = (e.frames[f.index - 1] ?? f).state.tick;
    const prev = chapters[chapters.length - 1];
    const prevFrame = frames[i - 1];
    if (
      isWaiting(f) &&
      prev !== undefined &&
      prevFrame !== undefined &&
      isWaiting(prevFrame) &&
      prev.to === f.index - 1
    ) {
      const n = f.index - prev.from + 1;
      chapters[chapters.length - 1] = {
        ...prev,
        to: f.index,
        label: `clock/tick ×${n} to t=${f.state.tick}`,
        endTick: f.state.tick,
        changes: foldChanges(prev.changes, groupChanges(s.changes)),
      };
      continue;
    }
    chapters.push({
      from: f.index,
      to: f.index,
      tick: tickBefore,
      time: clockTime(e.config, tickBefore),
      endTick: f.state.tick,
      actor: actorOf(s.op),
      type: s.op.type,
      label: s.label,
      ...(s.refused !== undefined ? { refused: s.refused } : {}),
      changes: groupChanges(s.changes),
      ...(f.violation !== undefined ? { violation: f.violation } : {}),
    });
  }
  return chapters;
};

/** "Step 3" or "Steps 2–13". */
export const stepsText = (c: Chapter): string =>
  c.from === c.to ? `Step ${c.from}` : `Steps ${c.from}–${c.to}`;

/** "t=3, 02:59" or, for folded ticks, "t=1 → 12, 02:49". */
export const timeText = (c: Chapter): string =>
  `t=${c.tick}${c.endTick !== c.tick && c.from !== c.to ? ` → ${c.endTick}` : ""}, ${c.time}`;
