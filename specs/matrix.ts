// ---------------------------------------------------------------------------------------------------------
// specs: the remediation matrix document, docs/remediation-matrix.md: the fleet's matrix (specs/fleet/matrix.ts),
// a blank line, then the system's (specs/system/matrix.ts), both built and rendered by checker/matrix.ts.
// `npx outage matrix` writes it (asynchronously: the fleet's cells await Z3); `npm test` requires the committed file to be current, part by part.
// ---------------------------------------------------------------------------------------------------------
import { buildMatrix } from "../checker/matrix.ts";
import { renderMatrix } from "../checker/matrixMarkdown.ts";
import type { Config, RemediationName } from "../model/config.ts";
import type { DependentRemediationName, SystemConfig } from "../model/dependents/config.ts";
import { fleetMatrix, fleetMatrixFor, proveProvedCells, withFleetProofs } from "./fleet/matrix.ts";
import { SYSTEM_MATRIX_HEADING, systemMatrix, systemMatrixFor } from "./system/matrix.ts";

export const MATRIX_PATH = "docs/remediation-matrix.md";

export interface MatrixParts {
  readonly fleet: string;
  readonly system: string;
}

export const joinMatrixParts = (parts: MatrixParts): string => `${parts.fleet}\n${parts.system}`;

/** The two parts of a matrix document (the system's empty when the document has none). */
export const splitMatrixParts = (text: string): MatrixParts => {
  const i = text.indexOf(`\n${SYSTEM_MATRIX_HEADING}\n`);
  return i < 0 ? { fleet: text, system: "" } : { fleet: text.slice(0, i), system: text.slice(i + 1) };
};

/** A matrix document on other numbers or fewer remediations than the committed one (`matrix --config`). */
export interface MatrixOn {
  /** Random search's config for the fleet's part, and for the dependents' part. */
  readonly fleet: Config;
  readonly system: SystemConfig;
  /** The remediations varied in each part. */
  readonly coreOptions: ReadonlyArray<RemediationName>;
  readonly dependentOptions: ReadonlyArray<DependentRemediationName>;
}

/**
 * The whole document, generated (tens of seconds: the searches, then Z3's proofs of the cells they proved);
 * `onProgress` hears what is being done, by spec. Without `on`, the committed one: random search on as-was,
 * every remediation.
 */
export const matrixDocument = async (onProgress?: (what: string) => void, on?: MatrixOn): Promise<string> => {
  const fleetSubject = on === undefined ? fleetMatrix : fleetMatrixFor(on.fleet, on.coreOptions);
  const system = on === undefined ? systemMatrix : systemMatrixFor(on.system, on.dependentOptions);
  const fleet = buildMatrix(fleetSubject, (what) => onProgress?.(`fleet: ${what}`));
  const proofs = await proveProvedCells(fleet, (what) => onProgress?.(`fleet: ${what}`));
  return joinMatrixParts({
    fleet: renderMatrix(fleetSubject, withFleetProofs(fleet, proofs)),
    system: renderMatrix(
      system,
      buildMatrix(system, (what) => onProgress?.(`system: ${what}`)),
    ),
  });
};
