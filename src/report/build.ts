/** Builds a report.json from engine results: the one code path for the action and the CLI. */
import * as crypto from 'node:crypto';
import * as zlib from 'node:zlib';
import type { StartupMeasurement } from '../engine/measure.js';
import type { SnapshotFacts } from '../engine/types.js';
import { REPORT_SCHEMA, REPORT_VERSION, type FileReport, type Report, type Sizes, type StartupFacts } from './schema.js';

export const GZIP_LEVEL = 9;
export const BROTLI_QUALITY = 11;

export function measureSizes(bytes: Uint8Array, brotliQuality = BROTLI_QUALITY): Sizes & { sha256: string } {
  const gzip = zlib.gzipSync(bytes, { level: GZIP_LEVEL }).length;
  const brotli = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_GENERIC,
    },
  }).length;
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  return { raw: bytes.length, gzip, brotli, sha256 };
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

export function newReport(tool: Report['tool'], run: Report['run'], options: Report['options'], brotliQuality: number): Report {
  const zero = { raw: 0, gzip: 0, brotli: 0 };
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    tool,
    createdAt: new Date().toISOString(),
    run,
    options,
    compression: { gzipLevel: GZIP_LEVEL, brotliQuality },
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

/** Marks an entry as succeeded with the engine's facts; `totalMs` is this file's own time. */
export function recordSuccess(entry: FileReport, output: { path: string; sizes: Sizes & { sha256: string } }, facts: SnapshotFacts, totalMs: number): void {
  entry.status = 'ok';
  entry.error = null;
  entry.kind = facts.kind;
  entry.output = output.path;
  entry.after = output.sizes;
  const delta = output.sizes.raw - entry.input.raw;
  entry.change = { bytes: delta, percent: percent(delta, entry.input.raw) };
  entry.snapshot = { globals: facts.globals, memories: facts.memories, dataSegments: facts.dataSegments, wasiCalls: facts.wasiCalls };
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
