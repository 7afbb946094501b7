// ---------------------------------------------------------------------------------------------------------
// explain: the trace as a Mermaid sequence diagram (renders on GitHub, GitLab and most Markdown viewers).
// One lifeline per actor of model/ops.ts ACTOR; frontends are drawn as one "front-end fleet" lifeline, since
// the story is about the fleet. A system counterexample adds a "Dependent services" lifeline, which the
// dependents' own events (a sign-in, a load change, a cluster request…) go to. The violating step sits in a
// red box. Pure.
// ---------------------------------------------------------------------------------------------------------
import { DEPENDENT_ACTOR } from "../model/system.ts";
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
  ["user", "User"],
  ["customer", "Customer"],
  ["cognito", "Cognito engineers"],
  ["clock", "Clock"],
  ["fleet", "Front-end fleet"],
  ["deps", "Dependent services"],
];

/** The dependents' own events (model/system.ts DependentOp) go to the dependents' lifeline. */
const target = (c: Chapter): string => (c.type in DEPENDENT_ACTOR ? "deps" : "fleet");

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
  const system = e.systemConfig !== undefined;
  const used = new Set(["fleet", ...(system ? ["deps"] : []), ...story.map((c) => lifeline(c.actor))]);
  const over = system ? "fleet,deps" : "fleet";
  const lines: string[] = ["sequenceDiagram"];
  for (const [id, name] of PARTICIPANTS) if (used.has(id)) lines.push(`  participant ${id} as ${name}`);
  for (const c of story) {
    const from = lifeline(c.actor);
    const num = c.from === c.to ? `${c.from}` : `${c.from}-${c.to}`;
    const body: string[] = [
      `${from}->>${target(c)}: ${num}. ${safe(event(c.label))}`,
      ...(note(c).length > 0 ? [`Note over ${over}: ${note(c).map(safe).join("<br/>")}`] : []),
    ];
    if (c.violation !== undefined) {
      lines.push("  rect rgb(255, 220, 220)");
      for (const b of body) lines.push(`    ${b}`);
      lines.push(
        `    Note over ${over}: ✗ ${c.violation.invariant} violated<br/>${safe(c.violation.message)}`,
      );
      lines.push("  end");
    } else for (const b of body) lines.push(`  ${b}`);
  }
  if (e.frames[0]?.violation !== undefined)
    lines.push(`  Note over ${over}: ✗ ${e.counterexample.invariant} already fails in the initial state`);
  return `${lines.join("\n")}\n`;
};
