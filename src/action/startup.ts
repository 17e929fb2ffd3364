/**
 * Startup speedup for one file, measured by the engine (`measureStartup`): the input compiled,
 * instantiated and initialized against the output compiled and instantiated, in this V8 (core
 * modules and components alike).
 */
import { describeError, measureStartup } from '../engine/index.js';
import type { PreinitOptions } from '../engine/types.js';
import type { StartupFacts } from './report.js';

export interface FileMeasurement {
  startup: StartupFacts | null;
  /** A note for the report when measuring was attempted and failed. */
  warning?: string;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function measureFile(
  input: Uint8Array,
  output: Uint8Array,
  options: PreinitOptions,
  iterations: number | undefined,
): Promise<FileMeasurement> {
  try {
    const m = await measureStartup(input, output, { ...options, stdout: () => {}, stderr: () => {} }, iterations ? { iterations } : {});
    return {
      startup: {
        inputMs: round(m.cold.input.total.median),
        outputMs: round(m.cold.output.total.median),
        speedup: round(m.cold.speedup),
        cachedSpeedup: round(m.cached.speedup),
        iterations: m.iterations,
        engine: m.engine,
      },
    };
  } catch (e) {
    return { startup: null, warning: `startup not measured: ${describeError(e)}` };
  }
}
