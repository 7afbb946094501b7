// ---------------------------------------------------------------------------------------------------------
// bench: one section, in its own process. `child.ts SECTION quick|full [FLEET_SIZE]` prints one JSON object:
// the section's result and the process's peak RSS. Run by bench/main.ts; not meant to be run by hand.
// ---------------------------------------------------------------------------------------------------------
import { asWas } from "../model/configs/index.ts";
import { asWasStates, exhaustiveSection, shortestFor, shrinkQualityOnSmall } from "./exhaustive.ts";
import { parallelSection } from "./parallel.ts";
import {
  FULL,
  firstCounterexampleSection,
  HEADLINE,
  QUICK,
  scalingSection,
  simulationSection,
} from "./sections.ts";
import { peakRssBytes } from "./stats.ts";

const [section, mode, size] = process.argv.slice(2);
const effort = mode === "quick" ? QUICK : FULL;

const run = (): unknown => {
  switch (section) {
    case "simulation":
      return simulationSection(effort);
    case "firstCounterexample":
      return firstCounterexampleSection(effort);
    case "exhaustive":
      return exhaustiveSection(effort);
    case "shortest":
      return {
        asWas: shortestFor(asWas, HEADLINE, asWasStates(effort)),
        small: shrinkQualityOnSmall(HEADLINE),
      };
    case "scaling":
      return scalingSection(effort, Number(size));
    case "parallel":
      return parallelSection(effort);
    default:
      throw new Error(`unknown bench section ${section}`);
  }
};

const result = await run();
process.stdout.write(`${JSON.stringify({ result, peakRssBytes: peakRssBytes() })}\n`);
