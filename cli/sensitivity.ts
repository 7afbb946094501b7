// ---------------------------------------------------------------------------------------------------------
// cli: `outage sensitivity [--config NAME|FILE] [--json] [--chart FILE.svg]`: each unknown parameter of the
// day's replay moved over its plausible range (analyses/unknowns.ts), and which conclusions hold over the
// whole range and which flip, and where (analyses/sensitivity.ts). The base is the config (as-was unless
// --config) on the day with the in-event fixes; docs/sensitivity.{md,json,svg} are this command's output for
// as-was. Progress (cell k of n) goes to stderr.
// ---------------------------------------------------------------------------------------------------------
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { docsSensitivity, jsonText } from "../analyses/replayDocs.ts";
import { sensitivityChartSpec, sensitivityText } from "../analyses/sensitivityReport.ts";
import { writeFileAtomic } from "../checker/corpus.ts";
import { renderSvg } from "../explain/renderSvg.ts";
import { NOV25_IN_EVENT_FIXES_FILE } from "../model/scenarios/nov25.ts";
import { loadConfigFile, writableDir, writing } from "./input.ts";
import type { Io } from "./io.ts";
import { progress } from "./progress.ts";
import { remediatedSystem } from "./specFlags.ts";

export const sensitivityCommand = (args: ReadonlyArray<string>, io: Io): number => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      config: { type: "string" },
      json: { type: "boolean" },
      chart: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  const config = remediatedSystem([], loadConfigFile(values.config));
  // Refused before the sweep, not after it.
  if (values.chart !== undefined) writableDir("--chart", dirname(values.chart));
  const bar = progress(true, io);
  const data = docsSensitivity({ config, file: NOV25_IN_EVENT_FIXES_FILE }, (i, n, p, v) =>
    bar.update(`sensitivity: cell ${i + 1} of ${n} (${p.name} = ${v})`),
  );
  bar.done();
  if (values.chart !== undefined) {
    const file = values.chart;
    const svg = renderSvg(sensitivityChartSpec(data));
    writing("--chart", file, () => writeFileAtomic(file, svg));
  }
  io.out(values.json === true ? jsonText(data) : sensitivityText(data));
  return 0;
};
