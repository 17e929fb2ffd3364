/**
 * Measure: the startup speedup of one file, by the engine's `measureStartup` (the input compiled,
 * instantiated and initialized against the output compiled and instantiated, in this V8).
 * Called one file at a time, never while other files run.
 */
import * as fs from 'node:fs';
import { describeError } from '../engine/errors.js';
import type { MeasureOptions } from '../engine/measure.js';
import type { PreinitOptions } from '../engine/types.js';
import { startupFacts } from '../report/build.js';
import type { FileReport } from '../report/schema.js';

/** `input` is the input as read when the output replaced it (in place); else both are read back from disk. */
export async function measureStartupOf(
  entry: FileReport,
  files: { input: string; output: string },
  inputBytes: Uint8Array | null,
  options: PreinitOptions,
  measure: MeasureOptions,
): Promise<void> {
  try {
    const input = inputBytes ?? new Uint8Array(await fs.promises.readFile(files.input));
    const output = new Uint8Array(await fs.promises.readFile(files.output));
    // Loaded only when measuring: the action starts without the engine's stages.
    const { measureStartup } = await import('../engine/measure.js');
    const m = await measureStartup(input, output, { ...options, stdout: () => {}, stderr: () => {} }, measure);
    entry.startup = startupFacts(m);
  } catch (e) {
    entry.warnings.push(`startup not measured: ${describeError(e)}`);
  }
}
