/**
 * report.json: a versioned, self-describing record of one run. A later run reads it back as its
 * `base-report`, so the shape only grows (new optional fields); breaking changes bump the version.
 */
import * as crypto from 'node:crypto';
import * as zlib from 'node:zlib';
import type { SizeLimit } from './inputs.js';
import type { OptimizeLevel } from '../engine/types.js';

export const REPORT_SCHEMA = 'preinit-action/report';
export const REPORT_VERSION = 1;

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface StartupFacts {
  /** Median milliseconds to compile + instantiate + initialize the input (ready to use). */
  inputMs: number;
  /** Median milliseconds to compile + instantiate the pre-initialized output. */
  outputMs: number;
  /** inputMs / outputMs (a fresh compile each time: a process that starts the module once). */
  speedup: number;
  /** The same with one compiled module reused (a host instantiating many times). */
  cachedSpeedup?: number;
  /** Measured iterations per side. */
  iterations?: number;
  /** Where it was measured, e.g. `V8 12.4 (Node 24.21.0)`. */
  engine?: string;
}

export interface FileReport {
  /** Input path relative to the working directory (`/`-separated). */
  path: string;
  /** Output path inside the artifact / output directory (`/`-separated); null on failure. */
  output: string | null;
  status: 'ok' | 'error';
  /** The one-line cause when status is `error`. */
  error: string | null;
  kind: 'module' | 'component' | null;
  input: Sizes & { sha256: string };
  after: (Sizes & { sha256: string }) | null;
  /** after - input, raw bytes, and the same as a percentage of the input. */
  change: { bytes: number; percent: number } | null;
  snapshot: {
    globals: number;
    memories: Array<{ index: number; pagesBefore: number; pagesAfter: number; pageSize: number; dataBytes: number }>;
    dataSegments: number;
    wasiCalls: Record<string, number>;
  } | null;
  timings: { parse: number; instrument: number; run: number; snapshot: number; rewrite: number; totalMs: number } | null;
  /** Null until startup measurement is available for this file. */
  startup: StartupFacts | null;
  /** True/false once the output was checked to behave like the initialized input; null when not checked. */
  verified: boolean | null;
  /** Sizes around Binaryen when `optimize` ran on this file. */
  optimized: { level: OptimizeLevel; before: number; after: number } | null;
  warnings: string[];
  /** Filled when a base report is given: the output size there and the change against it. */
  base: BaseComparison | null;
}

export interface BaseComparison {
  /** Output raw size in the base report (null: the file is new). */
  raw: number | null;
  gzip: number | null;
  brotli: number | null;
  /** Current output raw size - base output raw size (null when either is missing). */
  bytes: number | null;
  percent: number | null;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  version: typeof REPORT_VERSION;
  tool: { name: string; version: string };
  createdAt: string;
  run: {
    repository: string | null;
    sha: string | null;
    ref: string | null;
    runId: string | null;
    runAttempt: string | null;
    eventName: string | null;
    prNumber: number | null;
    url: string | null;
  };
  options: {
    initFunc: string;
    keepInitFunc: boolean;
    renames: Array<{ dst: string; src: string }>;
    allowWasi: boolean;
    inheritEnv: boolean;
    /** Names only: values may be secrets. */
    envNames: string[];
    dirs: string[];
    preloads: string[];
    verify: boolean;
    deterministic: boolean;
    optimize: OptimizeLevel | false;
    maxMemory: number | null;
    initTimeoutMs: number;
    measureStartup: boolean;
  };
  compression: { gzipLevel: number; brotliQuality: number };
  files: FileReport[];
  totals: {
    files: number;
    succeeded: number;
    failed: number;
    /** Sums over the files that succeeded. */
    input: Sizes;
    after: Sizes;
    change: { bytes: number; percent: number };
    /** Geometric mean of per-file startup speedups; null when none was measured. */
    speedup: number | null;
    base: BaseComparison | null;
  };
  removed: Array<{ path: string; raw: number }>;
  budget: { limit: string; against: 'base' | 'input'; increase: number; allowed: number; exceeded: boolean } | null;
  baseReport: { path: string; createdAt: string | null; sha: string | null } | null;
}

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

function sum(files: FileReport[], pick: (f: FileReport) => Sizes | null): Sizes {
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

/** Reads a base report; throws with a one-line reason when it is not one of ours. */
export function parseBaseReport(text: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`not JSON (${(e as Error).message})`);
  }
  const r = data as Partial<Report>;
  if (!r || r.schema !== REPORT_SCHEMA || !Array.isArray(r.files)) throw new Error('not a preinit-action report.json');
  if (typeof r.version !== 'number' || r.version > REPORT_VERSION) {
    throw new Error(`report version ${String(r.version)} is newer than this action understands (${REPORT_VERSION})`);
  }
  return r as Report;
}

/**
 * Fills `base` on each file and on the totals, and lists files the base had that are gone now.
 * Totals compare everything: all outputs now against all outputs then (new files add, removed
 * files subtract).
 */
export function compareWithBase(report: Report, base: Report): void {
  const baseOk = base.files.filter((f) => f.status === 'ok' && f.after);
  const byPath = new Map(baseOk.map((f) => [f.path, f]));
  const seen = new Set<string>();
  for (const f of report.files) {
    seen.add(f.path);
    const after = f.after;
    const bAfter = byPath.get(f.path)?.after ?? null;
    f.base = {
      raw: bAfter?.raw ?? null,
      gzip: bAfter?.gzip ?? null,
      brotli: bAfter?.brotli ?? null,
      bytes: after && bAfter ? after.raw - bAfter.raw : null,
      percent: after && bAfter ? percent(after.raw - bAfter.raw, bAfter.raw) : null,
    };
  }
  report.removed = baseOk.filter((f) => !seen.has(f.path)).map((f) => ({ path: f.path, raw: f.after!.raw }));
  const prev = sum(baseOk, (f) => f.after);
  const cur = sum(report.files, (f) => f.after).raw;
  report.totals.base = { ...prev, bytes: cur - prev.raw, percent: percent(cur - prev.raw, prev.raw) };
}

export function finishTotals(report: Report): void {
  const ok = report.files.filter((f) => f.status === 'ok');
  const input = sum(ok, (f) => f.input);
  const after = sum(ok, (f) => f.after);
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

export function formatLimit(l: SizeLimit): string {
  return l.kind === 'percent' ? `${l.value}%` : `${l.value} B`;
}

/** Allowed increase in bytes for a limit relative to a reference size. */
export function allowedBytes(l: SizeLimit, reference: number): number {
  return l.kind === 'bytes' ? l.value : Math.floor((reference * l.value) / 100);
}

/**
 * The size budget: the total output may grow by at most `limit` against the base report when one
 * is given (the usual PR check), else against the total input size (what pre-initialization adds).
 */
export function applyBudget(report: Report, limit: SizeLimit | null): void {
  if (!limit) {
    report.budget = null;
    return;
  }
  const base = report.totals.base;
  const against = base ? 'base' : 'input';
  const reference = base ? (base.raw ?? 0) : report.totals.input.raw;
  const increase = base ? (base.bytes ?? 0) : report.totals.change.bytes;
  const allowed = allowedBytes(limit, reference);
  report.budget = { limit: formatLimit(limit), against, increase, allowed, exceeded: increase > allowed };
}
