// Issue 15: `check` prints each invariant's result as soon as it is known; issue 17: its stdout stays, byte for
// byte, what it printed when it printed everything at the end.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { sometimesInRuns } from "../checker/sometimesInRuns.ts";
import type { Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { withAllRemediations } from "../model/config.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { asWas, small } from "../model/configs/index.ts";
import { smallSystem } from "../model/configs/smallDependents.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { type CheckRequest, runCheck, section } from "./check.ts";
import type { Io } from "./io.ts";
import { run } from "./main.ts";

const fixtures = new URL("./checkStdout/", import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL("cases.json", fixtures), "utf8")) as {
  readonly cases: ReadonlyArray<{ readonly name: string; readonly args: ReadonlyArray<string> }>;
};

describe("check's stdout is, byte for byte, what the code before streaming printed (cli/checkStdout/)", () => {
  test.each(cases)("$name", ({ name, args }) => {
    const r = run(args);
    expect(`exit ${r.code}\n${r.stdout}`).toBe(readFileSync(new URL(`${name}.txt`, fixtures), "utf8"));
  });
});

/** An Io that logs stdout and stderr in the order they were written, into `log`. */
const logIo = (log: string[]): Io => ({
  out: (text) => {
    log.push(`out ${text}`);
  },
  err: (text) => {
    log.push(`err ${text}`);
  },
  errIsTty: false,
});

/** `spec`, logging each step it takes into `log`: where the search is, without a clock. */
const logged = <C, S, Op>(spec: Spec<C, S, Op>, log: string[]): Spec<C, S, Op> => ({
  ...spec,
  step: (config, state, op) => {
    log.push(`step ${spec.id}`);
    return spec.step(config, state, op);
  },
});

const named = <C, S>(
  spec: { readonly id: string; readonly invariants: ReadonlyArray<SpecInvariant<C, S>> },
  ...names: ReadonlyArray<string>
): ReadonlyArray<SpecInvariant<C, S>> =>
  names.map((n) => {
    const inv = spec.invariants.find((i) => i.name === n);
    if (inv === undefined) throw new Error(`${spec.id} has no invariant ${n}`);
    return inv;
  });

const request = (sections: CheckRequest["sections"], extra: Partial<CheckRequest> = {}): CheckRequest => ({
  sections,
  json: false,
  outDir: undefined,
  searchAgain: (inv) => `search ${inv}`,
  ...extra,
});

/** The index of the first entry of `log` that starts with `prefix` and contains `text`, -1 if none. */
const first = (log: ReadonlyArray<string>, prefix: string, text = ""): number =>
  log.findIndex((e) => e.startsWith(prefix) && e.includes(text));

describe("check prints each result as soon as it is known (issue 15)", () => {
  test("a section's report is on stdout before the next section's search takes its first step", () => {
    const log: string[] = [];
    const code = runCheck(
      request([
        section({
          spec: fleetSpec,
          config: asWas,
          invariants: named(fleetSpec, "ThreadBudget"),
          search: { seed: 1, runs: 50, maxSteps: 80 },
        }),
        section({
          spec: logged(systemSpec, log),
          config: asWasSystem,
          invariants: named(systemSpec, "CloudWatchLosesNoDatapoint"),
          search: { seed: 1, runs: 50, maxSteps: 120 },
        }),
      ]),
      logIo(log),
    );
    expect(code).toBe(1);
    const report = first(log, "out ", "ThreadBudget");
    expect(report).toBeGreaterThan(-1);
    expect(first(log, "step system")).toBeGreaterThan(report);
  });

  test("without non-vacuity lines to wait for, a violation is printed while the pass goes on", () => {
    // ThreadBudget breaks within a few runs, WellFormed holds in all 60: the pass steps on after the report.
    const log: string[] = [];
    let t = 0;
    runCheck(
      request(
        [
          section({
            spec: { ...logged(fleetSpec, log), sometimes: [] },
            config: asWas,
            invariants: named(fleetSpec, "ThreadBudget", "WellFormed"),
            search: { seed: 1, runs: 60, maxSteps: 80 },
          }),
        ],
        { clock: () => (t += 1000) },
      ),
      logIo(log),
    );
    const violated = first(log, "out ", "ThreadBudget");
    expect(violated).toBeGreaterThan(-1);
    expect(log.slice(violated).filter((e) => e === "step fleet").length).toBeGreaterThan(100);
    expect(first(log, "out ", "WellFormed")).toBeGreaterThan(violated);
    // Printed on stdout at once, so no note on stderr.
    expect(first(log, "err check: ")).toBe(-1);
  });

  test("once every invariant of a section has broken, each block is printed as soon as it is shrunk", () => {
    // Both break in the same run (seed 1): no HOLDS, so no non-vacuity lines; the second is shrunk after the
    // first is printed.
    const log: string[] = [];
    runCheck(
      request([
        section({
          spec: logged(fleetSpec, log),
          config: asWas,
          invariants: named(fleetSpec, "ThreadBudget", "ServesOnlyWithCompleteMap"),
          search: { seed: 1, runs: 60, maxSteps: 80 },
        }),
      ]),
      logIo(log),
    );
    const firstBlock = first(log, "out ", "ThreadBudget");
    const secondBlock = first(log, "out ", "ServesOnlyWithCompleteMap");
    expect(firstBlock).toBeGreaterThan(-1);
    expect(log.slice(firstBlock, secondBlock).filter((e) => e === "step fleet").length).toBeGreaterThan(0);
  });

  test("a violation whose block must wait (its section's non-vacuity lines come first) is told on stderr at once", () => {
    const log: string[] = [];
    let t = 0;
    const sections = [
      section({
        spec: logged(fleetSpec, log),
        config: asWas,
        invariants: named(fleetSpec, "ThreadBudget", "WellFormed"),
        search: { seed: 1, runs: 60, maxSteps: 80 },
      }),
    ];
    runCheck(request(sections, { clock: () => (t += 1000) }), logIo(log));
    const note = first(log, "err check: ThreadBudget VIOLATED after ");
    expect(note).toBeGreaterThan(-1);
    expect(log.slice(note).filter((e) => e === "step fleet").length).toBeGreaterThan(100);
    // The note says what the block's first line says, which comes later on stdout.
    const stdout = log.filter((e) => e.startsWith("out ")).join("");
    const said = (log[note] ?? "").replace("err check: ThreadBudget VIOLATED", "").trim();
    expect(stdout).toContain(`VIOLATED  ${said}`);
    expect(first(log, "out ", "ThreadBudget")).toBeGreaterThan(note);
  });

  test("the note, like the progress line, waits for the first second", () => {
    const log: string[] = [];
    runCheck(
      request(
        [
          section({
            spec: fleetSpec,
            config: asWas,
            invariants: named(fleetSpec, "ThreadBudget", "WellFormed"),
            search: { seed: 1, runs: 20, maxSteps: 80 },
          }),
        ],
        { clock: () => 0 },
      ),
      logIo(log),
    );
    expect(log.filter((e) => e.startsWith("err "))).toEqual([]);
  });
});

describe("non-vacuity taken in the search's own pass is what a replay of its runs finds", () => {
  const cases = [
    { spec: fleetSpec, config: asWas, names: ["WellFormed", "ThreadBudget"] },
    { spec: fleetSpec, config: withAllRemediations(small), names: ["ThreadBudget", "RoutesToCurrentOwner"] },
    { spec: systemSpec, config: smallSystem, names: ["CloudWatchLosesNoDatapoint", "StatusPostedWithin"] },
  ] as const;
  test.each([1, 2])("seed %i, three configs", (seed) => {
    for (const c of cases) {
      const search = { seed, runs: 25, maxSteps: c.spec.defaultMaxSteps };
      const invariants = named(c.spec as Spec<unknown, unknown, unknown>, ...c.names);
      const log: string[] = [];
      runCheck(
        request(
          [
            section({
              spec: c.spec as Spec<unknown, unknown, unknown>,
              config: c.config,
              invariants,
              search,
            }),
          ],
          {
            json: true,
          },
        ),
        logIo(log),
      );
      const json = JSON.parse(
        log
          .filter((e) => e.startsWith("out "))
          .map((e) => e.slice(4))
          .join(""),
      ) as {
        readonly results: ReadonlyArray<{ readonly status: string }>;
        readonly sometimes: ReadonlyArray<{ readonly name: string; readonly reached: boolean }>;
      };
      const replayed = json.results.some((r) => r.status !== "violated")
        ? sometimesInRuns(c.spec as Spec<unknown, unknown, unknown>, c.config, invariants, search).map(
            (p) => ({
              name: p.name,
              reached: p.reached,
            }),
          )
        : [];
      expect(json.sometimes).toEqual(replayed);
    }
  });
});
