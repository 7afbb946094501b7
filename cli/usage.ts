// ---------------------------------------------------------------------------------------------------------
// cli: the help text, `npx outage help` and `npx outage COMMAND --help`, and `--version`. Kept apart from the
// commands, and built from light imports only (names and defaults, not the engine), so that the process
// entry (cli/outage.ts) answers a help or version request without loading the rest.
// ---------------------------------------------------------------------------------------------------------
import { DEFAULT_RUNS, DEFAULT_SEED } from "../checker/defaults.ts";
import { REMEDIATION_NAMES } from "../model/config.ts";
import { BUILTIN_CONFIG_NAMES } from "../model/configs/names.ts";
import { DEPENDENT_REMEDIATION_NAMES } from "../model/dependents/config.ts";
import { INVARIANT_NAMES, SYSTEM_INVARIANT_NAMES } from "../properties/names.ts";
import { FLEET_MAX_STEPS, SYSTEM_MAX_STEPS } from "../specs/defaults.ts";
import { packageVersion } from "./version.ts";

export const USAGE = `outage: a formal model of the 25 Nov 2020 AWS Kinesis outage, and a checker for it

Usage:
  npx outage check [--config NAME|FILE] [--remediation NAME ...] [--invariant NAME ...]
                   [--seed N] [--path P] [--runs N] [--max-steps N] [--out DIR | --no-save] [--near-miss DIR]
                   [--json | --expect] [--out-itf FILE]
      Random search (fast-check) for a violation of each invariant; failures are shrunk to a minimal
      trace and saved in DIR (default counterexamples/). Exit 0 if all hold, 1 if one is violated.
      With --near-miss DIR, the run that came closest to breaking each invariant that holds is saved in
      DIR as a trace (ending at its closest state) that replay reproduces and explain opens.
      Results are printed as they are known: a spec's report when its search ends, a violation found
      before that on stderr at once; progress (runs of total, steps, then shrinking with its attempts)
      goes to stderr at least every 2 s.
      With --expect, each verdict is judged against the outcome recorded for its config (as-was's
      violations are expected) and a last line says whether all matched: exit 1 only if one did not.
  npx outage replay FILE ... [--config NAME|FILE] [--remediation NAME ...]
      Re-run saved counterexamples under their own config; exit 0 if every one still reproduces. A FILE may
      be an ITF trace (one that check or verify wrote, or a Quint run's): its states must agree with step's;
      --config gives the config of a trace that records none (spec/fleet.qnt's constants are small's).
      With --remediation: does this fix stop this exact trace? The saved operations run under their config
      with the remediations on: STOPPED (the invariant holds; the operation now refused, if one is) or
      NOT STOPPED (where it still fails); exit 0 if the fix stops every trace, 1 otherwise.
  npx outage explain FILE [--out OUT.md] [--svg OUT.svg] [--html OUT.html] [--format md|itf]
                     [--config NAME|FILE]
      Explain a saved counterexample for a design review: Markdown (stdout, or --out) with the story step
      by step, a Mermaid diagram and an SVG chart (written only with --out, beside it as OUT.svg, or to
      --svg; --chart is its old name); --html writes a self-contained trace explorer; --format itf prints
      the Informal Trace Format. It writes only what is asked, and refuses (exit 2) an output that is its
      input file.
      A near miss that check saved (its near-miss folder) is explained the same way, at its closest step.
  npx outage config [NAME]
      Print a built-in config as a JSON config file, the starting point for your own (default as-was), with
      the dependent services' numbers in its optional "dependents" section (as-was's, or small-system's own),
      and "$schema" naming docs/config.schema.json (as the package installs it) for editors.
  npx outage scenario 2020-11-25|SCENARIO.json [--config NAME|FILE] [--remediation NAME ...]
                      [--json | --save-corpus FILE]
      Replay 25 Nov 2020 on the as-was system, or --config's (5-minute ticks from 02:40 PST): the timeline of
      failures and recoveries per service, each one's first failure and recovery time, then detection: the
      first alarm (detect) and the first alarm naming the root cause (diagnose), against the record's 05:15
      and 09:39 (as-was has no thread alarm, K10: its diagnosis is the record's 4 h 24 m, not predicted;
      with --remediation threadAlarm it is R2's alarm; docs/alarms.md). --remediation (core or
      dependent names, or all) runs the same operations under the remediated system. A SCENARIO.json file
      gives other operator actions (docs/scenario.schema.json: capacity added and removed, restart schedule
      and pace, flags or a thread limit deployed mid-event); examples/scenarios/2020-11-25.json is the day,
      2020-11-25-in-event-fixes.json adds Cognito's (10:15) and Lambda's (10:36) fixes, and
      2020-11-25-fast-restart.json restarts four at a time with the health check on (its setbacks, K11, are
      events of the timeline). --save-corpus
      writes the as-was day (config, operations, expected timeline) to FILE (the committed copy:
      counterexamples/scenarios/2020-11-25.json, checked by npm test).
  npx outage recovery [--config NAME|FILE] [--remediation NAME ...] [--k K] [--pace N[/D]] [--seed N] [--runs N] [--json]
      For each variant of the config (as-was unless --config, with the remediations named: itself, R8, R4 cold
      start, R4+R8, K14 self-healing maps, all): does every service recover within K ticks (default 150) of
      the trigger's removal, with no push and with a paced restart, and the slowest recovery seen. --pace N/D
      also restarts N frontends every D ticks (N alone: every tick), with the health check removing slow
      frontends (K11; after the first setback the operators hold removed frontends and fall back to r_safe),
      and prints both restarts' setbacks and the safe pace r_safe (MP8, docs/load.md). Exit 0 if the
      paced restart (and the --pace one) recovers within K under every config. Progress goes to stderr.
  npx outage sensitivity [--config NAME|FILE] [--json] [--chart FILE.svg]
      Move each unknown parameter of the day's replay (thread-limit margin, fleet size, propagation delay,
      bootstrap time, Cognito's and Lambda's buffers, restart pace, offered load, bootstrap cost, health-check
      threshold) over its plausible range, one at a time,
      on the config (as-was unless --config) with the day's in-event fixes, and say which conclusions (the
      record's order of failures; the trigger metastable; which single fleet remediation keeps every service
      up; whether a restart at 4× the safe pace recovers later or never) hold over the whole range and where
      they flip. --chart writes the grid as an SVG (Vega-Lite; for
      as-was: docs/sensitivity.svg). Takes several seconds; progress goes to stderr.
  npx outage blast-radius SERVICE [--config NAME|FILE] [--remediation NAME ...] [--json]
      Everything that transitively depends on SERVICE (kinesis, cognito, cloudwatch, autoscaling, lambda,
      eventbridge, ecs, eks, dashboard, customer); the dependent remediations on (the config file's and those
      named) cut the dependencies they isolate; core remediations are listed but cut none. For kinesis with
      cellularization (R7) on, also MP10: each cell failed in turn, the goodput kept against (1 − 1/c) of
      baseline with the load spread evenly and with the config's hot cell, and whether CloudWatch's ingest
      (R6: on its own partitioned fleet or not) still sees Kinesis.
  npx outage verify [--config NAME|FILE] [--remediation NAME ...] [--invariant NAME ...]
                    [--max-depth N] [--max-states N] [--budget-seconds N] [--workers N]
                    [--out DIR | --no-save] [--json] [--out-itf FILE]
      Exhaustive breadth-first search of every reachable state of the config, within the bounds: per invariant
      PROVED (all of that config's states explored), BOUNDED (no violation within the depth reached) or
      VIOLATED (a shortest trace on that config, saved in DIR).
      Defaults: --max-depth 100, --max-states 50000, no time budget; --budget-seconds N stops cleanly after
      N seconds with BOUNDED (never PROVED) for what was not violated. Progress (states, depth, rate, memory,
      time left) goes to stderr at least every 2 s. --workers N expands each large level of the fleet's
      search in N threads (one per core: this one and N - 1 workers): the same output, byte for byte.
      Dependent invariants named with --invariant (all of them with --config small-system, the dependents'
      checking config) are explored over systemStep: the fleet plus the invariant's cone of influence.
  npx outage verify --inductive [--config NAME|FILE] [--remediation NAME ...] [--invariant NAME ...]
                    [--samples N] [--max-enumerate N] [--json]
      Search for a counterexample to induction of each invariant (and of the strengthened invariants of the
      remediations on): a state satisfying it that an operation leads out of it. Small fleets are
      enumerated, larger ones sampled; finding none is not a proof (that is \`prove\`).
  npx outage prove [--spec fleet|system] [--remediation NAME ...|--matrix] [--invariant NAME ...]
                   [--out DIR | --no-save] [--json]
      Prove every core invariant (or those named) with Z3 for every value of the parameters (fleet size
      unbounded, thread figures, cellSize, largerServerFactor, propagationDelayTicks, bootstrapTicks, ...):
      per remediation set (default: as-was, each remediation alone, and all; or the set named, "none" for
      as-was; or with --matrix every row of docs/remediation-matrix.md) the named inductive invariants are
      tried in order until one is PROVED under its printed side condition over the scope it prints (every
      fleet size, or the fleets within the capacity plan), with whether the condition is also needed
      (necessary: a reachable violation for every value breaking it; sufficient only; reachable without it:
      the model's search finds a violation at one value breaking it; or unknown within 20 s), or NOT
      INDUCTIVE with Z3's counterexample to induction (for ThreadBudget and RoutesToCurrentOwner replayed
      through the model on a concrete fleet; when the model reaches it, the trace is made 1-minimal and saved
      in DIR like any counterexample, for replay and explain). docs/prove.md. Then one line: preflight's closed form proved equal to the model's
      thread accounting for all parameters; then the proofs' named assumption (CellBookkeeping), not proved. Exit 0 when every invariant asked is PROVED under every set and
      the closed form is proved, 1 otherwise.
      --spec system proves the dependents' bounds instead (CognitoNeverBlocksOnKinesisBuffer,
      CloudWatchLosesNoDatapoint, LambdaUnaffectedByCloudWatch) for every buffer size, rate, horizon and
      threshold, Kinesis up or down at every event: per set (default: as-was, each of cognitoNonBlockingBuffer,
      cloudwatchLocalBuffer, cloudwatchPartitionedFleet, lambdaBoundedMetricBuffer, and all) PROVED or NOT
      INDUCTIVE with Z3's counterexample, and witness runs proved for the other direction (the violation
      reached from the initial state; R10's horizon tight). Exit 0 when every verdict is the one the
      invariant's remedies predict and every witness run is proved, 1 otherwise.
  npx outage matrix [--config NAME|FILE] [--remediation NAME ...] [--out FILE] [--check]
      Regenerate docs/remediation-matrix.md: every invariant under every remediation set (none, each alone,
      all, all but one) with its verdict and evidence level (a cell exhaustive search proves is raised to
      "proved for all parameters" where Z3 proves it too), the minimal remediation sets and interactions;
      then the same for the dependent invariants and the dependent remediation sets.
      --check only compares with the file (exit 1 if out of date). --config runs random search on that
      config (exhaustive search stays on small and small-system); --remediation varies only the remediations
      named. With either, the matrix goes to stdout unless --out FILE.
  npx outage preflight --fleet N --add K [--config NAME|FILE] [--remediation NAME ...]
                       [--confirm [--budget-seconds N] [--search-limit N]] [--json]
      Is adding K servers' worth to a fleet of N safe? Answered at once from the closed form
      base + perPeer × (n − 1) ≤ limit (tested equal to the model's simulation), with the largest safe
      addition. --confirm also simulates the addition through the model (progress on stderr): SAFE, or
      UNSAFE with the first invariant that breaks and the trace, the largest safe addition found by
      simulation, and whether it agrees with the closed form; a simulation stopped by --budget-seconds
      (default 60) says how far it got and the closed form's answer stands. Exit 0 safe, 1 unsafe.
  npx outage help, npx outage COMMAND --help
  npx outage --version
      Print the package's version (also -V).

Options:
  --config NAME|FILE   built-in config (${BUILTIN_CONFIG_NAMES.join(", ")}) or a JSON file; default as-was
                       (replay, explain: no default; the config of an ITF trace that records none)
  --remediation NAME   turn a remediation on (repeatable, or comma-separated); "all" turns every one on:
                       ${REMEDIATION_NAMES.join(", ")}
  --invariant NAME     check only this invariant (repeatable): ${INVARIANT_NAMES.join(", ")}
  --seed N             fast-check seed (default ${DEFAULT_SEED}); same seed, same output
  --path P             fast-check replay path (as printed for a near miss): start the search at that run
  --runs N             random runs per invariant (default ${DEFAULT_RUNS})
  --max-steps N        longest generated operation sequence (default ${FLEET_MAX_STEPS})
  --out DIR            where counterexamples are saved (default counterexamples)
  --no-save            save nothing
  --near-miss DIR      check: save the near miss of each invariant that holds in DIR, as a trace for explain
  --out-itf FILE       check, verify: also write each counterexample as an ITF trace (mbt::actionTaken and
                       mbt::nondetPicks, as quint --mbt) to FILE, or FILE.INVARIANT.itf.json when several
  --json               one JSON object on stdout (progress stays on stderr)
  --expect             check: exit 0 if every verdict is the one recorded for the config (npm run check)
  --max-depth N        verify: explore at most N operations from the start (default 100)
  --max-states N       verify: stop once N states are visited (default 50000)
  --workers N          verify: expand each level in N threads, N - 1 of them workers (default 1, at most 64; same output)
  --inductive          verify: search for counterexamples to induction instead of exploring reachable states
  --samples N          verify --inductive: fast-check samples of larger fleets (default 20000)
  --max-enumerate N    verify --inductive: enumerate fleets whose domain has at most N states (default 1000000)
  --fleet N, --add K   preflight: the fleet today and the proposed addition, in servers' worth
  --confirm            preflight: confirm the closed form by simulating the addition through the model
  --budget-seconds N   verify, preflight --confirm: stop the search after N seconds (preflight's default 60)
  --search-limit N     preflight --confirm: largest addition tried when looking for the largest safe one
  --check              matrix: compare with the file instead of writing it
  --spec fleet|system   prove: the fleet's core invariants (default) or the dependents' bounds
  --matrix             prove: under every row of the remediation matrix

Dependents (checked by \`check\` too, over system traces of up to ${SYSTEM_MAX_STEPS} steps unless --max-steps):
  --invariant NAME     also: ${SYSTEM_INVARIANT_NAMES.join(", ")}
  --remediation NAME   also: ${DEPENDENT_REMEDIATION_NAMES.join(", ")}

Exit codes: 0 holds / reproduces / agrees / safe; 1 violated / does not reproduce / unsafe / out of date;
  2 bad input or an I/O error (one line on stderr naming the flag, file or field), or verify refusing a
    verdict because its compiled search disagrees with step;
  3 internal error: a bug in the tool, not in your input (please report it with the command line);
  4 vacuous (check, verify): nothing violated, but the search never reached something a verdict is about
    (its "non-vacuity" lines say what), so a HOLDS or PROVED there is reported VACUOUS, not as proof.
`;

/**
 * `npx outage COMMAND --help`: that command's paragraphs of USAGE (a command may have several, as verify
 * does), then the options and exit codes; undefined for a command USAGE does not describe.
 */
export const commandUsage = (command: string): string | undefined => {
  const [head = "", tail = ""] = USAGE.split("\nOptions:\n");
  const paragraphs = head.split(/\n(?= {2}npx outage )/).slice(1);
  const mine = paragraphs.filter(
    (p) => p.startsWith(`  npx outage ${command} `) || p === `  npx outage ${command}`,
  );
  if (mine.length === 0) return undefined;
  const synopsis = mine.join("\n");
  // The options block, the dependents' block and the exit codes, separated by blank lines: the first two keep
  // only the entries this command's synopsis names, and a block left with none is dropped.
  const blocks = `Options:\n${tail}`
    .trimEnd()
    .split("\n\n")
    .flatMap((block) => {
      const [heading = "", ...lines] = block.split("\n");
      if (!lines[0]?.startsWith("  --")) return [block];
      const kept = optionsNamedIn(lines.join("\n"), synopsis);
      return kept === "" ? [] : [`${heading}\n${kept}`];
    });
  return `Usage:\n${synopsis}\n\n${blocks.join("\n\n")}\n`;
};

/**
 * The entries of an options block (an entry: a line starting with its flags, and the lines indented under it)
 * that `synopsis` names with the same argument, e.g. "--out DIR" (check) but not for "--out FILE" (matrix):
 * a command's --help lists only what it takes (`scenario --help` listed --seed, which scenario rejects).
 */
const optionsNamedIn = (entries: string, synopsis: string): string =>
  entries
    .split(/\n(?= {2}--)/)
    .filter((entry) =>
      (entry.trim().split(/ {3,}/)[0] ?? "")
        .split(", ")
        .some((label) => new RegExp(`${label.replace(/[|]/g, "\\|")}(?![a-zA-Z-])`).test(synopsis)),
    )
    .join("\n");

/** What to print for a help or version request (`help`, `--help`, `-h`, `COMMAND --help`, `--version`), if `argv` is one. */
export const helpRequest = (argv: ReadonlyArray<string>): string | undefined => {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") return USAGE;
  if (command === "--version" || command === "-V") return `${packageVersion()}\n`;
  const help = commandUsage(command);
  return help !== undefined && (rest.includes("--help") || rest.includes("-h")) ? help : undefined;
};
