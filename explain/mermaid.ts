// ---------------------------------------------------------------------------------------------------------
// explain: the trace as a Mermaid sequence diagram (renders on GitHub, GitLab and most Markdown viewers).
// One lifeline per actor of model/ops.ts ACTOR; frontends are drawn as one "front-end fleet" lifeline, since
// the story is about the fleet. The violating step sits in a red box. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Explained } from "./frames.ts";
import { type Chapter, storyOf } from "./story.ts";

/** Mermaid-safe text: `;` ends a statement and `#` starts an entity code in sequence diagrams. */
const safe = (s: string): string =>
  s
    .replace(/;/g, ",")
    .replace(/#/g, "no. ")
    .replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"));

const MAX_NOTE_LINES = 4;

const PARTICIPANTS: ReadonlyArray<readonly [string, string]> = [
  ["operator", "Operator"],
  ["client", "Client"],
  ["backend", "Back-end"],
  ["clock", "Clock"],
  ["fleet", "Front-end fleet"],
];

/** `frontend` operations are the fleet talking to itself. */
const lifeline = (actor: string): string =>
  actor === "frontend" ? "fleet" : PARTICIPANTS.some(([id]) => id === actor) ? actor : "fleet";

const note = (c: Chapter): ReadonlyArray<string> => {
  if (c.refused !== undefined) return [`refused: ${c.refused}`];
  const shown = c.changes.slice(0, MAX_NOTE_LINES);
  const more = c.changes.length - shown.length;
  return more > 0 ? [...shown, `… and ${more} more change${more === 1 ? "" : "s"}`] : shown;
};

const event = (label: string): string => label.replace(/^[a-z]+\//, "");

export const mermaidDiagram = (e: Explained): string => {
  const story = storyOf(e);
  const used = new Set(["fleet", ...story.map((c) => lifeline(c.actor))]);
  const lines: string[] = ["sequenceDiagram"];
  for (const [id, name] of PARTICIPANTS) if (used.has(id)) lines.push(`  participant ${id} as ${name}`);
  for (const c of story) {
    const from = lifeline(c.actor);
    const num = c.from === c.to ? `${c.from}` : `${c.from}-${c.to}`;
    const body: string[] = [
      `${from}->>fleet: ${num}. ${safe(event(c.label))}`,
      ...(note(c).length > 0 ? [`Note over fleet: ${note(c).map(safe).join("<br/>")}`] : []),
    ];
    if (c.violation !== undefined) {
      lines.push("  rect rgb(255, 220, 220)");
      for (const b of body) lines.push(`    ${b}`);
      lines.push(`    Note over fleet: ✗ ${c.violation.invariant} violated<br/>${safe(c.violation.message)}`);
      lines.push("  end");
    } else for (const b of body) lines.push(`  ${b}`);
  }
  if (e.frames[0]?.violation !== undefined)
    lines.push(`  Note over fleet: ✗ ${e.counterexample.invariant} already fails in the initial state`);
  return `${lines.join("\n")}\n`;
};
