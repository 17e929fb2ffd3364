/** Reports built by hand for the action's pure parts (Markdown, chart, comparisons). */
import { finishTotals } from '../../src/report/build.js';
import { REPORT_SCHEMA, REPORT_VERSION, type FileReport, type Report } from '../../src/report/schema.js';

/** A file of `before` bytes that became `after` bytes (null: it failed). */
export function file(p: string, before: number, after: number | null): FileReport {
  return {
    path: p,
    output: after === null ? null : p,
    status: after === null ? 'error' : 'ok',
    error: after === null ? 'the input is empty' : null,
    kind: after === null ? null : 'module',
    input: { raw: before, gzip: before, brotli: before, sha256: 'x' },
    after: after === null ? null : { raw: after, gzip: after, brotli: after, sha256: 'y'.repeat(64) },
    change: after === null ? null : { bytes: after - before, percent: 0 },
    snapshot: after === null ? null : { globals: 1, memories: [], dataSegments: 0, wasiCalls: {} },
    timings: after === null ? null : { parse: 1, instrument: 1, run: 1, snapshot: 1, rewrite: 1, totalMs: 5 },
    startup: null,
    verified: after === null ? null : true,
    optimized: null,
    reproducible: null,
    warnings: [],
    base: null,
  };
}

export function report(files: FileReport[]): Report {
  const zero = { raw: 0, gzip: 0, brotli: 0 };
  const r: Report = {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    tool: { name: 'preinit-action', version: 'test' },
    createdAt: '2026-01-01T00:00:00Z',
    run: { repository: 'o/r', sha: null, ref: null, runId: '1', runAttempt: '1', eventName: 'pull_request', prNumber: 1, url: 'https://github.com/o/r/actions/runs/1' },
    options: { initFunc: 'wizer-initialize', keepInitFunc: false, renames: [], allowWasi: false, inheritEnv: false, envNames: [], dirs: [], preloads: [], verify: true, deterministic: false, optimize: false, maxMemory: null, initTimeoutMs: 60000, measureStartup: false },
    compression: { gzipLevel: 9, brotliQuality: 11 },
    files,
    totals: { files: 0, succeeded: 0, failed: 0, input: zero, after: zero, change: { bytes: 0, percent: 0 }, speedup: null, base: null },
    removed: [],
    budget: null,
    baseReport: null,
  };
  finishTotals(r);
  return r;
}
