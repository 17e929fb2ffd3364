/**
 * report.json: a versioned, self-describing record of one run, written alike by the action and by
 * the CLI's `--report`. A later run reads it back as its base, so the shape only grows (new
 * optional fields); breaking changes bump the version.
 */
import type { OptimizeLevel } from '../engine/types.js';

export const REPORT_SCHEMA = 'preinit-action/report';
export const REPORT_VERSION = 1;

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** The levels a file's gzip and brotli sizes were measured at (its input and output alike). */
export interface Compression {
  gzipLevel: number;
  brotliQuality: number;
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
  /**
   * The cold speedup's noise: a distribution-free interval of the median per-iteration speedup
   * and the confidence it reaches with this many iterations (0.99 from 8 on; absent before 0.3).
   */
  interval?: { low: number; high: number; confidence: number };
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
  /** Levels of this file's gzip/brotli sizes (absent in reports before 0.2: the run's levels). */
  compression?: Compression;
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
  /** In reproducible mode: the seed (decimal), the clock's epoch (seconds) and the output's SHA-256. */
  reproducible: { seed: string; epoch: number; sha256: string } | null;
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
  /**
   * Per file: whether the size change counts (|bytes| at least `minimum-change-threshold`; a new
   * or failed file always does). Absent on the totals.
   */
  changed?: boolean;
  /** The base's cold startup speedup (per file; null when either side has none). */
  speedup?: number | null;
  /** Startup against the base, judged by the noise intervals: `same` when they overlap; null when either lacks one. */
  startup?: 'faster' | 'slower' | 'same' | null;
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
  /** The run's levels; `auto`: by each file's size (see the file's own `compression`). */
  compression: { gzipLevel: number | 'auto'; brotliQuality: number | 'auto' };
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
  /** The base compared against: a path, or the artifact found for the PR's base branch. */
  baseReport: {
    path: string;
    createdAt: string | null;
    sha: string | null;
    /** Set when found by itself (`base-report: auto`): the branch, the artifact and its run. */
    branch?: string;
    artifactId?: number;
    runId?: number;
  } | null;
  /** The `budgets` input's checks: how many file-budget pairs, and the broken ones. Absent without budgets. */
  budgets?: { checked: number; broken: Array<{ path: string; budget: string; limit: string; actual: string }> };
  /** Why a base was looked for and not found (shown in the comment); absent when none was looked for. */
  noBase?: string;
  /**
   * A shard's report (`shard: K/N`), for the merge: share `index` of `count`, and what every
   * shard must agree on, the files matched before sharding (how many, and a SHA-256 of their
   * paths and sizes). Absent in a whole run's report, merged or not.
   */
  shard?: ShardFacts;
}

export interface ShardFacts {
  index: number;
  count: number;
  matched: number;
  fingerprint: string;
}

function isShardFacts(s: unknown): s is ShardFacts {
  const o = s as Partial<ShardFacts> | null;
  const whole = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  return (
    typeof o === 'object' && o !== null && whole(o.index) && whole(o.count) && o.index >= 1 && o.index <= o.count &&
    whole(o.matched) && typeof o.fingerprint === 'string' && /^[0-9a-f]{64}$/.test(o.fingerprint)
  );
}

/** Reads a base report; throws with a one-line reason when it is not one of ours. */
export function parseReport(text: string): Report {
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
  if (r.shard !== undefined && !isShardFacts(r.shard)) throw new Error('its `shard` is not {index, count, matched, fingerprint} with 1 <= index <= count');
  return r as Report;
}

