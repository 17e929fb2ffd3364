/** Builds a report.json from engine results: the one code path for the action and the CLI. */
import { promisify } from 'node:util';
import type { StartupMeasurement } from '../engine/measure.js';
import { sha256 } from '../engine/sha256.js';
import type { SnapshotFacts } from '../engine/types.js';
import { REPORT_SCHEMA, REPORT_VERSION, type Compression, type FileReport, type Report, type Sizes, type StartupFacts } from './schema.js';

/** compressed-size-action's levels, used up to AUTO_FULL_UP_TO bytes. */
export const GZIP_LEVEL = 9;
export const BROTLI_QUALITY = 11;
/**
 * Past this size `auto` compresses at gzip 6 and brotli 5: within a few percent of 9 and 11 at a
 * small fraction of the time (brotli 11 costs about a second per MiB: minutes for a large snapshot).
 */
export const AUTO_FULL_UP_TO = 2 ** 20;
const AUTO_LARGE: Compression = { gzipLevel: 6, brotliQuality: 5 };

/** A fixed brotli quality, or `auto` (levels by the file's size). */
export type BrotliSetting = number | 'auto';

/** The levels for a file whose larger side (input or output) is `size` bytes. */
export function compressionFor(size: number, brotli: BrotliSetting): Compression {
  if (brotli !== 'auto') return { gzipLevel: GZIP_LEVEL, brotliQuality: brotli };
  return size <= AUTO_FULL_UP_TO ? { gzipLevel: GZIP_LEVEL, brotliQuality: BROTLI_QUALITY } : AUTO_LARGE;
}

/** Raw, gzip and brotli sizes and SHA-256, compressed on libuv's threads (not this one). */
export async function measureSizes(bytes: Uint8Array, compression: Compression): Promise<Sizes & { sha256: string }> {
  // Loaded here: a CLI run without a report never compresses, and zlib takes milliseconds to load.
  const zlib = await import('node:zlib');
  const gzip = promisify(zlib.gzip);
  const brotliCompress = promisify(zlib.brotliCompress);
  const [gz, br] = await Promise.all([
    gzip(bytes, { level: compression.gzipLevel }),
    brotliCompress(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: compression.brotliQuality,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_GENERIC,
      },
    }),
  ]);
  const hex = sha256().update(bytes).digest('hex');
  return { raw: bytes.length, gzip: gz.length, brotli: br.length, sha256: hex };
}

/** A file that has no output (it failed): its input alone, at the levels for its size. */
export async function recordInput(entry: FileReport, input: Uint8Array, brotli: BrotliSetting): Promise<void> {
  entry.compression = compressionFor(input.length, brotli);
  entry.input = await measureSizes(input, entry.compression);
}

export interface MeasuredPair {
  input: Sizes & { sha256: string };
  after: Sizes & { sha256: string };
  compression: Compression;
}

/** Both sides of a file at the same levels (chosen by the larger), so their change is like for like. */
export async function measurePair(input: Uint8Array, output: Uint8Array, brotli: BrotliSetting): Promise<MeasuredPair> {
  const compression = compressionFor(Math.max(input.length, output.length), brotli);
  const [i, o] = await Promise.all([measureSizes(input, compression), measureSizes(output, compression)]);
  return { input: i, after: o, compression };
}

export function percent(delta: number, of: number): number {
  if (of === 0) return delta === 0 ? 0 : 100;
  return Math.round((delta / of) * 10000) / 100;
}

export function geometricMean(values: number[]): number | null {
  const v = values.filter((x) => Number.isFinite(x) && x > 0);
  if (v.length === 0) return null;
  return Math.exp(v.reduce((s, x) => s + Math.log(x), 0) / v.length);
}

export function sumSizes(files: FileReport[], pick: (f: FileReport) => Sizes | null): Sizes {
  const t = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const s = pick(f);
    if (!s) continue;
    t.raw += s.raw;
    t.gzip += s.gzip;
    t.brotli += s.brotli;
  }
  return t;
}

export function runUrl(env: NodeJS.ProcessEnv): string | null {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return null;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/** Where this run happened: the workflow run when there is one (the CLI inside a job, too), else nulls. */
export function runContext(env: NodeJS.ProcessEnv, prNumber: number | null): Report['run'] {
  return {
    repository: env.GITHUB_REPOSITORY ?? null,
    sha: env.GITHUB_SHA ?? null,
    ref: env.GITHUB_REF ?? null,
    runId: env.GITHUB_RUN_ID ?? null,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? null,
    eventName: env.GITHUB_EVENT_NAME ?? null,
    prNumber,
    url: runUrl(env),
  };
}

export function newReport(tool: Report['tool'], run: Report['run'], options: Report['options'], brotli: BrotliSetting): Report {
  const zero = { raw: 0, gzip: 0, brotli: 0 };
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    tool,
    createdAt: new Date().toISOString(),
    run,
    options,
    compression: brotli === 'auto' ? { gzipLevel: 'auto', brotliQuality: 'auto' } : { gzipLevel: GZIP_LEVEL, brotliQuality: brotli },
    files: [],
    totals: { files: 0, succeeded: 0, failed: 0, input: zero, after: zero, change: { bytes: 0, percent: 0 }, speedup: null, base: null },
    removed: [],
    budget: null,
    baseReport: null,
  };
}

/** A file that has not (yet) succeeded: `error` says why once something failed. */
export function fileEntry(path: string): FileReport {
  return {
    path,
    output: null,
    status: 'error',
    error: null,
    kind: null,
    input: { raw: 0, gzip: 0, brotli: 0, sha256: '' },
    after: null,
    change: null,
    snapshot: null,
    timings: null,
    startup: null,
    verified: null,
    optimized: null,
    reproducible: null,
    warnings: [],
    base: null,
  };
}

/**
 * Marks an entry as succeeded with the engine's facts and both sides' sizes. Its time is the sum
 * of its stages: this file's own work, not the time it waited for a core or a thread.
 */
export function recordSuccess(entry: FileReport, output: { path: string; sizes: MeasuredPair }, facts: SnapshotFacts): void {
  entry.status = 'ok';
  entry.error = null;
  entry.kind = facts.kind;
  entry.output = output.path;
  entry.input = output.sizes.input;
  entry.after = output.sizes.after;
  entry.compression = output.sizes.compression;
  const delta = entry.after.raw - entry.input.raw;
  entry.change = { bytes: delta, percent: percent(delta, entry.input.raw) };
  entry.snapshot = { globals: facts.globals, memories: facts.memories, dataSegments: facts.dataSegments, wasiCalls: facts.wasiCalls };
  const totalMs = Object.values(facts.timings).reduce((sum, ms) => sum + (ms ?? 0), 0);
  entry.timings = { ...facts.timings, totalMs: Math.round(totalMs * 100) / 100 };
  entry.warnings = [...facts.warnings];
  entry.verified = typeof facts.verified === 'boolean' ? facts.verified : null;
  entry.optimized = facts.optimized ?? null;
  entry.reproducible = facts.reproducible ?? null;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The report's view of a startup measurement: cold medians and both speedups. */
export function startupFacts(m: StartupMeasurement): StartupFacts {
  return {
    inputMs: round3(m.cold.input.total.median),
    outputMs: round3(m.cold.output.total.median),
    speedup: round3(m.cold.speedup),
    cachedSpeedup: round3(m.cached.speedup),
    iterations: m.iterations,
    engine: m.engine,
    interval: { low: round3(m.cold.interval.low), high: round3(m.cold.interval.high), confidence: round3(m.cold.interval.confidence) },
  };
}

export function finishTotals(report: Report): void {
  const ok = report.files.filter((f) => f.status === 'ok');
  const input = sumSizes(ok, (f) => f.input);
  const after = sumSizes(ok, (f) => f.after);
  report.totals = {
    ...report.totals,
    files: report.files.length,
    succeeded: ok.length,
    failed: report.files.length - ok.length,
    input,
    after,
    change: { bytes: after.raw - input.raw, percent: percent(after.raw - input.raw, input.raw) },
    speedup: geometricMean(ok.map((f) => f.startup?.speedup ?? NaN)),
  };
}
