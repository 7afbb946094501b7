// ---------------------------------------------------------------------------------------------------------
// model: the scenarios `npx outage scenario NAME` replays, by name (any other scenario comes from a file).
// ---------------------------------------------------------------------------------------------------------
import { NOV25 } from "./nov25.ts";
import type { Scenario } from "./scenario.ts";

export const SCENARIOS: Readonly<Record<string, Scenario>> = { [NOV25.name]: NOV25 };
