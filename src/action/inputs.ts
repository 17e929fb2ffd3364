/** Reads and validates the action's inputs (action.yml) into one typed object. */
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_INIT_FUNC, isOptimizeLevel, type OptimizeLevel } from '../engine/types.js';
import type { BrotliSetting } from '../report/build.js';
import { BUDGET_KEYS, type Budget } from './budgets.js';
import { InputError } from './input-error.js';
import { parseShard, type Shard } from './shard.js';

export type IfNoFilesFound = 'warn' | 'error' | 'ignore';
export type CommentMode = 'auto' | 'always' | 'never' | 'on-change';
export type SortBy = 'path' | 'size' | 'change' | 'speedup';
/** `base-report`: found by itself on a PR (`auto`), off, or a report.json path (absolute). */
export type BaseSetting = { kind: 'auto' } | { kind: 'none' } | { kind: 'path'; path: string };

/** A size threshold or budget: absolute bytes or a percentage of the reference size. */
export type SizeLimit = { kind: 'bytes'; value: number } | { kind: 'percent'; value: number };

export interface ActionInputs {
  patterns: string[];
  excludes: string[];
  workingDirectory: string;
  ifNoFilesFound: IfNoFilesFound;
  /** Absolute output directory; null when writing in place. */
  outputDir: string | null;
  inPlace: boolean;
  engine: {
    initFunc: string;
    keepInitFunc: boolean;
    renames: Array<{ dst: string; src: string }>;
    allowWasi: boolean;
    inheritEnv: boolean;
    env: Record<string, string>;
    dirs: Array<{ guest: string; host: string }>;
    preloads: Array<{ name: string; path: string }>;
    verify: boolean;
    deterministic: boolean;
    reproducible: boolean;
    /** Reproducible mode's random seed; undefined: the engine's default. */
    seed: bigint | undefined;
    allowSecrets: boolean;
    optimize: OptimizeLevel | false;
    /** Bytes; undefined: no limit beyond the module's own maximum. */
    maxMemory: number | undefined;
  };
  /** Per-file limit (init included), milliseconds. */
  initTimeoutMs: number;
  measureStartup: boolean;
  startupIterations: number | undefined;
  /** Milliseconds of startup measurement per file (at least 3 iterations run). */
  startupBudgetMs: number;
  brotli: BrotliSetting;
  /** Files pre-initialized at once (each in its own worker). */
  parallel: number;
  checkReproducible: boolean;
  failOnError: boolean;
  upload: boolean;
  artifactName: string;
  retentionDays: number | undefined;
  compressionLevel: number | undefined;
  overwrite: boolean;
  jobSummary: boolean;
  comment: CommentMode;
  commentKey: string;
  /** Per file: a change against the base below this counts as unchanged (compressed-size-action's meaning). */
  minimumChangeThreshold: SizeLimit;
  collapseUnchanged: boolean;
  omitUnchanged: boolean;
  sortBy: SortBy;
  /** `strip-hash`, compiled. */
  stripHash: RegExp | null;
  baseReport: BaseSetting;
  maxSizeIncrease: SizeLimit | null;
  budgets: Budget[];
  githubToken: string;
  prNumber: number | null;
  /** `shard: K/N`: this job does share K only and leaves the summary and comment to the merge. */
  shard: Shard | null;
  /** Merge mode: no wasm is run; the shards' artifacts of this run become one report. */
  mergeShards: boolean;
  deleteShardArtifacts: boolean;
}

function str(name: string): string {
  return core.getInput(name).trim();
}

function bool(name: string, dflt: boolean): boolean {
  const v = str(name).toLowerCase();
  if (v === '') return dflt;
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new InputError(`input \`${name}\` must be true or false, got \`${core.getInput(name).trim()}\``);
}

function oneOf<T extends string>(name: string, allowed: readonly T[], dflt: T): T {
  const v = str(name).toLowerCase();
  if (v === '') return dflt;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(`input \`${name}\` must be one of ${allowed.join(', ')}, got \`${v}\``);
}

/** `false` (default), `true` (level O) or a wasm-opt level such as `O3` or `Oz`. */
function optimizeLevel(): OptimizeLevel | false {
  const v = str('optimize');
  if (v === '' || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return 'O';
  if (isOptimizeLevel(v)) return v;
  throw new InputError(`input \`optimize\` must be true, false or one of O, O1, O2, O3, O4, Os, Oz, got \`${v}\``);
}

/** A whole number from 0 to 2^64-1, decimal or 0x-hex; the engine checks the range. */
function seed(): bigint | undefined {
  const v = str('seed');
  if (v === '') return undefined;
  if (!/^(\d+|0x[0-9a-f]+)$/i.test(v)) throw new InputError(`input \`seed\` must be a whole number, got \`${v}\``);
  return BigInt(v);
}

function optInt(name: string, min: number, max: number): number | undefined {
  const v = str(name);
  if (v === '') return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new InputError(`input \`${name}\` must be an integer from ${min} to ${max}, got \`${v}\``);
  }
  return Number(v);
}

function brotliSetting(): BrotliSetting {
  const v = str('brotli-quality');
  if (v === '' || v === 'auto') return 'auto';
  if (!/^\d+$/.test(v) || Number(v) > 11) throw new InputError(`input \`brotli-quality\` must be \`auto\` or an integer from 0 to 11, got \`${v}\``);
  return Number(v);
}

/** Multi-line list; commas also separate items when `commas` is set. Blank lines and `#` comments dropped. */
export function listOf(raw: string, commas = false): string[] {
  const lines = raw.split(/\r?\n/);
  const items = commas ? lines.flatMap((l) => l.split(',')) : lines;
  return items.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1000,
  kib: 1024,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

/** `1234`, `10KB`, `1.5 MiB` or `5%`. */
export function parseSizeLimit(raw: string, name = 'size'): SizeLimit {
  const v = raw.trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(v);
  if (pct) return { kind: 'percent', value: Number(pct[1]) };
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(v);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new InputError(`input \`${name}\` must be a size like 2048, 10KB, 1MiB or 5%, got \`${v}\``);
  }
  return { kind: 'bytes', value: Math.round(Number(m[1]) * unit) };
}

function pairs(name: string, sep: string): Array<[string, string]> {
  return listOf(core.getInput(name), name === 'rename-func').map((item) => {
    const i = item.indexOf(sep);
    if (i <= 0) throw new InputError(`input \`${name}\`: expected \`a${sep}b\`, got \`${item}\``);
    return [item.slice(0, i).trim(), item.slice(i + sep.length).trim()];
  });
}

function maxMemory(): number | undefined {
  const v = str('max-memory');
  if (v === '') return undefined;
  const l = parseSizeLimit(v, 'max-memory');
  if (l.kind !== 'bytes' || l.value <= 0) throw new InputError(`input \`max-memory\` must be a size like 512MiB, got \`${v}\``);
  return l.value;
}

function stripHash(): RegExp | null {
  const v = str('strip-hash');
  if (v === '') return null;
  try {
    return new RegExp(v);
  } catch (e) {
    throw new InputError(`input \`strip-hash\` is not a regular expression: ${(e as Error).message}`);
  }
}

/** `budgets`: a JSON list of `{ path, maxRaw, maxGzip, maxBrotli, minSpeedup, maxSlowdown }`. */
function budgets(): Budget[] {
  const v = str('budgets');
  if (v === '') return [];
  const bad = (why: string): never => {
    throw new InputError(`input \`budgets\`: ${why}`);
  };
  let list: unknown;
  try {
    list = JSON.parse(v);
  } catch (e) {
    bad(`not JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(list)) bad('must be a JSON list of budgets');
  return (list as unknown[]).map((item, i) => {
    const at = `entry ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) bad(`${at} must be an object`);
    const o = item as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!(BUDGET_KEYS as readonly string[]).includes(k)) bad(`${at}: unknown key \`${k}\` (known: ${BUDGET_KEYS.join(', ')})`);
    const size = (k: string): number | undefined => {
      if (o[k] === undefined) return undefined;
      const l = typeof o[k] === 'number' ? { kind: 'bytes', value: o[k] } : typeof o[k] === 'string' ? parseSizeLimit(o[k], `budgets\` ${at} \`${k}`) : null;
      if (!l || l.kind !== 'bytes' || !(l.value >= 0)) return bad(`${at}: \`${k}\` must be a size like 512000 or "500KiB"`);
      return l.value;
    };
    const num = (k: string): number | undefined => {
      const x = typeof o[k] === 'string' ? Number(String(o[k]).replace(/[%×x]$/, '')) : o[k];
      if (x === undefined) return undefined;
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) return bad(`${at}: \`${k}\` must be a non-negative number`);
      return x;
    };
    if (o.path !== undefined && (typeof o.path !== 'string' || o.path === '')) bad(`${at}: \`path\` must be a glob`);
    const b: Budget = { path: (o.path as string | undefined) ?? '**', maxRaw: size('maxRaw'), maxGzip: size('maxGzip'), maxBrotli: size('maxBrotli'), minSpeedup: num('minSpeedup'), maxSlowdown: num('maxSlowdown') };
    if (Object.keys(o).every((k) => k === 'path')) bad(`${at} sets no limit`);
    return b;
  });
}

function prNumberFromInput(): number | null {
  const v = str('pr-number');
  if (v === '') return null;
  if (!/^\d+$/.test(v) || Number(v) === 0) throw new InputError(`input \`pr-number\` must be a positive integer, got \`${v}\``);
  return Number(v);
}

/** `shard`, `merge-shards` and `delete-shard-artifacts`, and what they rule out. */
function sharding(inPlace: boolean, upload: boolean): Pick<ActionInputs, 'shard' | 'mergeShards' | 'deleteShardArtifacts'> {
  const shard = str('shard') === '' ? null : parseShard(str('shard'));
  const mergeShards = bool('merge-shards', false);
  const deleteShardArtifacts = bool('delete-shard-artifacts', false);
  if (shard && mergeShards) throw new InputError('inputs `shard` and `merge-shards` cannot be used together: the merge is a job of its own');
  if (shard && !upload) throw new InputError('input `shard` needs `upload: true`: the merge reads each shard from its artifact');
  if (mergeShards && inPlace) throw new InputError('input `merge-shards` writes the outputs to `output-dir`; `in-place` does not apply');
  if (deleteShardArtifacts && !(mergeShards && upload)) {
    throw new InputError('input `delete-shard-artifacts` needs `merge-shards: true` and `upload: true` (the merged artifact replaces the shards\' ones)');
  }
  return { shard, mergeShards, deleteShardArtifacts };
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectory = path.resolve(workspace, str('working-directory') || '.');
  if (!fs.statSync(workingDirectory, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(`input \`working-directory\`: ${workingDirectory} is not a directory`);
  }
  const inPlace = bool('in-place', false);
  const outRaw = str('output-dir');
  if (inPlace && outRaw !== '') throw new InputError('inputs `in-place` and `output-dir` cannot be used together');
  const outputDir = inPlace ? null : path.resolve(workingDirectory, outRaw || 'preinit-output');
  if (!inPlace && outputDir === workingDirectory) {
    throw new InputError('`output-dir` is the working directory itself; set `in-place: true` to overwrite inputs');
  }
  const patterns = listOf(core.getInput('path'));
  const resolve = (p: string) => path.resolve(workingDirectory, p);
  const threshold = str('minimum-change-threshold');
  const budget = str('max-size-increase');
  const base = str('base-report');
  const upload = bool('upload', true);
  return {
    patterns: patterns.length ? patterns : ['**/*.wasm'],
    excludes: listOf(core.getInput('exclude') || '**/node_modules/**'),
    workingDirectory,
    ifNoFilesFound: oneOf('if-no-files-found', ['warn', 'error', 'ignore'] as const, 'warn'),
    outputDir,
    inPlace,
    engine: {
      initFunc: str('init-func') || DEFAULT_INIT_FUNC,
      keepInitFunc: bool('keep-init-func', false),
      renames: pairs('rename-func', '=').map(([dst, src]) => ({ dst, src })),
      allowWasi: bool('allow-wasi', false),
      inheritEnv: bool('inherit-env', false),
      env: Object.fromEntries(pairs('env', '=')),
      dirs: listOf(core.getInput('dirs')).map((d) => {
        const i = d.indexOf('::');
        return i < 0 ? { guest: d, host: resolve(d) } : { guest: d.slice(0, i), host: resolve(d.slice(i + 2)) };
      }),
      preloads: pairs('preload', '=').map(([name, p]) => ({ name, path: resolve(p) })),
      verify: bool('verify', true),
      deterministic: bool('deterministic', false),
      reproducible: bool('reproducible', false),
      seed: seed(),
      allowSecrets: bool('allow-secrets', false),
      optimize: optimizeLevel(),
      maxMemory: maxMemory(),
    },
    initTimeoutMs: (optInt('init-timeout', 1, 24 * 3600) ?? 60) * 1000,
    measureStartup: bool('measure-startup', true),
    startupIterations: optInt('startup-iterations', 1, 1000),
    startupBudgetMs: (optInt('startup-budget', 1, 3600) ?? 5) * 1000,
    brotli: brotliSetting(),
    parallel: optInt('parallel', 1, 256) ?? os.availableParallelism(),
    checkReproducible: bool('check-reproducible', false),
    failOnError: bool('fail-on-error', true),
    upload,
    artifactName: str('artifact-name') || 'preinit',
    retentionDays: optInt('retention-days', 1, 90),
    compressionLevel: optInt('compression-level', 0, 9),
    overwrite: bool('overwrite', false),
    jobSummary: bool('job-summary', true),
    comment: oneOf('comment', ['auto', 'always', 'never', 'on-change'] as const, 'auto'),
    commentKey: str('comment-key'),
    minimumChangeThreshold: threshold ? parseSizeLimit(threshold, 'minimum-change-threshold') : { kind: 'bytes', value: 1 },
    collapseUnchanged: bool('collapse-unchanged', true),
    omitUnchanged: bool('omit-unchanged', false),
    sortBy: oneOf('sort-by', ['path', 'size', 'change', 'speedup'] as const, 'path'),
    stripHash: stripHash(),
    baseReport: base === '' || base === 'auto' ? { kind: 'auto' } : base === 'none' ? { kind: 'none' } : { kind: 'path', path: resolve(base) },
    maxSizeIncrease: budget ? parseSizeLimit(budget, 'max-size-increase') : null,
    budgets: budgets(),
    githubToken: str('github-token'),
    prNumber: prNumberFromInput(),
    ...sharding(inPlace, upload),
  };
}
