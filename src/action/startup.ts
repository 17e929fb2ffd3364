/**
 * Startup speedup and verification for one file. The engine will provide both
 * (`src/engine/measure.ts`, being written by another engineer); until it lands this reports
 * nothing rather than inventing numbers: `startup` and `verified` stay null in report.json and
 * the summary leaves the startup table out.
 */
import type { PreinitOptions } from '../engine/types.js';
import type { StartupFacts } from './report.js';

export interface FileMeasurement {
  startup: StartupFacts | null;
  verified: boolean | null;
  /** A note for the report when measuring was attempted and failed. */
  warning?: string;
}

export async function measureFile(
  _input: Uint8Array,
  _output: Uint8Array,
  _options: PreinitOptions,
): Promise<FileMeasurement> {
  return { startup: null, verified: null };
}
